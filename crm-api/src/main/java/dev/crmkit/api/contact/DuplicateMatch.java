package dev.crmkit.api.contact;

import dev.crmkit.api.RecordRef;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An existing record that a candidate duplicates (CON-5): which fields matched and how strongly.
 *
 * @param record the existing record
 * @param name its name, for messages
 * @param fields the fields that matched
 * @param score the share of the rule's fields that matched, from 0 to 1
 */
public record DuplicateMatch(RecordRef record, String name, Set<MatchField> fields, BigDecimal score) {

    /** Copies the fields and rejects nulls. */
    public DuplicateMatch {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
        fields = Collections.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(MatchField.class) : EnumSet.copyOf(fields));
    }
}
