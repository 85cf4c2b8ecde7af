package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pipelines and stages (DEAL-2). */
abstract class PipelinesKit extends FacadeKitBase {

    @Test
    @Tag("DEAL-2")
    @DisplayName("a pipeline has ordered stages with probabilities, ending in Won and Lost")
    void pipelineHasOrderedStagesEndingInWonAndLost() {
        Pipeline p = sales();
        assertThat(p.stages()).extracting(s -> s.name())
                .containsExactly("First contact", "Negotiation", "Invoice sent", "Won", "Lost");
        assertThat(p.stages()).extracting(s -> s.probability().value().intValue()).containsExactly(10, 50, 80, 100, 0);
        assertThat(p.wonStage().kind()).isEqualTo(StageKind.WON);
        assertThat(p.lostStage().kind()).isEqualTo(StageKind.LOST);
        Pipeline second = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20).won("Signed")
                .lost("Refused"));
        assertThat(anna.pipelines().list()).containsExactly(p, second);
        assertThat(second.wonStage().name()).isEqualTo("Signed");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("bad stages are reported all at once (probability 101, blank and duplicate names) and nothing is stored")
    void badStagesAreReportedAtOnce() {
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.pipelines().create(NewPipeline.named(" ").stage("", 10).stage("Talks", 101)));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                "name pipeline.name.blank", "stages[0].name stage.name.blank",
                "stages[1].probability percent.range");
        ValidationException dup = failsAndChangesNothing(ValidationException.class,
                () -> anna.pipelines().create(NewPipeline.named("P").stage("Talks", 10).stage("talks", 20)));
        assertThat(codes(dup)).containsExactly("pipeline.stages.duplicate");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("the policy limits pipelines and stages (amoCRM: 50 and 100); a custom policy can lower them")
    void policyLimitsPipelinesAndStages() {
        assertThat(crm.policy().maxPipelines()).isEqualTo(50);
        assertThat(crm.policy().maxStagesPerPipeline()).isEqualTo(100);
        CrmSession tight = crm(Policy.builder(Policies.amoCrm()).maxPipelines(1).maxStagesPerPipeline(4).build())
                .as(annaUser.id());
        Pipeline p = tight.pipelines().create(NewPipeline.named("Only").stage("One", 10).stage("Two", 20));
        refused(RuleViolationException.class,
                () -> tight.pipelines().create(NewPipeline.named("Second").stage("One", 10)), "pipeline.limit");
        refused(RuleViolationException.class,
                () -> tight.pipelines().addStage(p.id(), "Three", 30), "pipeline.stages.limit");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("pipelines and open stages re-order; new stages go before Won; Won and Lost always stay last")
    void pipelinesAndOpenStagesReorder() {
        Pipeline p = sales();
        Pipeline q = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
        assertThat(anna.pipelines().reorder(List.of(q.id(), p.id()))).extracting(Pipeline::name)
                .containsExactly("Partners", "Sales");
        assertThat(anna.pipelines().list()).extracting(Pipeline::name).containsExactly("Partners", "Sales");
        Pipeline added = anna.pipelines().addStage(p.id(), "Contract", 90);
        assertThat(added.stages()).extracting(s -> s.name())
                .containsExactly("First contact", "Negotiation", "Invoice sent", "Contract", "Won", "Lost");
        List<dev.crmkit.api.deal.StageId> open = added.stages().subList(0, 4).stream().map(s -> s.id())
                .collect(Collectors.toList());
        java.util.Collections.reverse(open);
        Pipeline reordered = anna.pipelines().reorderStages(p.id(), open);
        assertThat(reordered.stages()).extracting(s -> s.name())
                .containsExactly("Contract", "Invoice sent", "Negotiation", "First contact", "Won", "Lost");
        assertThat(anna.pipelines().setProbability(p.id(), open.get(0), 95).stages().get(0).probability().value()
                .intValue()).isEqualTo(95);
        assertThat(anna.pipelines().renameStage(p.id(), open.get(0), "Signing").stages().get(0).name())
                .isEqualTo("Signing");
        refused(ValidationException.class,
                () -> anna.pipelines().reorderStages(p.id(), open.subList(0, 2)), "pipeline.order.incomplete");
        refused(ValidationException.class,
                () -> anna.pipelines().setProbability(p.id(), open.get(0), 101), "percent.range");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("deleting a stage that holds deals needs a target stage; the deals move there with events")
    void deletingAStageWithDealsNeedsATarget() {
        Pipeline p = sales();
        var negotiation = p.stages().get(1);
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs").stage(negotiation.id()));
        refused(RuleViolationException.class,
                () -> anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.empty()), "pipeline.stage.target_required");
        refused(RuleViolationException.class,
                () -> anna.pipelines().deleteStage(p.id(), p.wonStage().id(), Optional.empty()), "pipeline.stage.closing");
        refused(RuleViolationException.class,
                () -> anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.of(p.lostStage().id())), "pipeline.stage.target_invalid");
        Pipeline after = anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.of(p.firstStage().id()));
        assertThat(after.stages()).extracting(s -> s.name()).containsExactly("First contact", "Invoice sent", "Won", "Lost");
        assertThat(anna.deals().get(d.id()).stage()).isEqualTo(p.firstStage().id());
        assertThat(anna.events().of(RecordRef.of(d.id()))).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.STAGE_CHANGED);
            assertThat(e.before()).contains("Negotiation");
            assertThat(e.after()).contains("First contact");
        });
    }
}
