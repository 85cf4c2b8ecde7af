package dev.crmkit.core.policy;

import dev.crmkit.api.contact.MatchField;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When two records are duplicates (CON-5): every {@code required} field matches and at least
 * {@code minimum} of the {@code anyOf} fields do. amoCRM: any one of phone and e-mail; Bitrix24: two or
 * more of name, phone and birth date; companies: the name plus a phone or an e-mail.
 *
 * @param required fields that must all match
 * @param anyOf fields of which at least {@code minimum} must match
 * @param minimum how many of {@code anyOf}, at least 1
 * @param overridable whether a caller may ask to create a duplicate anyway
 */
public record DuplicateRule(Set<MatchField> required, Set<MatchField> anyOf, int minimum, boolean overridable) {

    /** Companies: the same name plus a phone or an e-mail. */
    public static final DuplicateRule COMPANY = new DuplicateRule(EnumSet.of(MatchField.NAME),
            EnumSet.of(MatchField.PHONE, MatchField.EMAIL), 1, true);

    /** Checks the counts and copies the sets. */
    public DuplicateRule {
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(anyOf, "anyOf");
        if (minimum < 1 || minimum > anyOf.size()) {
            throw new IllegalArgumentException("minimum must be between 1 and " + anyOf.size());
        }
        required = Collections.unmodifiableSet(required.isEmpty() ? EnumSet.noneOf(MatchField.class) : EnumSet.copyOf(required));
        anyOf = Collections.unmodifiableSet(EnumSet.copyOf(anyOf));
    }

    /**
     * A rule with no required field.
     *
     * @param minimum how many of the fields must match
     * @param overridable whether a duplicate may be created anyway on request
     * @param fields the fields
     * @return the rule
     */
    public static DuplicateRule anyOf(int minimum, boolean overridable, MatchField... fields) {
        return new DuplicateRule(EnumSet.noneOf(MatchField.class), EnumSet.of(fields[0], fields), minimum, overridable);
    }

    /**
     * All the fields the rule looks at.
     *
     * @return required and any-of fields
     */
    public Set<MatchField> fields() {
        EnumSet<MatchField> all = EnumSet.noneOf(MatchField.class);
        all.addAll(required);
        all.addAll(anyOf);
        return all;
    }

    /**
     * The same rule with another override setting.
     *
     * @param value whether a duplicate may be created anyway on request
     * @return the rule
     */
    public DuplicateRule withOverridable(boolean value) {
        return new DuplicateRule(required, anyOf, minimum, value);
    }
}
