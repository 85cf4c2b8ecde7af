package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.LossReasonId;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stage moves, wins, losses and re-openings made from the deal as a user saw it (the concurrency quality):
 * with the version seen, a deal that changed meanwhile is a {@link ConflictException} and nothing changes;
 * without one, the move acts on the deal as stored.
 */
abstract class StaleTransitionsKit extends FacadeKitBase {

    private Pipeline p;
    private LossReasonId tooExpensive;

    @BeforeEach
    void pipeline() {
        p = sales();
        tooExpensive = reason("Too expensive").id();
    }

    private ConflictException stale(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ConflictException e = failsAndChangesNothing(ConflictException.class, call);
        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        assertThat(e.retryable()).isFalse();
        return e;
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("a move, a win and a loss from the version seen go through and each makes the next version")
    void transitionsFromTheVersionSeen() {
        Deal d = chairs(boris);
        Deal moved = boris.deals().move(d.id(), p.stages().get(1).id(), d.version());
        assertThat(moved.stage()).isEqualTo(p.stages().get(1).id());
        assertThat(moved.version()).isEqualTo(d.version() + 1);
        Deal lost = boris.deals().lose(d.id(), tooExpensive, moved.version());
        assertThat(lost.stage()).isEqualTo(p.lostStage().id());
        assertThat(lost.lossReason()).contains(tooExpensive);
        Deal reopened = boris.deals().move(d.id(), p.firstStage().id(), lost.version());
        assertThat(reopened.closed()).isEmpty();
        assertThat(reopened.lossReason()).isEmpty();
        Deal won = boris.deals().win(d.id(), reopened.version());
        assertThat(won.stage()).isEqualTo(p.wonStage().id());
        assertThat(won.closed()).isPresent();
        assertThat(boris.deals().win(d.id(), won.version())).as("won already: nothing to do").isEqualTo(won);
        assertThat(anna.deals().get(d.id())).isEqualTo(won);
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("after someone else's edit, a move, win, loss or re-opening from the old version is a conflict and changes nothing")
    void transitionsFromAStaleVersion() {
        Deal seen = chairs(boris);
        Deal renamed = anna.deals().update(seen.id(), seen.version(), f -> f.name("Office chairs"));
        stale(() -> boris.deals().move(seen.id(), p.stages().get(1).id(), seen.version()));
        stale(() -> boris.deals().win(seen.id(), seen.version()));
        stale(() -> boris.deals().lose(seen.id(), tooExpensive, seen.version()));
        stale(() -> boris.deals().move(seen.id(), p.firstStage().id(), renamed.version() + 1));
        Deal won = anna.deals().win(seen.id(), renamed.version());
        stale(() -> boris.deals().move(seen.id(), p.firstStage().id(), renamed.version()));
        assertThat(anna.deals().get(seen.id())).isEqualTo(won);
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("a stale version is refused before the move's own rules: a conflict, not a missing loss reason")
    void staleVersionComesFirst() {
        Deal seen = chairs(boris);
        anna.deals().update(seen.id(), seen.version(), f -> f.name("Office chairs"));
        stale(() -> boris.deals().move(seen.id(), p.lostStage().id(), seen.version()));
        refused(RuleViolationException.class, () -> boris.deals().move(seen.id(), p.lostStage().id(), seen.version() + 1),
                "deal.loss_reason.required");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("without a version, a move acts on the deal as stored, whatever changed since it was read")
    void transitionsWithoutAVersionActOnTheStoredDeal() {
        Deal seen = chairs(boris);
        anna.deals().update(seen.id(), seen.version(), f -> f.name("Office chairs"));
        Deal moved = boris.deals().move(seen.id(), p.stages().get(1).id());
        assertThat(moved.name()).isEqualTo("Office chairs");
        assertThat(moved.version()).isEqualTo(seen.version() + 2);
        assertThat(boris.deals().lose(seen.id(), tooExpensive).stage()).isEqualTo(p.lostStage().id());
        assertThat(boris.deals().win(seen.id()).stage()).isEqualTo(p.wonStage().id());
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("two users move one deal from the same version at once, on real threads: one wins, the other gets a conflict")
    void racingTransitionsHaveOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Deal seen = chairs(boris);
            List<Callable<Deal>> moves = List.of(
                    () -> anna.deals().move(seen.id(), p.stages().get(2).id(), seen.version()),
                    () -> boris.deals().win(seen.id(), seen.version()));
            List<Object> results = together(2, i -> () -> outcome(ConflictException.class, moves.get(i)));
            assertThat(results).as("round %d", round).filteredOn(r -> r instanceof ConflictException).hasSize(1);
            Deal winner = (Deal) results.stream().filter(r -> r instanceof Deal).findFirst().orElseThrow();
            assertThat(winner.version()).isEqualTo(seen.version() + 1);
            assertThat(anna.deals().get(seen.id())).isEqualTo(winner);
            assertThat(anna.events().of(RecordRef.of(seen.id())))
                    .filteredOn(e -> e.kind() == EventKind.STAGE_CHANGED).hasSize(1);
        }
    }
}
