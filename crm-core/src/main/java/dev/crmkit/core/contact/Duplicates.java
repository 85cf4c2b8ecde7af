package dev.crmkit.core.contact;

import dev.crmkit.api.lead.Lead;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.spi.Clients;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the stored records a contact or company duplicates (CON-5): candidates come from the storage's
 * lookups (phone index keys, e-mails, name keys, birth dates), then the policy's criteria decide. Before a
 * write, the candidate's keys are locked first ({@link #lockAndFind}), so two transactions creating the
 * same person run one after the other and the second sees the first (the uniqueness the criteria need
 * under concurrency); a read-only check ({@link #find}) locks nothing.
 */
final class Duplicates {

    private Duplicates() {
    }

    static <I extends EntityId, E extends Entity<I> & Client> List<DuplicateMatch> find(
            Transaction tx, Policy policy, ClientKind<I, E> kind, E candidate) {
        return matches(tx, policy, kind, candidate, false);
    }

    static <I extends EntityId, E extends Entity<I> & Client> List<DuplicateMatch> lockAndFind(
            Transaction tx, Policy policy, ClientKind<I, E> kind, E candidate) {
        return matches(tx, policy, kind, candidate, true);
    }

    private static <I extends EntityId, E extends Entity<I> & Client> List<DuplicateMatch> matches(
            Transaction tx, Policy policy, ClientKind<I, E> kind, E candidate, boolean lock) {
        MatchKeys keys = kind.keys().of(candidate, policy.phoneMatcher(), kind.criteria().apply(policy).fields());
        return matches(tx, policy, kind, candidate.id(), keys, lock);
    }

    /**
     * The stored contacts the contact data of a lead duplicates (LEAD-4), best match first; under the same
     * locks as a contact created with that data when {@code lock} is true.
     */
    static List<DuplicateMatch> ofLead(Transaction tx, Policy policy, Lead lead, boolean lock) {
        MatchKeys keys = MatchKeys.of(lead, policy.phoneMatcher(), policy.contactDuplicates().fields());
        return matches(tx, policy, ClientKind.CONTACTS, null, keys, lock);
    }

    private static <I extends EntityId, E extends Entity<I> & Client> List<DuplicateMatch> matches(
            Transaction tx, Policy policy, ClientKind<I, E> kind, I self, MatchKeys keys, boolean lock) {
        DuplicateCriteria criteria = kind.criteria().apply(policy);
        Set<MatchField> fields = criteria.fields();
        if (lock) {
            tx.lock(lockKeys(kind.name(), criteria, keys));
        }
        Clients<I, E> store = kind.store().apply(tx);
        Map<EntityId, E> found = new LinkedHashMap<>();
        if (fields.contains(MatchField.PHONE) && !keys.phoneIndex().isEmpty()) {
            store.byPhoneKeys(keys.phoneIndex()).forEach(c -> found.put(c.id(), c));
        }
        if (fields.contains(MatchField.EMAIL) && !keys.emails().isEmpty()) {
            store.byEmails(keys.emails()).forEach(c -> found.put(c.id(), c));
        }
        List<Set<MatchField>> nameOnly = fields.contains(MatchField.NAME) && !keys.name().isEmpty()
                ? DuplicateScan.combinations(criteria).stream().filter(c -> c.contains(MatchField.NAME)
                        && !c.contains(MatchField.PHONE) && !c.contains(MatchField.EMAIL)).toList()
                : List.of();
        if (!nameOnly.isEmpty()) {
            // Names repeat (hundreds of contacts may share one): a record that shares no phone or e-mail (else the
            // lookups above found it) can match only by a combination of the name with neither, and when each such
            // combination needs the birth date, only if it was born on the same day, so then only namesakes born
            // that day are looked up (none without a birth date). With no such combination the name is not looked up.
            boolean sameDay = nameOnly.stream().allMatch(c -> c.contains(MatchField.BIRTH_DATE));
            List<E> namesakes = !sameDay ? store.byNameKey(keys.name())
                    : keys.birthDate() == null ? List.of()
                    : kind.byNameAndBirthDate().find(tx, keys.name(), keys.birthDate());
            for (E c : namesakes) {
                found.putIfAbsent(c.id(), c);
            }
        }
        if (DuplicateMatchRule.needsBirthDateLookup(criteria) && keys.birthDate() != null) {
            kind.byBirthDate().apply(tx, keys.birthDate()).forEach(c -> found.put(c.id(), c));
        }
        if (self != null) {
            found.remove(self);
        }
        List<DuplicateMatch> matches = new ArrayList<>();
        for (E e : found.values()) {
            Optional<Set<MatchField>> matched = DuplicateMatchRule.match(criteria, keys,
                    kind.keys().of(e, policy.phoneMatcher(), fields));
            matched.ifPresent(m -> matches.add(new DuplicateMatch(RecordRef.of(e.id()), kind.display().apply(e), m,
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
