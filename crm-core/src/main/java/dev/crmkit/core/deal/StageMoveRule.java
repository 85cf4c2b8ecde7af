package dev.crmkit.core.deal;

import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.core.policy.ReopenRule;
import dev.crmkit.core.support.CoreMessages;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a deal may move from its stage to another one of its pipeline (DEAL-2, DEAL-9): a move into
 * Lost needs a reason when the policy says so; moving a closed deal anywhere is a re-opening, which
 * the policy allows to nobody, to admins, or to anyone. Pure: it gets values, never reads storage.
 */
final class StageMoveRule {

    /** The outcome: violations, and whether the refusal is about the user's rights. */
    record Result(List<Violation> violations, boolean needsAdmin) {
    }

    private StageMoveRule() {
    }

    static Result check(Deal deal, Stage from, Stage to, boolean hasLossReason, boolean lossReasonRequired,
                        ReopenRule reopen, boolean actorIsAdmin) {
        List<Violation> violations = new ArrayList<>();
        if (to.kind() == StageKind.LOST && !hasLossReason && lossReasonRequired) {
            violations.add(CoreMessages.violation("lossReason", "deal.loss_reason.required", deal.name()));
        }
        boolean needsAdmin = false;
        if (from.isClosed() && !from.id().equals(to.id())) {
            if (reopen == ReopenRule.NEVER) {
                violations.add(CoreMessages.violation("stage", "deal.reopen.forbidden", deal.name(), from.name()));
            } else if (reopen == ReopenRule.ADMINS_ONLY && !actorIsAdmin) {
                needsAdmin = true;
            }
        }
        return new Result(violations, needsAdmin);
    }
}
