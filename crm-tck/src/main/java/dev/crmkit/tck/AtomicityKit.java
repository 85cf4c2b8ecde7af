package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** All or nothing. */
abstract class AtomicityKit extends StorageKitBase {

    @Test
    @DisplayName("an exception inside a transaction rolls back every write, events included, and propagates")
    void exceptionRollsBack() {
        Pipeline p = pipeline("Sales", 0);
        Deal existing = deal("Existing", p, owner(), "100");
        Deal fresh = data.aDeal("Fresh", p, owner().id(), null);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> storage.run(tx -> {
            tx.deals().insert(fresh);
            tx.deals().update(next(existing).name("Changed").build(), 1);
            tx.contacts().insert(data.aContact("Ivan", "Petrov", owner().id()));
            tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner().id()));
            throw boom;
        })).isSameAs(boom);
        storage.run(tx -> {
            assertThat(tx.deals().find(fresh.id())).isEmpty();
            assertThat(tx.deals().get(existing.id())).isEqualTo(existing);
            assertThat(tx.contacts().count(Filter.all())).isZero();
            assertThat(tx.events().lastSequence()).isZero();
        });
    }

    @Test
    @DisplayName("a conflict in the middle of a transaction leaves none of its earlier writes")
    void conflictRollsBack() {
        Pipeline p = pipeline("Sales", 0);
        Deal a = deal("A", p, owner(), "100");
        Deal fresh = data.aDeal("Fresh", p, owner().id(), null);
        assertThatThrownBy(() -> storage.run(tx -> {
            tx.deals().insert(fresh);
            tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner().id()));
            tx.deals().update(next(a).version(5).build(), 4);
        })).isInstanceOf(ConflictException.class);
        storage.run(tx -> {
            assertThat(tx.deals().find(fresh.id())).isEmpty();
            assertThat(tx.events().lastSequence()).isZero();
        });
    }

    @Test
    @DisplayName("a transaction sees its own writes before it commits")
    void ownWrites() {
        Pipeline p = pipeline("Sales", 0);
        Deal d = data.aDeal("Mine", p, owner().id(), "5");
        storage.run(tx -> {
            tx.deals().insert(d);
            assertThat(tx.deals().find(d.id())).contains(d);
            assertThat(tx.deals().query(DealFields.NAME.eq("Mine"), Sort.byId(), PageRequest.first(10)).items())
                    .containsExactly(d);
            Deal changed = tx.deals().update(next(d).name("Still mine").build(), 1);
            assertThat(tx.deals().get(d.id())).isEqualTo(changed);
            tx.deals().delete(d.id(), 2);
            assertThat(tx.deals().find(d.id())).isEmpty();
            assertThat(tx.deals().count(Filter.all())).isZero();
        });
    }
}
