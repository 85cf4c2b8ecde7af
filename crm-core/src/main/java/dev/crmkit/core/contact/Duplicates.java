package dev.crmkit.core.contact;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.support.Pages;
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
 * lookups (phone index keys, e-mails, name keys), then the policy's criteria decide. Before a write, the
 * candidate's keys are locked first ({@code lockAndFind…}), so two transactions creating the same person
 * run one after the other and the second sees the first (the uniqueness the criteria need under
 * concurrency); a read-only check ({@code find…}) locks nothing.
 */
final class Duplicates {

    private Duplicates() {
    }

    static List<DuplicateMatch> findForContact(Transaction tx, Policy policy, Contact candidate) {
        return ofContact(tx, policy, candidate, false);
    }

    static List<DuplicateMatch> lockAndFindForContact(Transaction tx, Policy policy, Contact candidate) {
        return ofContact(tx, policy, candidate, true);
    }

    static List<DuplicateMatch> findForCompany(Transaction tx, Policy policy, Company candidate) {
        return ofCompany(tx, policy, candidate, false);
    }

    static List<DuplicateMatch> lockAndFindForCompany(Transaction tx, Policy policy, Company candidate) {
        return ofCompany(tx, policy, candidate, true);
    }

    private static List<DuplicateMatch> ofContact(Transaction tx, Policy policy, Contact candidate, boolean lock) {
        DuplicateCriteria criteria = policy.contactDuplicates();
        MatchKeys keys = MatchKeys.of(candidate, policy.phoneMatcher(), criteria.fields());
        if (lock) {
            tx.lock(lockKeys("contact", criteria, keys));
        }
        Map<EntityId, Contact> found = new LinkedHashMap<>();
        Set<MatchField> fields = criteria.fields();
        if (fields.contains(MatchField.PHONE) && !keys.phoneIndex().isEmpty()) {
            tx.contacts().byPhoneKeys(keys.phoneIndex()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.EMAIL) && !keys.emails().isEmpty()) {
            tx.contacts().byEmails(keys.emails()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.NAME) && !keys.name().isEmpty()) {
            tx.contacts().byNameKey(keys.name()).forEach(c -> found.put(c.id(), c));
        }
        if (DuplicateMatchRule.needsBirthDateLookup(criteria) && keys.birthDate() != null) {
            Pages.all(tx.contacts(), ContactFields.BIRTH_DATE.eq(keys.birthDate())).forEach(c -> found.put(c.id(), c));
        }
        found.remove(candidate.id());
        return matches(criteria, keys, found.values(), c -> MatchKeys.of(c, policy.phoneMatcher(), criteria.fields()),
                c -> c.name().full());
    }

    private static List<DuplicateMatch> ofCompany(Transaction tx, Policy policy, Company candidate, boolean lock) {
        DuplicateCriteria criteria = policy.companyDuplicates();
        MatchKeys keys = MatchKeys.of(candidate, policy.phoneMatcher());
        if (lock) {
            tx.lock(lockKeys("company", criteria, keys));
        }
        Map<EntityId, Company> found = new LinkedHashMap<>();
        Set<MatchField> fields = criteria.fields();
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
        return matches(criteria, keys, found.values(), c -> MatchKeys.of(c, policy.phoneMatcher()), Company::name);
    }

    private static <E extends Entity<?>> List<DuplicateMatch> matches(DuplicateCriteria criteria, MatchKeys keys,
            Iterable<E> candidates, Function<E, MatchKeys> keysOf, Function<E, String> name) {
        List<DuplicateMatch> matches = new ArrayList<>();
        for (E e : candidates) {
            Optional<Set<MatchField>> matched = DuplicateMatchRule.match(criteria, keys, keysOf.apply(e));
            matched.ifPresent(m -> matches.add(new DuplicateMatch(RecordRef.of(e.id()), name.apply(e), m,
                    DuplicateMatchRule.score(criteria, m))));
        }
        matches.sort(Comparator.comparing(DuplicateMatch::score).reversed()
                .thenComparing(m -> m.record().id(), EntityId::compare));
        return matches;
    }

    /** The logical locks that serialize creating records that could duplicate each other. */
    static List<String> lockKeys(String kind, DuplicateCriteria criteria, MatchKeys keys) {
        List<String> locks = new ArrayList<>();
        Set<MatchField> fields = criteria.fields();
        if (fields.contains(MatchField.PHONE)) {
            keys.phoneIndex().forEach(k -> locks.add("crmkit:" + kind + ":phone:" + k));
        }
        if (fields.contains(MatchField.EMAIL)) {
            keys.emails().forEach(e -> locks.add("crmkit:" + kind + ":email:" + e));
        }
        if (fields.contains(MatchField.NAME) && !keys.name().isEmpty()) {
            locks.add("crmkit:" + kind + ":name:" + keys.name());
        }
        if (DuplicateMatchRule.needsBirthDateLookup(criteria) && keys.birthDate() != null) {
            locks.add("crmkit:" + kind + ":birth:" + keys.birthDate());
        }
        return locks;
    }
}
