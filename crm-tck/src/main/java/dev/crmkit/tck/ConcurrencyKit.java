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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The facade is shared by threads. */
abstract class ConcurrencyKit extends FacadeKitBase {

    @Test
    @DisplayName("sessions on many threads create deals at once: every deal and event is stored once")
    void parallelCreatesStoreEveryDealAndEventOnce() throws Exception {
        Pipeline p = sales();
        long eventsBefore = anna.events().after(0, 10_000).size();
        List<Deal> all = together(4, thread -> () -> {
            CrmSession session = thread % 2 == 0 ? anna : boris;
            List<Deal> mine = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                mine.add(session.deals().create(DealForm.in(p.id()).name("T" + thread + "-" + i)));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        assertThat(all).extracting(Deal::id).doesNotHaveDuplicates().hasSize(200);
        List<Event> events = anna.events().after(0, 10_000);
        assertThat(events).hasSize((int) eventsBefore + 200);
        assertThat(events).extracting(Event::sequence).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @DisplayName("two sessions update the same deal from the same version at once: one wins, the other gets a conflict")
    void parallelUpdatesFromOneVersionHaveOneWinner() throws Exception {
        Deal d = chairs(anna);
        List<CrmSession> sessions = List.of(anna, boris);
        List<Object> results = together(2, i -> () -> outcome(ConflictException.class, () -> sessions.get(i).deals()
                .update(d.id(), d.version(), x -> x.name(i == 0 ? "Anna's" : "Boris's"))));
        assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(1);
        Deal winner = (Deal) results.stream().filter(r -> r instanceof Deal).findFirst().orElseThrow();
        assertThat(anna.deals().get(d.id())).isEqualTo(winner);
        assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.FIELD_CHANGED)
                .hasSize(1);
    }
}
