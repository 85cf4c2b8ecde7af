package dev.crmkit.core.deal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.money.Percent;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.ReopenRule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("Stage moves (the rule alone)")
class StageMoveRuleTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private final Stage talks = new Stage(new StageId(UUID.randomUUID()), "Talks", StageKind.OPEN, Percent.of(30));
    private final Stage offer = new Stage(new StageId(UUID.randomUUID()), "Offer", StageKind.OPEN, Percent.of(60));
    private final Stage won = new Stage(new StageId(UUID.randomUUID()), "Won", StageKind.WON, Percent.of(100));
    private final Stage lost = new Stage(new StageId(UUID.randomUUID()), "Lost", StageKind.LOST, Percent.of(0));
    private final Deal deal = Deal.builder().id(new DealId(UUID.randomUUID())).created(T).updated(T).name("Chairs")
            .pipeline(new PipelineId(UUID.randomUUID())).stage(talks.id()).stageEntered(T)
            .responsible(new UserId(UUID.randomUUID())).build();

    @Test
    @Tag("DEAL-9")
    @DisplayName("DEAL-9: moving into Lost needs a reason when the policy requires one")
    void lossReason() {
        assertThat(StageMoveRule.check(deal, talks, lost, false, true, ReopenRule.ANYONE, false).violations())
                .extracting(Violation::code).containsExactly("deal.loss_reason.required");
        assertThat(StageMoveRule.check(deal, talks, lost, true, true, ReopenRule.ANYONE, false).violations()).isEmpty();
        assertThat(StageMoveRule.check(deal, talks, lost, false, false, ReopenRule.ANYONE, false).violations()).isEmpty();
        assertThat(StageMoveRule.check(deal, talks, offer, false, true, ReopenRule.NEVER, false).violations()).isEmpty();
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("DEAL-9: re-opening a closed deal follows the policy: never, admins only, or anyone")
    void reopen() {
        assertThat(StageMoveRule.check(deal, won, talks, false, true, ReopenRule.NEVER, true).violations())
                .extracting(Violation::code).containsExactly("deal.reopen.forbidden");
        StageMoveRule.Result user = StageMoveRule.check(deal, won, talks, false, true, ReopenRule.ADMINS_ONLY, false);
        assertThat(user.needsAdmin()).isTrue();
        assertThat(StageMoveRule.check(deal, won, talks, false, true, ReopenRule.ADMINS_ONLY, true).needsAdmin()).isFalse();
        StageMoveRule.Result anyone = StageMoveRule.check(deal, lost, talks, false, true, ReopenRule.ANYONE, false);
        assertThat(anyone.needsAdmin()).isFalse();
        assertThat(anyone.violations()).isEmpty();
        assertThat(StageMoveRule.check(deal, won, lost, false, true, ReopenRule.ANYONE, false).violations())
                .extracting(Violation::code).containsExactly("deal.loss_reason.required");
    }
}
