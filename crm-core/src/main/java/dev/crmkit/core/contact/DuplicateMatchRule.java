package dev.crmkit.core.contact;

import dev.crmkit.api.contact.MatchField;
import dev.crmkit.core.policy.DuplicateCriteria;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two records are duplicates under the policy's criteria (CON-5), and on which fields. Pure: it
 * compares keys and never reads storage.
 */
final class DuplicateMatchRule {

    private DuplicateMatchRule() {
    }

    /**
     * The fields on which two records match, when they are enough for the rule.
     *
     * @return the matched fields among the rule's, or empty when the records are not duplicates
     */
    static Optional<Set<MatchField>> match(DuplicateCriteria criteria, MatchKeys a, MatchKeys b) {
        EnumSet<MatchField> matched = EnumSet.noneOf(MatchField.class);
        for (MatchField f : criteria.fields()) {
            if (same(f, a, b)) {
                matched.add(f);
            }
        }
        long anyOf = criteria.anyOf().stream().filter(matched::contains).count();
        return matched.containsAll(criteria.required()) && anyOf >= criteria.minimum() ? Optional.of(matched)
                : Optional.empty();
    }

    /** The share of the rule's fields that matched, 0 to 1, four decimals. */
    static BigDecimal score(DuplicateCriteria criteria, Set<MatchField> matched) {
        return BigDecimal.valueOf(matched.size())
                .divide(BigDecimal.valueOf(criteria.fields().size()), 4, RoundingMode.HALF_UP);
    }

    private static boolean same(MatchField f, MatchKeys a, MatchKeys b) {
        switch (f) {
            case NAME:
                return !a.name().isEmpty() && a.name().equals(b.name());
            case PHONE:
                return !Collections.disjoint(a.phones(), b.phones());
            case EMAIL:
                return !Collections.disjoint(a.emails(), b.emails());
            case BIRTH_DATE:
                return a.birthDate() != null && a.birthDate().equals(b.birthDate());
            default:
                throw new IllegalStateException("no comparison for the match field " + f);
        }
    }

    /** Whether finding candidates needs a lookup by birth date (a match is possible on it alone). */
    static boolean needsBirthDateLookup(DuplicateCriteria criteria) {
        return criteria.required().stream().allMatch(f -> f == MatchField.BIRTH_DATE)
                && criteria.anyOf().contains(MatchField.BIRTH_DATE) && criteria.minimum() == 1;
    }
}
