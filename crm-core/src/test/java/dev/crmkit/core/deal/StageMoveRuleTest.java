package dev.crmkit.core.deal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.money.Percent;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.Reopening;
import dev.crmkit.core.support.Changes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("Stage moves (the rule alone: the next deal and the changes its events come from)")
class StageMoveRuleTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant LATER = T.plusSeconds(3600);
    private final Stage talks = new Stage(new StageId(UUID.randomUUID()), "Talks", StageKind.OPEN, Percent.of(30));
    private final Stage offer = new Stage(new StageId(UUID.randomUUID()), "Offer", StageKind.OPEN, Percent.of(60));
    private final Stage won = new Stage(new StageId(UUID.randomUUID()), "Won", StageKind.WON, Percent.of(100));
    private final Stage lost = new Stage(new StageId(UUID.randomUUID()), "Lost", StageKind.LOST, Percent.of(0));
    private final Pipeline sales = Pipeline.builder().id(new PipelineId(UUID.randomUUID())).created(T).updated(T)
            .name("Sales").position(0).stages(List.of(talks, offer, won, lost)).build();
    private final Deal deal = Deal.builder().id(new DealId(UUID.randomUUID())).created(T).updated(T).name("Chairs")
            .pipeline(sales.id()).stage(talks.id()).stageEntered(T).responsible(new UserId(UUID.randomUUID())).build();
    private final LossReasonId tooExpensive = new LossReasonId(UUID.randomUUID());

    private static StageMoveRule rule(Reopening reopening) {
        return StageMoveRule.of(Policy.builder(Policies.amoCrm()).reopening(reopening).build());
    }

    private StageMoveRule.Outcome move(StageMoveRule rule, Deal from, Stage to, Optional<LossReasonId> reason,
                                       Role actor) {
        Stage current = sales.stage(from.stage()).orElseThrow();
        return rule.decide(from, current, new StageMoveRule.Target(sales, to, reason), actor, LATER);
    }

    private Deal moved(StageMoveRule.Outcome outcome) {
        assertThat(outcome).isInstanceOf(StageMoveRule.Outcome.Moved.class);
        return ((StageMoveRule.Outcome.Moved) outcome).next();
    }

    private static List<String> codes(StageMoveRule.Outcome outcome) {
        assertThat(outcome).isInstanceOf(StageMoveRule.Outcome.Refused.class);
        return ((StageMoveRule.Outcome.Refused) outcome).violations().stream().map(Violation::code).toList();
    }

    private static List<String> changed(Deal before, Deal after) {
        return Changes.between(before, after).stream().map(Changes.Change::field).toList();
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("DEAL-2: a move to an open stage changes the stage and when it was entered, nothing else")
    void openMove() {
        Deal next = moved(move(rule(Reopening.ANYONE), deal, offer, Optional.empty(), Role.USER));
        assertThat(next.stage()).isEqualTo(offer.id());
        assertThat(next.stageEntered()).isEqualTo(LATER);
        assertThat(next.version()).as("the unit makes the revision").isEqualTo(deal.version());
        assertThat(changed(deal, next)).containsExactly("stage");
        assertThat(move(rule(Reopening.ANYONE), deal, talks, Optional.empty(), Role.USER))
                .isInstanceOf(StageMoveRule.Outcome.Unchanged.class);
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("DEAL-9: moving into Lost needs a reason when the policy requires one, and closes the deal with it")
    void lossReason() {
        assertThat(codes(move(rule(Reopening.ANYONE), deal, lost, Optional.empty(), Role.USER)))
                .containsExactly("deal.loss_reason.required");
        Deal lostDeal = moved(move(rule(Reopening.ANYONE), deal, lost, Optional.of(tooExpensive), Role.USER));
        assertThat(lostDeal.closed()).contains(LATER);
        assertThat(lostDeal.lossReason()).contains(tooExpensive);
        assertThat(changed(deal, lostDeal)).containsExactly("stage", "closed", "lossReason");
        StageMoveRule lenient = StageMoveRule.of(Policy.builder(Policies.amoCrm()).lossReasonRequired(false).build());
        assertThat(moved(move(lenient, deal, lost, Optional.empty(), Role.USER)).lossReason()).isEmpty();
        Deal wonDeal = moved(move(rule(Reopening.ANYONE), deal, won, Optional.empty(), Role.USER));
        assertThat(changed(deal, wonDeal)).containsExactly("stage", "closed");
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("DEAL-9: a Lost deal given another reason keeps its stage and close time and changes only its reason")
    void anotherLossReason() {
        Deal lostDeal = moved(move(rule(Reopening.ANYONE), deal, lost, Optional.of(tooExpensive), Role.USER));
        LossReasonId noBudget = new LossReasonId(UUID.randomUUID());
        Deal next = moved(move(rule(Reopening.ANYONE), lostDeal, lost, Optional.of(noBudget), Role.USER));
        assertThat(changed(lostDeal, next)).containsExactly("lossReason");
        assertThat(next.closed()).isEqualTo(lostDeal.closed());
        assertThat(move(rule(Reopening.ANYONE), lostDeal, lost, Optional.of(tooExpensive), Role.USER))
                .isInstanceOf(StageMoveRule.Outcome.Unchanged.class);
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("DEAL-9: re-opening a closed deal follows the policy (nobody, admins, anyone) and clears close and reason")
    void reopen() {
        Deal wonDeal = moved(move(rule(Reopening.ANYONE), deal, won, Optional.empty(), Role.USER));
        assertThat(codes(move(rule(Reopening.NOBODY), wonDeal, talks, Optional.empty(), Role.ADMIN)))
                .containsExactly("deal.reopen.forbidden");
        assertThat(move(rule(Reopening.ADMINS), wonDeal, talks, Optional.empty(), Role.USER))
                .isInstanceOf(StageMoveRule.Outcome.NeedsAdmin.class);
        Deal reopened = moved(move(rule(Reopening.ADMINS), wonDeal, talks, Optional.empty(), Role.ADMIN));
        assertThat(reopened.closed()).isEmpty();
        assertThat(changed(wonDeal, reopened)).containsExactly("stage", "closed");
        Deal lostDeal = moved(move(rule(Reopening.ANYONE), deal, lost, Optional.of(tooExpensive), Role.USER));
        Deal again = moved(move(rule(Reopening.ANYONE), lostDeal, offer, Optional.empty(), Role.USER));
        assertThat(again.lossReason()).isEmpty();
        assertThat(codes(move(rule(Reopening.ANYONE), wonDeal, lost, Optional.empty(), Role.USER)))
                .containsExactly("deal.loss_reason.required");
    }
}
