package dev.crmkit.bench;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate keys of the presets' rules as the peers get them: a contact's keys computed with the public
 * functions crmkit stores them by ({@code PersonName.matchKey()}, the policy's {@link PhoneMatcher},
 * {@code Email.normalized()}, the birth date), and the field combinations a rule is satisfied by (its required
 * fields plus {@code minimum} of the others: {@code anyOf(PHONE, EMAIL)} is {PHONE} or {EMAIL};
 * {@code atLeast(2).of(NAME, PHONE, BIRTH_DATE)} is {NAME, PHONE}, {NAME, BIRTH_DATE} or {PHONE, BIRTH_DATE}).
 * Two contacts are duplicates when they share every key of one combination.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * The preset a benchmark parameter names.
     *
     * @param rule {@code amoCRM}, {@code bitrix24} or {@code onlyOffice}
     * @return the policy
     */
    public static Policy preset(String rule) {
        switch (rule) {
            case "amoCRM":
                return Policies.amoCrm();
            case "bitrix24":
                return Policies.bitrix24SalesDepartment();
            case "onlyOffice":
                return Policies.onlyOffice();
            default:
                throw new IllegalArgumentException("no preset " + rule + ": amoCRM, bitrix24 or onlyOffice");
        }
    }

    /**
     * The minimal field combinations that satisfy a rule.
     *
     * @param criteria the rule
     * @return the combinations
     */
    public static List<Set<MatchField>> combinations(DuplicateCriteria criteria) {
        List<Set<MatchField>> out = new ArrayList<>();
        choose(new ArrayList<>(criteria.anyOf()), 0, criteria.minimum(), criteria.required().isEmpty()
                ? EnumSet.noneOf(MatchField.class) : EnumSet.copyOf(criteria.required()), out);
        return out;
    }

    private static void choose(List<MatchField> from, int start, int left, EnumSet<MatchField> chosen,
                               List<Set<MatchField>> out) {
        if (left == 0) {
            out.add(EnumSet.copyOf(chosen));
            return;
        }
        for (int i = start; i < from.size(); i++) {
            chosen.add(from.get(i));
            choose(from, i + 1, left - 1, chosen, out);
            chosen.remove(from.get(i));
        }
    }

    /** A contact's keys. */
    record Keys(String name, Set<String> phones, Set<String> emails, String birth) {
    }

    static Keys of(Contact c, PhoneMatcher matcher) {
        Set<String> phones = new LinkedHashSet<>();
        for (ContactPhone p : c.phones()) {
            phones.add(matcher.key(p.number()));
        }
        Set<String> emails = new LinkedHashSet<>();
        for (ContactEmail e : c.emails()) {
            emails.add(e.email().normalized());
        }
        return new Keys(c.name().matchKey(), phones, emails, c.birthDate().map(Object::toString).orElse(null));
    }

    /** The key tuples of a contact for one combination: one per combination of its values. */
    static List<String> tuples(Set<MatchField> combination, Keys k) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (MatchField f : combination) {
            List<String> values = new ArrayList<>();
            switch (f) {
                case NAME:
                    if (!k.name().isEmpty()) {
                        values.add(k.name());
                    }
                    break;
                case PHONE:
                    values.addAll(k.phones());
                    break;
                case EMAIL:
                    values.addAll(k.emails());
                    break;
                default:
                    if (k.birth() != null) {
                        values.add(k.birth());
                    }
            }
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String v : values) {
                    next.add(prefix + f.ordinal() + "\u0000" + v + "\u0001");
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Which of the new contacts a correct duplicate check refuses, creating them one after another into a store
     * already holding {@code stored}: a new contact is refused when it shares every key of one combination with a
     * stored contact or with a new one created before it.
     *
     * @param policy the rule and phone matcher
     * @param stored the contacts already stored
     * @param created the contacts to create, in order
     * @return how many are refused
     */
    public static int refused(Policy policy, List<Contact> stored, List<Contact> created) {
        return refusals(policy, stored, created).cardinality();
    }

    /**
     * Which of the new contacts a correct duplicate check refuses, as {@link #refused} counts them: the positions in
     * {@code created} of the refused ones.
     *
     * @param policy the rule and phone matcher
     * @param stored the contacts already stored
     * @param created the contacts to create, in order
     * @return the refused contacts' positions
     */
    public static BitSet refusals(Policy policy, List<Contact> stored, List<Contact> created) {
        List<Set<MatchField>> combinations = combinations(policy.contactDuplicates());
        Map<String, Boolean> seen = new HashMap<>();
        for (Contact c : stored) {
            Keys k = of(c, policy.phoneMatcher());
            for (Set<MatchField> combination : combinations) {
                tuples(combination, k).forEach(t -> seen.put(t, Boolean.TRUE));
            }
        }
        BitSet refused = new BitSet(created.size());
        for (int i = 0; i < created.size(); i++) {
            Keys k = of(created.get(i), policy.phoneMatcher());
            List<String> all = new ArrayList<>();
            for (Set<MatchField> combination : combinations) {
                all.addAll(tuples(combination, k));
            }
            if (all.stream().anyMatch(seen::containsKey)) {
                refused.set(i);
            } else {
                all.forEach(t -> seen.put(t, Boolean.TRUE));
            }
        }
        return refused;
    }
}
