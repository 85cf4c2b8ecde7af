package dev.crmkit.core.contact;

import dev.crmkit.api.contact.MatchField;
import dev.crmkit.core.policy.DuplicateRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two records are duplicates under a rule (CON-5), and on which fields. Pure: it compares keys
 * and never reads storage.
 */
final class DuplicateMatchRule {

    private DuplicateMatchRule() {
    }

    /**
     * The fields on which two records match, when they are enough for the rule.
     *
     * @return the matched fields among the rule's, or empty when the records are not duplicates
     */
    static Optional<Set<MatchField>> match(DuplicateRule rule, MatchKeys a, MatchKeys b) {
        EnumSet<MatchField> matched = EnumSet.noneOf(MatchField.class);
        for (MatchField f : rule.fields()) {
            if (same(f, a, b)) {
                matched.add(f);
            }
        }
        long anyOf = rule.anyOf().stream().filter(matched::contains).count();
        return matched.containsAll(rule.required()) && anyOf >= rule.minimum() ? Optional.of(matched) : Optional.empty();
    }

    /** The share of the rule's fields that matched, 0 to 1, four decimals. */
    static BigDecimal score(DuplicateRule rule, Set<MatchField> matched) {
        return BigDecimal.valueOf(matched.size()).divide(BigDecimal.valueOf(rule.fields().size()), 4, RoundingMode.HALF_UP);
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
                throw new IllegalStateException(f.name());
        }
    }

    /** Whether finding candidates needs a lookup by birth date (a match is possible on it alone). */
    static boolean needsBirthDateLookup(DuplicateRule rule) {
        return rule.required().stream().allMatch(f -> f == MatchField.BIRTH_DATE)
                && rule.anyOf().contains(MatchField.BIRTH_DATE) && rule.minimum() == 1;
    }
}
