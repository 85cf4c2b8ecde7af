package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ports' restore operations (IO-6), which put a backup back as it was: {@link dev.crmkit.spi.Store#restore}
 * keeps a record's version and times, {@link dev.crmkit.spi.Events#restore} an event's number, and the log goes
 * on after the highest restored number.
 */
abstract class RestoreKit extends StorageKitBase {

    /** An event as a backup holds it: numbered, about a deal, authored by the owner. */
    private Event event(long sequence, RecordRef about) {
        return new Event(sequence, data.now(), Optional.of(owner().id()), about, "Chairs", EventKind.FIELD_CHANGED,
                Optional.of("name"), Optional.of("Chair"), Optional.of("Chairs"));
    }

    private List<Event> log() {
        return storage.inTransaction((Transaction tx) -> {
            try (Stream<Event> all = tx.events().streamAll()) {
                return all.collect(Collectors.toList());
            }
        });
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a restored record keeps its version and its creation and update times, on every port")
    void recordsKeepVersionsAndTimes() {
        Instant created = Instant.parse("2024-03-01T08:00:00.123456Z");
        Instant updated = Instant.parse("2025-07-15T17:30:00.654321Z");
        User user = data.aUser("Rita Restored").toBuilder().version(4).created(created).updated(updated).build();
        Pipeline pipeline = data.aPipeline("Sales", 0).toBuilder().version(3).created(created).updated(updated).build();
        Contact contact = data.aContact("Ivan", "Petrov", user.id()).toBuilder().version(7).created(created)
                .updated(updated).build();
        Deal deal = data.aDeal("Chairs", pipeline, user.id(), "1500.00").toBuilder().version(12).created(created)
                .updated(updated).build();
        ListItem<TaskTypeId> type = new ListItem<>(new TaskTypeId(data.newId()), 5, created, updated, "Visit", 3);
        Task task = data.aTask(type.id(), RecordRef.of(deal.id()), user.id(), updated).toBuilder().version(2)
                .created(created).updated(updated).build();
        Call call = data.aCall(RecordRef.of(deal.id()), user.id(), "telphin", "c-1").toBuilder().version(2)
                .created(created).updated(updated).build();

        List<Object> seenInside = storage.inTransaction((Transaction tx) -> List.of(tx.users().restore(user),
                tx.pipelines().restore(pipeline), tx.contacts().restore(contact), tx.deals().restore(deal),
                tx.settings().list(ListKind.TASK_TYPES).restore(type), tx.tasks().restore(task),
                tx.timeline().restore(call), tx.deals().get(deal.id()), tx.contacts().get(contact.id())));
        assertThat(seenInside).containsExactly(user, pipeline, contact, deal, type, task, call, deal, contact);

        List<Object> stored = storage.inTransaction((Transaction tx) -> List.of(tx.users().get(user.id()),
                tx.pipelines().get(pipeline.id()), tx.contacts().get(contact.id()), tx.deals().get(deal.id()),
                tx.settings().list(ListKind.TASK_TYPES).get(type.id()), tx.tasks().get(task.id()),
                tx.timeline().get(call.id())));
        assertThat(stored).containsExactly(user, pipeline, contact, deal, type, task, call);
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byCallId("telphin", "c-1")))
                .contains(call);
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().byEmail(user.email().orElseThrow())))
                .contains(user);

        // The next change goes on from the restored version.
        Deal next = deal.revised(updated.plusSeconds(1)).toBuilder().name("Tables").build();
        storage.run(tx -> tx.deals().update(next, 12));
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(deal.id())).version()).isEqualTo(13);
        assertThatThrownBy(() -> storage.run(tx -> tx.contacts().update(contact.toBuilder().version(2).build(), 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(log()).as("restoring writes no event").isEmpty();
    }

    @Test
    @Tag("IO-6")
    @DisplayName("restoring a record whose id or unique key is taken is a conflict, and the transaction stores nothing")
    void takenIdOrKey() {
        User stored = user("Olga Taken");
        User sameId = stored.toBuilder().version(3).name("Olga Again").build();
        User sameEmail = data.aUser("Other").toBuilder().email(stored.email().orElseThrow()).version(2).build();
        Contact contact = data.aContact("Ivan", "Petrov", stored.id()).toBuilder().version(2).build();

        assertThatThrownBy(() -> storage.run(tx -> {
            tx.contacts().restore(contact);
            tx.users().restore(sameId);
        })).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS));
        assertThatThrownBy(() -> storage.run(tx -> {
            tx.contacts().restore(contact);
            tx.users().restore(sameEmail);
        })).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY));

        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().find(contact.id()))).isEmpty();
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().get(stored.id()))).isEqualTo(stored);
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().find(sameEmail.id()))).isEmpty();
    }

    @Test
    @Tag("IO-6")
    @DisplayName("restored events keep their numbers, gaps included, and the log goes on after the highest")
    void eventsKeepTheirNumbers() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        List<Event> backedUp = List.of(event(1, deal), event(2, deal), event(5, deal));
        storage.run(tx -> {
            tx.events().append(data.aCreatedEvent(deal, owner().id()));
            for (Event e : backedUp) {
                tx.events().restore(e);
            }
        });
        storage.run(tx -> tx.events().append(data.aCreatedEvent(deal, owner().id())));

        List<Event> log = log();
        assertThat(log.subList(0, 3)).containsExactlyElementsOf(backedUp);
        assertThat(log).extracting(Event::sequence).containsExactly(1L, 2L, 5L, 6L, 7L);
        assertThat(log.get(3).kind()).as("appended in the restoring transaction").isEqualTo(EventKind.CREATED);
        assertThat(storage.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(7);
        assertThat(storage.inTransaction((Transaction tx) -> tx.events().after(2, 2))).extracting(Event::sequence)
                .containsExactly(5L, 6L);
        assertThat(storage.inTransaction((Transaction tx) -> tx.events().after(3, 10))).extracting(Event::sequence)
                .containsExactly(5L, 6L, 7L);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("events are restored into an empty log only: into one with events it is a conflict that stores nothing")
    void onlyIntoAnEmptyLog() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        storage.run(tx -> tx.events().append(data.aCreatedEvent(deal, owner().id())));
        Contact contact = data.aContact("Ivan", "Petrov", owner().id());

        assertThatThrownBy(() -> storage.run(tx -> {
            tx.contacts().restore(contact);
            tx.events().restore(event(1, deal));
        })).isInstanceOf(ConflictException.class);

        assertThat(log()).extracting(Event::kind).containsExactly(EventKind.CREATED);
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().find(contact.id()))).isEmpty();
    }

    @Test
    @Tag("IO-6")
    @DisplayName("restored numbers must rise; a number out of order is refused and the transaction may go on")
    void numbersRise() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        storage.run(tx -> {
            tx.events().restore(event(3, deal));
            assertThatThrownBy(() -> tx.events().restore(event(3, deal))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tx.events().restore(event(2, deal))).isInstanceOf(IllegalArgumentException.class);
            tx.events().restore(event(4, deal));
        });
        assertThat(log()).extracting(Event::sequence).containsExactly(3L, 4L);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("a restore that fails midway stores none of its records and events")
    void failedRestoreStoresNothing() {
        RecordRef ref = new RecordRef(EntityType.DEAL, data.newId());
        User user = data.aUser("Rita Restored").toBuilder().version(2).build();
        Pipeline pipeline = data.aPipeline("Sales", 0);
        Deal deal = data.aDeal("Chairs", pipeline, user.id(), null).toBuilder().version(3).build();
        assertThatThrownBy(() -> storage.run(tx -> {
            tx.users().restore(user);
            tx.pipelines().restore(pipeline);
            tx.deals().restore(deal);
            tx.events().restore(event(1, ref));
            tx.events().restore(event(2, ref));
            throw new IllegalStateException("the archive ends early");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(storage.inTransaction((Transaction tx) -> List.of(tx.users().find(user.id()),
                tx.pipelines().find(pipeline.id()), tx.deals().find(deal.id())))).containsOnly(Optional.empty());
        assertThat(log()).isEmpty();
        // The same backup restores afterwards.
        storage.run(tx -> {
            tx.users().restore(user);
            tx.events().restore(event(1, ref));
        });
        assertThat(log()).extracting(Event::sequence).containsExactly(1L);
    }

    @Test
    @Tag("IO-6")
    @DisplayName("an event appended while events are restored never shares a number: it waits, or the restore fails")
    void appendDuringRestore() throws Exception {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        dev.crmkit.api.user.UserId author = owner().id();
        Event restored = event(1, deal);
        Future<?>[] appender = new Future<?>[1];
        Throwable restoreFailure = null;
        try {
            storage.run(tx -> {
                tx.events().restore(restored);
                // Another transaction appends now: an adapter either makes it wait for this one or fails this one.
                appender[0] = inThread(() -> {
                    storage.run(other -> other.events().append(data.aCreatedEvent(deal, author)));
                    return null;
                });
            });
        } catch (ConflictException e) {
            restoreFailure = e;
        }
        appender[0].get(WAIT_SECONDS, TimeUnit.SECONDS);

        List<Event> log = log();
        if (restoreFailure == null) {
            assertThat(log).extracting(Event::sequence).containsExactly(1L, 2L);
            assertThat(log.get(0)).isEqualTo(restored);
            assertThat(log.get(1).kind()).isEqualTo(EventKind.CREATED);
        } else {
            assertThat(log).extracting(Event::kind).containsExactly(EventKind.CREATED);
            assertThat(log).extracting(Event::sequence).containsExactly(1L);
        }
    }
}
