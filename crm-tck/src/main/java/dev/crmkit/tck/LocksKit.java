package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Logical locks. */
abstract class LocksKit extends StorageKitBase {

    @Test
    @DisplayName("transactions locking a common key run one after the other: no conflicts, no lost updates")
    void lockSerializes() throws Exception {
        Deal d = deal("Counter", pipeline("Sales", 0), owner(), "0.00");
        int perThread = 200;
        AtomicInteger conflicts = new AtomicInteger();
        together(4, t -> () -> {
            for (int i = 0; i < perThread; i++) {
                try {
                    storage.run(tx -> {
                        tx.lock(List.of("counter:" + d.id()));
                        addOneRuble(tx, d);
                    });
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                }
            }
            return null;
        });
        assertThat(conflicts.get()).isZero();
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).budget().orElseThrow().amount())
                .isEqualTo(rub("800.00"));
    }

    @Test
    @DisplayName("transactions locking sets of keys that overlap, given in opposite orders, run one after the other"
            + " without a deadlock")
    void keySetsInAnyOrder() throws Exception {
        Deal d = deal("Counter", pipeline("Sales", 0), owner(), "0.00");
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            keys.add("phone:90177600" + (10 + k));
        }
        int perThread = 50;
        AtomicInteger conflicts = new AtomicInteger();
        together(4, t -> () -> {
            // Every thread's set shares the middle keys with every other's; odd threads name theirs backwards.
            List<String> mine = new ArrayList<>(keys.subList(t % 2 * 2, 10 + t % 2 * 2));
            if (t % 2 == 1) {
                Collections.reverse(mine);
            }
            for (int i = 0; i < perThread; i++) {
                try {
                    storage.run(tx -> {
                        tx.lock(mine);
                        addOneRuble(tx, d);
                    });
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                }
            }
            return null;
        });
        assertThat(conflicts.get()).as("deadlocks, time-outs or lost updates").isZero();
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).budget().orElseThrow().amount())
                .isEqualTo(rub("200.00"));
    }

    @Test
    @DisplayName("a transaction may lock keys it holds again, and locks of other keys do not wait for it")
    void reentrantAndIndependent() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = inThread(() -> {
            storage.run(tx -> {
                tx.lock(List.of("phone:9017763434"));
                tx.lock(List.of("phone:9017763434", "email:ivan@client.test"));
                holding.countDown();
                awaitUnchecked(release);
            });
            return null;
        });
        await(holding);
        Future<String> other = inThread(() -> storage.inTransaction((Transaction tx) -> {
            tx.lock(List.of("phone:9035550000"));
            return "locked";
        }));
        assertThat(await(other)).isEqualTo("locked");
        release.countDown();
        await(holder);
    }
}
