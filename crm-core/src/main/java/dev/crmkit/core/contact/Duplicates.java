package dev.crmkit.core.contact;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.core.policy.DuplicateRule;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.support.Records;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the stored records a contact or company duplicates (CON-5): candidates come from the storage's
 * lookups (phone index keys, e-mails, name keys), then the policy's rule decides. With locking, the
 * candidate's keys are locked first, so two transactions creating the same person one after the other
 * see each other (the uniqueness the rules need under concurrency).
 */
final class Duplicates {

    private Duplicates() {
    }

    static List<DuplicateMatch> ofContact(Transaction tx, Policy policy, Contact candidate, boolean lock) {
        DuplicateRule rule = policy.contactDuplicates();
        MatchKeys keys = MatchKeys.of(candidate, policy.phoneMatcher(), rule.fields());
        if (lock) {
            tx.lock(lockKeys("contact", rule, keys));
        }
        Map<EntityId, Contact> found = new LinkedHashMap<>();
        Set<MatchField> fields = rule.fields();
        if (fields.contains(MatchField.PHONE) && !keys.phoneIndex().isEmpty()) {
            tx.contacts().byPhoneKeys(keys.phoneIndex()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.EMAIL) && !keys.emails().isEmpty()) {
            tx.contacts().byEmails(keys.emails()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.NAME) && !keys.name().isEmpty()) {
            tx.contacts().byNameKey(keys.name()).forEach(c -> found.put(c.id(), c));
        }
        if (DuplicateMatchRule.needsBirthDateLookup(rule) && keys.birthDate() != null) {
            Records.all(tx.contacts(), ContactFields.BIRTH_DATE.eq(keys.birthDate())).forEach(c -> found.put(c.id(), c));
        }
        found.remove(candidate.id());
        return matches(rule, keys, found.values(), c -> MatchKeys.of(c, policy.phoneMatcher(), rule.fields()),
                c -> c.name().full());
    }

    static List<DuplicateMatch> ofCompany(Transaction tx, Policy policy, Company candidate, boolean lock) {
        DuplicateRule rule = policy.companyDuplicates();
        MatchKeys keys = MatchKeys.of(candidate, policy.phoneMatcher());
        if (lock) {
            tx.lock(lockKeys("company", rule, keys));
        }
        Map<EntityId, Company> found = new LinkedHashMap<>();
        Set<MatchField> fields = rule.fields();
        if (fields.contains(MatchField.PHONE) && !keys.phoneIndex().isEmpty()) {
            tx.companies().byPhoneKeys(keys.phoneIndex()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.EMAIL) && !keys.emails().isEmpty()) {
            tx.companies().byEmails(keys.emails()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.NAME) && !keys.name().isEmpty()) {
            tx.companies().byNameKey(keys.name()).forEach(c -> found.put(c.id(), c));
        }
        found.remove(candidate.id());
        return matches(rule, keys, found.values(), c -> MatchKeys.of(c, policy.phoneMatcher()), Company::name);
    }

    private static <E extends Entity<?>> List<DuplicateMatch> matches(DuplicateRule rule, MatchKeys keys,
            Iterable<E> candidates, Function<E, MatchKeys> keysOf, Function<E, String> name) {
        List<DuplicateMatch> matches = new ArrayList<>();
        for (E e : candidates) {
            Optional<Set<MatchField>> matched = DuplicateMatchRule.match(rule, keys, keysOf.apply(e));
            matched.ifPresent(m -> matches.add(new DuplicateMatch(RecordRef.of(e.id()), name.apply(e), m,
                    DuplicateMatchRule.score(rule, m))));
        }
        matches.sort(Comparator.comparing(DuplicateMatch::score).reversed()
                .thenComparing(m -> m.record().id(), EntityId::compare));
        return matches;
    }

    /** The logical locks that serialize creating records that could duplicate each other. */
    static List<String> lockKeys(String kind, DuplicateRule rule, MatchKeys keys) {
        List<String> locks = new ArrayList<>();
        Set<MatchField> fields = rule.fields();
        if (fields.contains(MatchField.PHONE)) {
            keys.phoneIndex().forEach(k -> locks.add("crmkit:" + kind + ":phone:" + k));
        }
        if (fields.contains(MatchField.EMAIL)) {
            keys.emails().forEach(e -> locks.add("crmkit:" + kind + ":email:" + e));
        }
        if (fields.contains(MatchField.NAME) && !keys.name().isEmpty()) {
            locks.add("crmkit:" + kind + ":name:" + keys.name());
        }
        if (DuplicateMatchRule.needsBirthDateLookup(rule) && keys.birthDate() != null) {
            locks.add("crmkit:" + kind + ":birth:" + keys.birthDate());
        }
        return locks;
    }
}
