package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.money.Money;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The log of stage changes, the basis of the funnels and cycles issue 14 brings: every creation
 * and move of a deal is an entry written in the same transaction, nothing else writes one, it outlives the deal,
 * and past changes can be backfilled.
 */
abstract class StageTransitionsKit extends FacadeKitBase {

    private static String path(StageTransition t) {
        return t.from().map(Object::toString).orElse("—") + " → " + t.to();
    }

    @Test
    @DisplayName("creation, every move, Won, Lost and a change of pipeline are logged with who, when and the budget")
    void everyChangeLogged() {
        Pipeline p = sales();
        Pipeline other = anna.pipelines().create(NewPipeline.named("Service").stage("Call", 20));
        Deal d = boris.deals().create(DealForm.in(p.id()).name("Chairs").budget(Money.of("1000", "RUB")));
        Instant created = clock.instant();
        clock.advance(Duration.ofHours(1));
        boris.deals().move(d.id(), p.stages().get(1).id());
        boris.deals().move(d.id(), p.stages().get(1).id());
        clock.advance(Duration.ofHours(1));
        boris.deals().win(d.id());
        boris.deals().move(d.id(), p.stages().get(0).id());
        boris.deals().moveToPipeline(d.id(), other.id(), Optional.empty());
        List<StageTransition> log = boris.deals().transitions(d.id());
        assertThat(log).extracting(StageTransitionsKit::path).containsExactly(
                "— → " + p.stages().get(0).id(),
                p.stages().get(0).id() + " → " + p.stages().get(1).id(),
                p.stages().get(1).id() + " → " + p.wonStage().id(),
                p.wonStage().id() + " → " + p.stages().get(0).id(),
                p.stages().get(0).id() + " → " + other.stages().get(0).id());
        assertThat(log.get(0).at()).isEqualTo(created.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(log).allSatisfy(t -> {
            assertThat(t.by()).contains(borisUser.id());
            assertThat(t.budget().orElseThrow().amount()).isEqualTo(Money.of("1000", "RUB"));
            assertThat(t.backfilled()).isFalse();
        });
        assertThat(log.get(4).fromPipeline()).contains(p.id());
        assertThat(log.get(4).pipeline()).isEqualTo(other.id());
        assertThat(log.get(3).fromPipeline()).isEmpty();
    }

    @Test
    @DisplayName("a refused move logs nothing; a deleted deal's log stays for past funnels")
    void refusedMoveAndDeletedDeal() {
        Pipeline p = anna.pipelines().require(sales().id(), StageRequirement.of(sales().stages().get(1).id(),
                DealPart.BUDGET));
        Deal d = boris.deals().create(DealForm.in(p.id()).name("Chairs"));
        failsAndChangesNothing(RuleViolationException.class, () -> boris.deals().move(d.id(), p.stages().get(1).id()));
        assertThat(boris.deals().transitions(d.id())).hasSize(1);
        anna.deals().delete(d.id(), d.version());
        assertThatThrownBy(() -> anna.deals().transitions(d.id())).isInstanceOf(NotFoundException.class);
        List<StageTransition> kept = storage.inTransaction(tx -> tx.stageTransitions().ofDeal(d.id()));
        assertThat(kept).hasSize(1);
    }

    @Test
    @DisplayName("deleting a stage logs the move of its deals to the stage named")
    void deletedStage() {
        Pipeline p = sales();
        Deal d = boris.deals().create(DealForm.in(p.id()).name("Chairs").stage(p.stages().get(1).id()));
        anna.pipelines().deleteStage(p.id(), p.stages().get(1).id(), Optional.of(p.stages().get(2).id()));
        assertThat(boris.deals().transitions(d.id())).extracting(StageTransitionsKit::path)
                .endsWith(p.stages().get(1).id() + " → " + p.stages().get(2).id());
    }

    @Test
    @DisplayName("a past change is backfilled with its own time and a BACKFILLED event, the deal unchanged")
    void backfill() {
        Pipeline p = sales();
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Imported").stage(p.stages().get(1).id()));
        Instant engaged = Instant.parse("2017-03-01T00:00:00Z");
        StageTransition t = anna.deals().backfill(d.id(), Optional.of(p.stages().get(0).id()), p.stages().get(1).id(),
                engaged);
        assertThat(t.backfilled()).isTrue();
        assertThat(t.at()).isEqualTo(engaged);
        assertThat(anna.deals().transitions(d.id())).extracting(StageTransition::at)
                .containsExactly(engaged, d.created());
        assertThat(anna.deals().get(d.id())).isEqualTo(d);
        assertThat(anna.events().of(RecordRef.of(d.id()))).anySatisfy(e -> assertThat(e.kind())
                .isEqualTo(EventKind.BACKFILLED));
        refused(ValidationException.class, () -> anna.deals().backfill(d.id(), Optional.empty(), p.stages().get(1).id(),
                clock.instant().plus(Duration.ofDays(1))), "deal.backfill.future");
        Pipeline other = anna.pipelines().create(NewPipeline.named("Service").stage("Call", 20));
        refused(RuleViolationException.class, () -> anna.deals().backfill(d.id(), Optional.empty(),
                other.stages().get(0).id(), engaged), "deal.stage.foreign");
    }
}
