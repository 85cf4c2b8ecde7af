package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactBuilder;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contact name index keeps each name's bucket as an array sorted by birth date, then id. Random inserts, updates
 * (of the name, the birth date, both) and deletes, committed and inside an open transaction, are checked after every
 * step against a plain list of the contacts: the bucket's order, the lookups by name key and by name key and birth
 * date (each in id order), and the scan's candidates for a name + birth date combination.
 */
@DisplayName("In-memory storage: name buckets ordered by birth date, against a plain model")
class NameBucketPropertyTest {

    private static final List<String[]> NAMES = List.of(new String[] {"Anna", "Smirnova"},
            new String[] {"ANNA", "smirnova"}, new String[] {"Boris", "Petrov"}, new String[] {"Vera", "Ivanova"});
    private static final List<LocalDate> DAYS = java.util.Arrays.asList(null, LocalDate.of(1990, 5, 1),
            LocalDate.of(1990, 5, 2), LocalDate.of(1961, 12, 31), LocalDate.of(2001, 1, 1));

    private final TestData data = new TestData();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final User owner = data.aUser("Owner");

    private Contact person(Random random) {
        String[] name = NAMES.get(random.nextInt(NAMES.size()));
        return born(data.aContact(name[0], name[1], owner.id()).toBuilder().phones(List.of()).emails(List.of()),
                DAYS.get(random.nextInt(DAYS.size()))).build();
    }

    private static ContactBuilder born(ContactBuilder builder, LocalDate day) {
        return day == null ? builder.clearBirthDate() : builder.birthDate(day);
    }

    private Contact changed(Contact c, Random random) {
        ContactBuilder next = c.toBuilder().version(c.version() + 1);
        int what = random.nextInt(3);
        if (what != 1) {
            String[] name = NAMES.get(random.nextInt(NAMES.size()));
            next.name(PersonName.of(name[0], name[1]));
        }
        if (what != 0) {
            born(next, DAYS.get(random.nextInt(DAYS.size())));
        }
        return next.build();
    }

    /** One random step on the contacts a transaction sees, made through it and mirrored in the model. */
    private void step(Transaction tx, Map<ContactId, Contact> model, Random random) {
        int roll = random.nextInt(10);
        if (model.isEmpty() || roll < 6) {
            Contact c = tx.contacts().insert(person(random));
            model.put(c.id(), c);
        } else {
            List<Contact> all = new ArrayList<>(model.values());
            Contact c = all.get(random.nextInt(all.size()));
            if (roll < 8) {
                Contact next = tx.contacts().update(changed(c, random), c.version());
                model.put(next.id(), next);
            } else {
                tx.contacts().delete(c.id(), c.version());
                model.remove(c.id());
            }
        }
    }

    private static List<ContactId> idOrder(Stream<Contact> contacts) {
        return contacts.sorted(Comparator.comparing(Contact::id, EntityId.ORDER)).map(Contact::id).toList();
    }

    /** Checks what a transaction sees against the model of its contacts. */
    private void check(Transaction tx, Map<ContactId, Contact> model) {
        Set<String> keys = model.values().stream().map(c -> c.name().matchKey()).collect(Collectors.toSet());
        keys.add("nobody");
        for (String key : keys) {
            assertThat(tx.contacts().byNameKey(key).stream().map(Contact::id).toList()).as("byNameKey %s", key)
                    .isEqualTo(idOrder(model.values().stream().filter(c -> c.name().matchKey().equals(key))));
            for (LocalDate day : DAYS) {
                if (day == null) {
                    continue;
                }
                assertThat(tx.contacts().byNameKeyAndBirthDate(key, day).stream().map(Contact::id).toList())
                        .as("byNameKeyAndBirthDate %s %s", key, day)
                        .isEqualTo(idOrder(model.values().stream().filter(c -> c.name().matchKey().equals(key)
                                && c.birthDate().filter(day::equals).isPresent())));
            }
        }
        Map<List<Object>, Long> sameNameAndDay = model.values().stream().filter(c -> c.birthDate().isPresent())
                .collect(Collectors.groupingBy(c -> List.of(c.name().matchKey(), c.birthDate().get()),
                        Collectors.counting()));
        Set<ContactId> expected = model.values().stream().filter(c -> c.birthDate().isPresent()
                && sameNameAndDay.get(List.of(c.name().matchKey(), c.birthDate().get())) > 1)
                .map(Contact::id).collect(Collectors.toSet());
        try (Stream<Contact> found = tx.duplicates().orElseThrow()
                .contactCandidates(List.of(Set.of(MatchField.NAME, MatchField.BIRTH_DATE)))) {
            Set<ContactId> candidates = found.map(Contact::id).collect(Collectors.toSet());
            // With the transaction's own writes the adapter may name more (a superset the scan narrows).
            assertThat(candidates).as("scan candidates").containsAll(expected);
            if (model.equals(committedModel)) {
                assertThat(candidates).as("scan candidates, nothing written").isEqualTo(expected);
            }
        }
    }

    /** Thrown by a transaction's work to roll it back. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The contacts committed so far. */
    private Map<ContactId, Contact> committedModel = new LinkedHashMap<>();

    /** The committed buckets hold their contacts sorted by birth date, then id, and each contact of a name once. */
    private void checkBuckets() {
        Map<String, List<Contact>> byKey = new HashMap<>();
        committedModel.values().forEach(c -> byKey.computeIfAbsent(c.name().matchKey(), k -> new ArrayList<>()).add(c));
        Comparator<Contact> order = Comparator.comparingLong(Ports::birthRank)
                .thenComparing(Contact::id, EntityId.ORDER);
        storage.read(() -> {
            for (Map.Entry<String, List<Contact>> e : byKey.entrySet()) {
                Collection<Contact> bucket = storage.contacts.entries("name", e.getKey());
                List<Contact> sorted = new ArrayList<>(e.getValue());
                sorted.sort(order);
                assertThat(bucket).as("bucket %s", e.getKey()).containsExactlyElementsOf(sorted);
            }
            return null;
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 2026})
    @DisplayName("lookups by name, by name and birth date and the scan's candidates match the model at every step")
    void matchesTheModel(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 80; round++) {
            Map<ContactId, Contact> model = new LinkedHashMap<>(committedModel);
            boolean commit = random.nextInt(4) != 0;
            try {
                storage.inTransaction((Function<Transaction, Void>) tx -> {
                    int steps = 1 + random.nextInt(6);
                    for (int i = 0; i < steps; i++) {
                        step(tx, model, random);
                        check(tx, model);
                    }
                    if (!commit) {
                        throw new RolledBack();
                    }
                    return null;
                });
            } catch (RolledBack expected) {
                assertThat(commit).isFalse();
            }
            if (commit) {
                committedModel = model;
            }
            checkBuckets();
            storage.inTransaction((Function<Transaction, Void>) tx -> {
                check(tx, committedModel);
                return null;
            });
        }
        assertThat(committedModel.size()).as("contacts left at the end").isGreaterThan(20);
        assertThat(Objects.requireNonNull(storage.read(() -> storage.contacts.sharedCount("name"))))
                .isGreaterThan(10);
    }
}
