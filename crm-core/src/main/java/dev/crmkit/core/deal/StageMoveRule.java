package dev.crmkit.core.deal;

import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.Role;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.Reopening;
import dev.crmkit.core.support.CoreMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a deal may move (DEAL-2, DEAL-9), as a pure decision that returns the deal's next state: a move
 * into Lost needs a reason when the policy says so; moving a closed deal anywhere is a re-opening, which
 * the policy allows to nobody, to admins or to anyone; entering Won or Lost closes the deal, leaving them
 * re-opens it. A Lost deal given another reason keeps its stage and changes its reason. It gets values
 * and never reads storage; the events follow from comparing the deal before and after.
 */
final class StageMoveRule {

    private final Reopening reopening;
    private final boolean lossReasonRequired;

    private StageMoveRule(Reopening reopening, boolean lossReasonRequired) {
        this.reopening = reopening;
        this.lossReasonRequired = lossReasonRequired;
    }

    static StageMoveRule of(Policy policy) {
        return new StageMoveRule(policy.reopening(), policy.lossReasonRequired());
    }

    /**
     * Where the deal should go.
     *
     * @param pipeline the target pipeline (the deal's own for a move within it)
     * @param stage a stage of that pipeline
     * @param lossReason the reason, for a move into Lost
     */
    record Target(Pipeline pipeline, Stage stage, Optional<LossReasonId> lossReason) {

        Target {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(lossReason, "lossReason");
        }
    }

    /** What the rule decided. */
    sealed interface Outcome {
        /** The deal moves; its next state, at its current version. */
        record Moved(Deal next) implements Outcome {
        }

        /** The deal is where it was asked to go already. */
        record Unchanged() implements Outcome {
        }

        /** The move breaks a rule. */
        record Refused(List<Violation> violations) implements Outcome {
        }

        /** Only an administrator may make this move (a re-opening under {@link Reopening#ADMINS}). */
        record NeedsAdmin() implements Outcome {
        }
    }

    Outcome decide(Deal deal, Stage current, Target target, Role actor, Instant at) {
        Stage to = target.stage();
        boolean sameStage = current.id().equals(to.id());
        if (sameStage && (target.lossReason().isEmpty() || target.lossReason().equals(deal.lossReason()))) {
            return new Outcome.Unchanged();
        }
        List<Violation> violations = new ArrayList<>();
        if (to.kind() == StageKind.LOST && target.lossReason().isEmpty() && lossReasonRequired) {
            violations.add(CoreMessages.violation("lossReason", "deal.loss_reason.required", deal.name()));
        }
        if (current.isClosed() && !sameStage) {
            if (reopening == Reopening.NOBODY) {
                violations.add(CoreMessages.violation("stage", "deal.reopen.forbidden", deal.name(), current.name()));
            } else if (reopening == Reopening.ADMINS && actor != Role.ADMIN) {
                return new Outcome.NeedsAdmin();
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome.Refused(violations);
        }
        var next = deal.toBuilder().pipeline(target.pipeline().id()).stage(to.id());
        if (!sameStage) {
            next.stageEntered(at);
        }
        if (!to.isClosed()) {
            next.clearClosed().clearLossReason();
        } else if (!current.isClosed() || !sameStage) {
            next.closed(at);
        }
        if (to.kind() == StageKind.LOST) {
            target.lossReason().ifPresent(next::lossReason);
        } else {
            next.clearLossReason();
        }
        return new Outcome.Moved(next.build());
    }
}
