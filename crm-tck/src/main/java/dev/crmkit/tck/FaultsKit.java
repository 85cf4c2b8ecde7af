package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults: a port call that failed fails its transaction, an ended transaction refuses to be used, the
 * event log streams, and conflicts say what kind they are. Self-contained: it uses only the kit's
 * storage and test data, and helpers of its own.
 */
abstract class FaultsKit extends StorageKitBase {

    private User committedUser(String name) {
        User u = data.aUser(name);
        storage.run(tx -> tx.users().insert(u));
        return u;
    }

    private Deal committedDeal(String name, UserId owner) {
        Pipeline p = data.aPipeline("Pipeline of " + name, 0);
        Deal d = data.aDeal(name, p, owner, "100.00");
        storage.run(tx -> {
            tx.pipelines().insert(p);
            tx.deals().insert(d);
        });
        return d;
    }

    private static Deal renamed(Deal d, String name) {
        return next(d).name(name).build();
    }

    private boolean stored(User u) {
        return storage.inTransaction((Transaction tx) -> tx.users().find(u.id())).isPresent();
    }

    private long lastSequence() {
        return storage.inTransaction((Transaction tx) -> tx.events().lastSequence());
    }

    private static ConflictException conflict(Throwable e) {
        assertThat(e).isInstanceOf(ConflictException.class);
        return (ConflictException) e;
    }

    /**
     * What happened in a transaction whose work caught the conflict of one port call.
     *
     * @param inside the conflict the work caught
     * @param later what a port call after it threw, or null
     * @param thrown what the transaction threw: a conflict of the same reason, caused by {@code inside}
     */
    private record Caught(ConflictException inside, Throwable later, ConflictException thrown) {
    }

    /** Runs {@code before}, then {@code failing} catching its conflict, then {@code after}, in one transaction. */
    private Caught catching(Consumer<Transaction> before, Consumer<Transaction> failing, Consumer<Transaction> after) {
        List<ConflictException> caught = new ArrayList<>();
        List<Throwable> later = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> storage.run(tx -> {
            before.accept(tx);
            try {
                failing.accept(tx);
            } catch (ConflictException e) {
                caught.add(e);
            }
            later.add(catchThrowable(() -> after.accept(tx)));
        }));
        assertThat(caught).as("the failing call's conflict").hasSize(1);
        ConflictException transaction = conflict(thrown);
        assertThat(transaction.reason()).isEqualTo(caught.get(0).reason());
        assertThat(transaction.getCause()).isSameAs(caught.get(0));
        return new Caught(caught.get(0), later.get(0), transaction);
    }

    @Test
    @DisplayName("a duplicate id caught inside the work: inTransaction still fails with that conflict as cause, nothing is stored")
    void caughtDuplicateId() {
        User boris = committedUser("Boris Stored");
        User anna = data.aUser("Anna New");
        Caught c = catching(tx -> {
            tx.users().insert(anna);
            tx.events().append(data.aCreatedEvent(RecordRef.of(anna.id()), anna.id()));
        }, tx -> tx.users().insert(boris), tx -> { });
        assertThat(c.inside().reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        assertThat(c.thrown().retryable()).isFalse();
        assertThat(stored(anna)).isFalse();
        assertThat(lastSequence()).isZero();
    }

    @Test
    @DisplayName("a stale-version update caught inside the work: inTransaction fails with a STALE_VERSION conflict, nothing is stored")
    void caughtStaleVersion() {
        User owner = committedUser("Olga Owner");
        Deal d = committedDeal("Chairs", owner.id());
        Deal saved = renamed(d, "Saved first");
        storage.run(tx -> tx.deals().update(saved, d.version()));
        User anna = data.aUser("Anna New");
        Caught c = catching(tx -> tx.users().insert(anna),
                tx -> tx.deals().update(renamed(d, "Saved second"), d.version()), tx -> { });
        assertThat(c.inside().reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        assertThat(c.thrown().record()).contains(RecordRef.of(d.id()));
        assertThat(stored(anna)).isFalse();
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(saved);
    }

    @Test
    @DisplayName("a unique key taken by an update: a UNIQUE_KEY conflict that does not quote the other record's key; later calls fail too")
    void caughtUniqueKeyOnUpdate() {
        User anna = committedUser("Anna Unique");
        User boris = committedUser("Boris Unique");
        String annasEmail = anna.email().orElseThrow().normalized();
        User borisWithAnnasEmail = boris.toBuilder().version(boris.version() + 1)
                .updated(boris.updated().plusSeconds(1)).email(anna.email().orElseThrow()).build();
        Caught c = catching(tx -> { }, tx -> tx.users().update(borisWithAnnasEmail, boris.version()),
                tx -> tx.users().find(anna.id()));
        assertThat(c.inside().reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
        assertThat(c.inside().retryable()).isFalse();
        assertThat(c.inside().getMessage()).doesNotContain(annasEmail);
        ConflictException afterwards = conflict(c.later());
        assertThat(afterwards.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
        assertThat(afterwards.getCause()).isSameAs(c.inside());
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().get(boris.id()))).isEqualTo(boris);
    }

    @Test
    @DisplayName("a unique key taken by an insert: a UNIQUE_KEY conflict that does not quote the key, and the transaction fails")
    void caughtUniqueKeyOnInsert() {
        User first = committedUser("Same Name");
        User second = data.aUser("Same Name");
        User other = data.aUser("Other Name");
        Caught c = catching(tx -> tx.users().insert(other), tx -> tx.users().insert(second), tx -> { });
        assertThat(c.inside().reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
        assertThat(c.inside().getMessage()).doesNotContain(first.email().orElseThrow().normalized());
        assertThat(stored(other)).isFalse();
        assertThat(stored(second)).isFalse();
    }

    @Test
    @DisplayName("a NotFoundException caught inside the work does not fail the transaction")
    void caughtNotFoundCommits() {
        User owner = committedUser("Olga Owner");
        Deal neverStored = data.aDeal("Ghost", data.aPipeline("Nowhere", 0), owner.id(), null);
        User anna = data.aUser("Anna New");
        String result = storage.inTransaction((Transaction tx) -> {
            try {
                tx.deals().update(renamed(neverStored, "Still a ghost"), neverStored.version());
            } catch (NotFoundException e) {
                // expected: the work goes on
            }
            tx.users().insert(anna);
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(stored(anna)).isTrue();
    }

    @Test
    @DisplayName("the events port used after its transaction ended throws IllegalStateException, and nothing is appended")
    void eventsAfterEnd() {
        User owner = committedUser("Olga Owner");
        dev.crmkit.spi.Events events = storage.inTransaction((Transaction tx) -> tx.events());
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        assertThatThrownBy(() -> events.append(data.aCreatedEvent(deal, owner.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(events::lastSequence).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> events.after(0, 10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(events::streamAll).isInstanceOf(IllegalStateException.class);
        assertThat(lastSequence()).isZero();
        Transaction ended = storage.inTransaction((Transaction tx) -> tx);
        assertThatThrownBy(ended::deals).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a stream of events or records cannot be read after its transaction ended")
    void streamsDoNotOutliveTheTransaction() {
        User owner = committedUser("Olga Owner");
        committedDeal("Chairs", owner.id());
        storage.run(tx -> {
            for (int i = 0; i < 3; i++) {
                tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, data.newId()), owner.id()));
            }
        });
        Stream<Event> events = storage.inTransaction((Transaction tx) -> tx.events().streamAll());
        try (events) {
            assertThatThrownBy(events::findFirst).isInstanceOf(IllegalStateException.class);
        }
        Stream<Deal> deals = storage.inTransaction((Transaction tx) -> tx.deals().streamAll());
        try (deals) {
            assertThatThrownBy(deals::count).isInstanceOf(IllegalStateException.class);
        }
        java.util.Iterator<Event> started = storage.inTransaction((Transaction tx) -> {
            java.util.Iterator<Event> it = tx.events().streamAll().iterator();
            assertThat(it.next().sequence()).isEqualTo(1);
            return it;
        });
        assertThatThrownBy(started::hasNext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("streamAll returns every event in sequence order, and other calls may run while it is open")
    void streamAllEvents() {
        User owner = committedUser("Olga Owner");
        int count = 1_234;
        storage.run(tx -> {
            for (int i = 0; i < count; i++) {
                tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, data.newId()), owner.id()));
            }
        });
        List<Long> sequences = storage.inTransaction((Transaction tx) -> {
            List<Long> seen = new ArrayList<>();
            try (Stream<Event> all = tx.events().streamAll()) {
                java.util.Iterator<Event> it = all.iterator();
                seen.add(it.next().sequence());
                assertThat(tx.events().lastSequence()).isEqualTo(count);
                assertThat(tx.users().find(owner.id())).isPresent();
                it.forEachRemaining(e -> seen.add(e.sequence()));
            }
            return seen;
        });
        assertThat(sequences).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, count).boxed().collect(Collectors.toList()));
    }
}
