package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ports' batch writes ({@link dev.crmkit.spi.Store#insertAll}, {@link dev.crmkit.spi.Store#restoreAll},
 * {@link dev.crmkit.spi.Events#appendAll}, {@link dev.crmkit.spi.Events#restoreAll}), which imports and restores
 * use: a batch stores exactly what the single calls store, record for record and lookup for lookup; a conflict
 * names its record and, once the transaction rolls back, nothing of the batch is stored; bad batches are refused
 * before anything is written.
 */
abstract class BatchPortKit extends StorageKitBase {

    /** Texts that a database's bulk format must escape: tabs, line breaks, backslashes, quotes, braces, commas. */
    private static final String AWKWARD = "Line one\twith a tab\nline two \\ back\\slash \\N \"quoted\" {braces}, comma\r\nend";

    /** A contact with everything a bulk format must carry through: several phones and e-mails, tags, a description. */
    private Contact contact(int i, User owner) {
        Contact c = data.aContact("Ivan" + i, "Petrov", owner.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 901 776-" + String.format("%02d", i % 100) + "-" + (10 + i / 100)),
                        ContactPhone.work("+7 495 123-45-67 доб. " + (i + 1))))
                .emails(List.of(ContactEmail.work("ivan" + i + "@client.test"),
                        ContactEmail.work("Ivan.Petrov" + i + "@Other.test")))
                .tags(new LinkedHashSet<>(List.of("vip", "a,b", "{x}", "q\"uote", "back\\slash", "NULL", "")))
                .description(AWKWARD + " " + i)
                .build();
        return i % 2 == 0 ? c : c.toBuilder().position("Buyer").build();
    }

    private List<Contact> contacts(int n, User owner) {
        List<Contact> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(contact(i, owner));
        }
        return list;
    }

    private List<Contact> storedContacts() {
        return storage.inTransaction((Transaction tx) -> {
            try (Stream<Contact> all = tx.contacts().streamAll()) {
                return all.collect(Collectors.toList());
            }
        });
    }

    private List<Event> log() {
        return storage.inTransaction((Transaction tx) -> {
            try (Stream<Event> all = tx.events().streamAll()) {
                return all.collect(Collectors.toList());
            }
        });
    }

    private static List<Contact> byId(List<Contact> contacts) {
        List<Contact> sorted = new ArrayList<>(contacts);
        sorted.sort((a, b) -> dev.crmkit.api.EntityId.ORDER.compare(a.id(), b.id()));
        return sorted;
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a batch insert stores every record exactly as single inserts do, and the lookups find them alike")
    void batchInsertEqualsSingleInserts() {
        User owner = owner();
        List<Contact> batch = contacts(40, owner);
        // The same records, with other ids, inserted one by one.
        List<Contact> single = batch.stream().map(c -> c.toBuilder().id(new dev.crmkit.api.contact.ContactId(data.newId()))
                .build()).collect(Collectors.toList());
        List<Company> companies = List.of(data.aCompany("Hooves\tand\\Horns", owner.id()),
                data.aCompany("Horns, Ltd", owner.id()));
        List<User> users = List.of(data.aUser("Batch One"), data.aUser("Batch Two"));

        List<Contact> seenInside = storage.inTransaction((Transaction tx) -> {
            tx.contacts().insertAll(batch);
            tx.companies().insertAll(companies);
            tx.users().insertAll(users);
            return tx.contacts().findAll(batch.stream().map(Contact::id).collect(Collectors.toList()));
        });
        assertThat(seenInside).as("the transaction sees its own batch").containsExactlyElementsOf(batch);
        storage.run(tx -> single.forEach(tx.contacts()::insert));

        storage.run(tx -> {
            for (int i = 0; i < batch.size(); i++) {
                assertThat(tx.contacts().get(batch.get(i).id())).isEqualTo(batch.get(i));
                assertThat(tx.contacts().get(single.get(i).id())).isEqualTo(single.get(i));
                Contact b = batch.get(i);
                Contact s = single.get(i);
                String phoneKey = b.phones().get(0).number().indexKey();
                assertThat(tx.contacts().byPhoneKeys(Set.of(phoneKey))).as("by phone key")
                        .containsExactlyInAnyOrder(b, s);
                assertThat(tx.contacts().byEmails(Set.of(Email.parse("ivan.petrov" + i + "@other.test").normalized())))
                        .as("by normalized e-mail").containsExactlyInAnyOrder(b, s);
            }
            assertThat(tx.contacts().byNameKey(batch.get(3).name().matchKey())).containsExactlyInAnyOrder(batch.get(3),
                    single.get(3));
            assertThat(tx.contacts().query(ContactFields.TAG.eq("a,b"), Sort.byId(), PageRequest.first(1000)).items())
                    .as("array columns carry awkward tags").hasSize(80);
            assertThat(tx.contacts().count(ContactFields.TAG.eq("back\\slash"))).isEqualTo(80);
            assertThat(tx.contacts().count(ContactFields.TAG.eq(""))).isEqualTo(80);
            assertThat(tx.companies().findAll(companies.stream().map(Company::id).collect(Collectors.toList())))
                    .containsExactlyElementsOf(companies);
            assertThat(tx.companies().byNameKey(dev.crmkit.api.contact.Names.matchKey("Horns, Ltd")))
                    .containsExactly(companies.get(1));
            assertThat(tx.users().byEmail(users.get(1).email().orElseThrow())).contains(users.get(1));
        });
        assertThat(log()).as("a batch writes no event by itself").isEmpty();
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a batch restore keeps versions and times as single restores do; restored events keep their numbers")
    void batchRestoreEqualsSingleRestores() {
        User owner = owner();
        Instant created = Instant.parse("2024-03-01T08:00:00.123456Z");
        Instant updated = Instant.parse("2025-07-15T17:30:00.654321Z");
        List<Contact> batch = contacts(25, owner).stream().map(c -> c.toBuilder().version(7).created(created)
                .updated(updated).build()).collect(Collectors.toList());
        RecordRef about = RecordRef.of(batch.get(0).id());
        List<Event> events = new ArrayList<>();
        for (long n : new long[] {1, 2, 5, 6, 9}) {
            events.add(new Event(n, updated, Optional.of(owner.id()), about, AWKWARD, EventKind.FIELD_CHANGED,
                    Optional.of("description"), Optional.of(AWKWARD), Optional.empty()));
        }

        storage.run(tx -> {
            tx.contacts().restoreAll(batch);
            tx.events().restoreAll(events.subList(0, 3));
            tx.events().restoreAll(events.subList(3, 5));
        });
        storage.run(tx -> tx.events().appendAll(List.of(data.aCreatedEvent(about, owner.id()),
                data.aCreatedEvent(about, owner.id()))));

        assertThat(storedContacts()).containsExactlyElementsOf(byId(batch));
        List<Event> log = log();
        assertThat(log.subList(0, 5)).containsExactlyElementsOf(events);
        assertThat(log).extracting(Event::sequence).containsExactly(1L, 2L, 5L, 6L, 9L, 10L, 11L);
        // The next change goes on from the restored version.
        Contact next = batch.get(4).toBuilder().version(8).position("Owner").build();
        storage.run(tx -> tx.contacts().update(next, 7));
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().get(next.id()))).isEqualTo(next);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("appended batches are numbered in order after the log, as single appends are")
    void appendAllNumbersInOrder() {
        User owner = owner();
        RecordRef about = new RecordRef(EntityType.DEAL, data.newId());
        storage.run(tx -> tx.events().append(data.aCreatedEvent(about, owner.id())));
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(NewEvent.ofField(data.now(), owner.id(), about, "Chairs", EventKind.FIELD_CHANGED, "name",
                    Optional.of("n" + i), Optional.of("n" + (i + 1))));
        }
        storage.run(tx -> {
            tx.events().appendAll(batch);
            tx.events().append(data.aCreatedEvent(about, owner.id()));
        });
        List<Event> log = log();
        assertThat(log).extracting(Event::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 32).boxed().collect(Collectors.toList()));
        assertThat(log.subList(1, 31)).extracting(e -> e.after().orElseThrow())
                .containsExactlyElementsOf(batch.stream().map(e -> e.after().orElseThrow()).collect(Collectors.toList()));
        assertThat(log.get(31).kind()).isEqualTo(EventKind.CREATED);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a batch with a record whose id is stored is a conflict naming it; after rollback nothing of the batch is stored")
    void conflictWithStoredRecord() {
        User owner = owner();
        List<Contact> batch = contacts(30, owner);
        Contact taken = batch.get(17);
        storage.run(tx -> tx.contacts().insert(taken));

        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(batch)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
                    assertThat(e.record()).contains(RecordRef.of(taken.id()));
                });
        assertThat(storedContacts()).containsExactly(taken);

        List<Contact> restored = batch.stream().map(c -> c.toBuilder().version(3).build()).collect(Collectors.toList());
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().restoreAll(restored)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.record()).contains(RecordRef.of(taken.id())));
        assertThat(storedContacts()).containsExactly(taken);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a unique key taken inside a batch, or by a stored record, is a conflict naming the record; nothing is stored")
    void uniqueKeyConflicts() {
        User stored = user("Olga Stored");
        User first = data.aUser("Anna First");
        User second = data.aUser("Boris Second").toBuilder().email(first.email().orElseThrow()).build();
        User third = data.aUser("Vera Third").toBuilder().email(stored.email().orElseThrow()).build();
        User fine = data.aUser("Fine Fellow");

        assertThatThrownBy(() -> storage.run(tx -> tx.users().insertAll(List.of(fine, first, second))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
                    assertThat(e.record()).contains(RecordRef.of(second.id()));
                });
        assertThatThrownBy(() -> storage.run(tx -> tx.users().insertAll(List.of(fine, third, first))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
                    assertThat(e.record()).contains(RecordRef.of(third.id()));
                });
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().findAll(List.of(fine.id(), first.id(),
                second.id(), third.id())))).isEmpty();
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().get(stored.id()))).isEqualTo(stored);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("batches of 0 or more than Limits.BATCH records, with an id twice, a null or a wrong version are refused; nothing is written")
    void badBatchesAreRefused() {
        User owner = owner();
        List<Contact> tooMany = contacts(Limits.BATCH + 1, owner);
        Contact one = tooMany.get(0);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(tooMany)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(Limits.BATCH));
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().restoreAll(tooMany)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(List.of(one, tooMany.get(1), one))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().restoreAll(List.of(one, one))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(
                List.of(tooMany.get(1), one.toBuilder().version(2).build()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().insertAll(Collections.singletonList(null))))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.events().appendAll(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        RecordRef about = RecordRef.of(one.id());
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i <= Limits.BATCH; i++) {
            events.add(data.aCreatedEvent(about, owner.id()));
        }
        assertThatThrownBy(() -> storage.run(tx -> tx.events().appendAll(events)))
                .isInstanceOf(IllegalArgumentException.class);
        Event e1 = new Event(3, data.now(), Optional.of(owner.id()), about, "Ivan", EventKind.CREATED,
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> storage.run(tx -> tx.events().restoreAll(List.of(e1, e1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rise");

        assertThat(storedContacts()).isEmpty();
        assertThat(log()).isEmpty();

        // The largest batch is taken.
        storage.run(tx -> tx.contacts().insertAll(tooMany.subList(0, Limits.BATCH)));
        assertThat(storedContacts()).hasSize(Limits.BATCH);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("phones whose index keys other batch records share are found for all of them")
    void sharedKeysInOneBatch() {
        User owner = owner();
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(data.aContact("Same" + i, "Phone", owner.id()));
        }
        storage.run(tx -> tx.contacts().insertAll(batch));
        String key = PhoneNumber.parse("+7 901 776-34-34").indexKey();
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byPhoneKeys(Set.of(key))))
                .containsExactlyElementsOf(byId(batch));
    }
}
