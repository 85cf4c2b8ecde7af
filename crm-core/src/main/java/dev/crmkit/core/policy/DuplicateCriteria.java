package dev.crmkit.core.policy;

import dev.crmkit.api.contact.MatchField;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When two records are duplicates (CON-5), as a sentence: {@code anyOf(PHONE, EMAIL)} (amoCRM),
 * {@code atLeast(2).of(NAME, PHONE, BIRTH_DATE)} (Bitrix24), {@code same(NAME).andAnyOf(PHONE, EMAIL)}
 * (companies); {@link #mayCreateAnyway()} lets a caller store a duplicate on purpose. Immutable.
 *
 * @param required fields that must all match
 * @param anyOf fields of which at least {@code minimum} must match
 * @param minimum how many of {@code anyOf}, at least 1
 * @param createAnywayAllowed whether a caller may ask to store a duplicate anyway
 */
public record DuplicateCriteria(Set<MatchField> required, Set<MatchField> anyOf, int minimum,
                                boolean createAnywayAllowed) {

    /** Checks the counts and copies the sets. */
    public DuplicateCriteria {
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(anyOf, "anyOf");
        if (minimum < 1 || minimum > anyOf.size()) {
            throw new IllegalArgumentException("minimum must be between 1 and " + anyOf.size() + ", was " + minimum);
        }
        required = Collections.unmodifiableSet(copy(required));
        anyOf = Collections.unmodifiableSet(copy(anyOf));
    }

    /**
     * Duplicates when any one of the fields matches.
     *
     * @param first a field
     * @param more more fields
     * @return the criteria; duplicates are never stored anyway unless {@link #mayCreateAnyway()}
     */
    public static DuplicateCriteria anyOf(MatchField first, MatchField... more) {
        return new DuplicateCriteria(Set.of(), EnumSet.of(first, more), 1, false);
    }

    /**
     * Duplicates when at least {@code count} of some fields match; name them with {@link AtLeast#of}.
     *
     * @param count how many, at least 1
     * @return the first half of the sentence
     */
    public static AtLeast atLeast(int count) {
        return new AtLeast(count);
    }

    /**
     * Duplicates only when all of these fields match, and one more of others does; name those with
     * {@link Same#andAnyOf}.
     *
     * @param first a field
     * @param more more fields
     * @return the first half of the sentence
     */
    public static Same same(MatchField first, MatchField... more) {
        return new Same(EnumSet.of(first, more));
    }

    /**
     * The same criteria, letting a caller store a duplicate on purpose.
     *
     * @return the criteria
     */
    public DuplicateCriteria mayCreateAnyway() {
        return new DuplicateCriteria(required, anyOf, minimum, true);
    }

    /**
     * The same criteria, never letting a duplicate be stored.
     *
     * @return the criteria
     */
    public DuplicateCriteria neverCreateAnyway() {
        return new DuplicateCriteria(required, anyOf, minimum, false);
    }

    /**
     * All the fields the criteria look at.
     *
     * @return required and any-of fields
     */
    public Set<MatchField> fields() {
        EnumSet<MatchField> all = EnumSet.noneOf(MatchField.class);
        all.addAll(required);
        all.addAll(anyOf);
        return all;
    }

    private static EnumSet<MatchField> copy(Set<MatchField> fields) {
        return fields.isEmpty() ? EnumSet.noneOf(MatchField.class) : EnumSet.copyOf(fields);
    }

    /**
     * "At least N of …".
     *
     * @param count how many fields must match
     */
    public record AtLeast(int count) {

        /**
         * Names the fields.
         *
         * @param fields the fields, at least {@code count}
         * @return the criteria
         */
        public DuplicateCriteria of(MatchField... fields) {
            return new DuplicateCriteria(Set.of(), EnumSet.copyOf(List.of(fields)), count, false);
        }
    }

    /**
     * "The same … and any of …".
     *
     * @param required the fields that must all match
     */
    public record Same(Set<MatchField> required) {

        /** Copies the fields. */
        public Same {
            required = Set.copyOf(required);
        }

        /**
         * Names the fields of which one more must match.
         *
         * @param first a field
         * @param more more fields
         * @return the criteria
         */
        public DuplicateCriteria andAnyOf(MatchField first, MatchField... more) {
            return new DuplicateCriteria(required, EnumSet.of(first, more), 1, false);
        }
    }
}
