package dev.crmkit.core.support;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.spi.Transaction;
import java.util.Set;

/**
 * The records that tasks and timeline entries may belong to: deals, contacts, companies and leads
 * (TASK-1, ACT-1).
 */
public final class Owners {

    /** The kinds of records that own tasks and timeline entries. */
    public static final Set<EntityType> KINDS = Set.of(EntityType.DEAL, EntityType.CONTACT, EntityType.COMPANY,
            EntityType.LEAD);

    private Owners() {
    }

    /**
     * Checks that a reference names a record that can own tasks and timeline entries.
     *
     * @param v where a problem goes
     * @param path the reference's path in the input
     * @param ref the reference
     * @return true when its kind can own them
     */
    public static boolean checkKind(Violations v, String path, RecordRef ref) {
        if (!KINDS.contains(ref.type())) {
            v.add(path, "owner.kind", ref.type());
            return false;
        }
        return true;
    }

    /**
     * Requires the record a reference names to exist.
     *
     * @param tx the transaction
     * @param ref a reference of one of the {@link #KINDS}
     * @throws NotFoundException when it does not exist
     */
    public static void requireExists(Transaction tx, RecordRef ref) {
        boolean found = switch (ref.type()) {
            case DEAL -> tx.deals().find(new DealId(ref.id())).isPresent();
            case CONTACT -> tx.contacts().find(new ContactId(ref.id())).isPresent();
            case COMPANY -> tx.companies().find(new CompanyId(ref.id())).isPresent();
            case LEAD -> tx.leads().find(new LeadId(ref.id())).isPresent();
            default -> throw new IllegalArgumentException("a " + ref.type() + " owns no tasks or timeline entries");
        };
        if (!found) {
            throw new NotFoundException(ref);
        }
    }
}
