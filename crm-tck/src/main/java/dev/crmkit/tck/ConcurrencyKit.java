package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.deal.DealForm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The facade is shared by threads. */
abstract class ConcurrencyKit extends FacadeKitBase {

    @Test
    @DisplayName("sessions on many threads create deals at once: every deal and event is stored once")
    void parallelCreatesStoreEveryDealAndEventOnce() throws Exception {
        Pipeline p = sales();
        long eventsBefore = anna.events().after(0, 10_000).size();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<Deal>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            CrmSession session = t % 2 == 0 ? anna : boris;
            int thread = t;
            futures.add(inThread(() -> {
                await(start);
                List<Deal> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    mine.add(session.deals().create(DealForm.in(p.id()).name("T" + thread + "-" + i)));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Deal> all = new ArrayList<>();
        for (var f : futures) {
            all.addAll(await(f));
        }
        assertThat(all).extracting(Deal::id).doesNotHaveDuplicates().hasSize(200);
        List<Event> events = anna.events().after(0, 10_000);
        assertThat(events).hasSize((int) eventsBefore + 200);
        assertThat(events).extracting(Event::sequence).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @DisplayName("two sessions update the same deal from the same version at once: one wins, the other gets a conflict")
    void parallelUpdatesFromOneVersionHaveOneWinner() throws Exception {
        Pipeline p = sales();
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Object>> futures = new ArrayList<>();
        for (CrmSession session : List.of(anna, boris)) {
            futures.add(inThread(() -> {
                await(start);
                try {
                    return session.deals().update(d.id(), d.version(), x -> x
                            .name(session == anna ? "Anna's" : "Boris's"));
                } catch (ConflictException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (var f : futures) {
            results.add(await(f));
        }
        assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(1);
        Deal winner = (Deal) results.stream().filter(r -> r instanceof Deal).findFirst().orElseThrow();
        assertThat(anna.deals().get(d.id())).isEqualTo(winner);
        assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.FIELD_CHANGED)
                .hasSize(1);
    }
}
