package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Read committed with consistent statements. */
abstract class IsolationKit extends StorageKitBase {

    @Test
    @DisplayName("no dirty reads: another transaction's uncommitted writes are invisible until it commits")
    void noDirtyReads() throws Exception {
        Pipeline p = pipeline("Sales", 0);
        Deal existing = deal("Existing", p, owner(), "100");
        Deal fresh = data.aDeal("Fresh", p, owner().id(), null);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Future<Object> writer = inThread(() -> {
            storage.run(tx -> {
                tx.deals().insert(fresh);
                tx.deals().update(next(existing).name("Changed").build(), 1);
                tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner().id()));
                written.countDown();
                awaitUnchecked(checked);
            });
            return null;
        });
        await(written);
        storage.run(tx -> {
            assertThat(tx.deals().find(fresh.id())).isEmpty();
            assertThat(tx.deals().get(existing.id()).name()).isEqualTo("Existing");
            assertThat(tx.deals().count(Filter.all())).isEqualTo(1);
            assertThat(tx.events().lastSequence()).isZero();
        });
        checked.countDown();
        await(writer);
        storage.run(tx -> {
            assertThat(tx.deals().find(fresh.id())).isPresent();
            assertThat(tx.deals().get(existing.id()).name()).isEqualTo("Changed");
            assertThat(tx.events().lastSequence()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("no torn reads: one query sees a two-record transfer entirely or not at all")
    void noTornReads() throws Exception {
        Pipeline p = pipeline("Sales", 0);
        Deal a = deal("A", p, owner(), "1000.00");
        Deal b = deal("B", p, owner(), "1000.00");
        int transfers = 300;
        AtomicBoolean done = new AtomicBoolean();
        Future<Object> writer = inThread(() -> {
            for (int i = 0; i < transfers; i++) {
                storage.run(tx -> {
                    Deal x = tx.deals().get(a.id());
                    Deal y = tx.deals().get(b.id());
                    tx.deals().update(next(x).budget(x.budget().orElseThrow().withAmount(
                            x.budget().orElseThrow().amount().minus(rub("1")))).build(), x.version());
                    tx.deals().update(next(y).budget(y.budget().orElseThrow().withAmount(
                            y.budget().orElseThrow().amount().plus(rub("1")))).build(), y.version());
                });
            }
            done.set(true);
            return null;
        });
        int reads = 0;
        Filter<Deal> both = DealFields.ID.in(List.of(a.id(), b.id()));
        while (!done.get() || reads < 10) {
            List<Deal> seen = storage.inTransaction((Transaction tx) ->
                    tx.deals().query(both, Sort.byId(), PageRequest.first(10)).items());
            assertThat(seen).hasSize(2);
            Money sum = seen.get(0).budget().orElseThrow().amount().plus(seen.get(1).budget().orElseThrow().amount());
            assertThat(sum).as("sum seen by one query").isEqualTo(rub("2000.00"));
            reads++;
        }
        await(writer);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(a.id())).budget().orElseThrow().amount())
                .isEqualTo(rub("700.00"));
    }
}
