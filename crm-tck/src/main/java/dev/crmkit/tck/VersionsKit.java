package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.spi.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Optimistic versions: a stale change never overwrites silently. */
abstract class VersionsKit extends StorageKitBase {

    @Test
    @DisplayName("an update based on a stale version is a conflict and changes nothing")
    void staleUpdate() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        storage.run(tx -> tx.deals().update(next(d).name("First save").build(), 1));
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(next(d).name("Second save").build(), 1)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).record()).contains(RecordRef.of(d.id())));
        Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
        assertThat(stored.name()).isEqualTo("First save");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a delete based on a stale version is a conflict and the record stays")
    void staleDelete() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        storage.run(tx -> tx.deals().update(next(d).build(), 1));
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().delete(d.id(), 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().find(d.id()))).isPresent();
    }

    @Test
    @DisplayName("two users save the same record from the same version: the second save fails")
    void twoUsersSaveTheSameRecord() throws Exception {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        CountDownLatch bothRead = new CountDownLatch(2);
        CountDownLatch firstSaved = new CountDownLatch(1);
        Future<Deal> first = inThread(() -> storage.inTransaction((Transaction tx) -> {
            Deal mine = tx.deals().get(d.id());
            bothRead.countDown();
            awaitUnchecked(bothRead);
            return tx.deals().update(next(mine).name("Anna's").build(), mine.version());
        }));
        Future<Object> second = inThread(() -> {
            try {
                storage.run(tx -> {
                    Deal mine = tx.deals().get(d.id());
                    bothRead.countDown();
                    awaitUnchecked(firstSaved);
                    tx.deals().update(next(mine).name("Boris's").build(), mine.version());
                });
                return "saved";
            } catch (ConflictException e) {
                return e;
            }
        });
        await(first);
        firstSaved.countDown();
        assertThat(await(second)).isInstanceOf(ConflictException.class);
        Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
        assertThat(stored.name()).isEqualTo("Anna's");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("8 threads each add 1 to a budget 500 times with retries: no update is lost")
    void noLostUpdates() throws Exception {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "1000.00");
        int threadCount = 8;
        int increments = 500;
        together(threadCount, t -> () -> {
            for (int i = 0; i < increments; i++) {
                while (true) {
                    try {
                        storage.run(tx -> addOneRuble(tx, d));
                        break;
                    } catch (ConflictException retry) {
                        // another thread stored its increment first: read again and retry
                    }
                }
            }
            return null;
        });
        Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
        assertThat(stored.budget().orElseThrow().amount()).isEqualTo(rub("5000.00"));
        assertThat(stored.version()).isEqualTo(1 + threadCount * increments);
    }
}
