package dev.crmkit.core.contact;

import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Contacts that are duplicates of each other, directly or through others (A~B and B~C), found by a scan
 * of stored data.
 *
 * @param contacts the contacts, in id order
 * @param reasons the fields on which they matched
 */
public record DuplicateCluster(List<ContactId> contacts, Set<MatchField> reasons) {

    /** Copies the collections. */
    public DuplicateCluster {
        contacts = List.copyOf(contacts);
        reasons = Collections.unmodifiableSet(reasons.isEmpty() ? EnumSet.noneOf(MatchField.class) : EnumSet.copyOf(reasons));
    }
}
