package dev.crmkit.core.analytics;

import dev.crmkit.api.Limits;
import dev.crmkit.api.analytics.GoalMeasure;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Violations;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A sales goal of a manager (AN-8): a won budget to reach, in the report currency, or a number of deals to win.
 *
 * @param manager the manager
 * @param measure what the goal counts
 * @param target the amount or count to reach; positive
 */
public record Goal(UserId manager, GoalMeasure measure, BigDecimal target) {

    /**
     * Checks the target.
     *
     * @throws dev.crmkit.api.ValidationException {@code an.goal.target} for a target that is not positive, too
     *         large, has decimals for a count, or more decimals than an amount
     */
    public Goal {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(target, "target");
        int scale = target.stripTrailingZeros().scale();
        if (target.signum() <= 0 || Limits.integerDigits(target) > Limits.AMOUNT_INTEGER_DIGITS
                || scale > (measure == GoalMeasure.DEALS ? 0 : Limits.AMOUNT_SCALE)) {
            new Violations().add("target", "an.goal.target", target.toPlainString(), Limits.AMOUNT_INTEGER_DIGITS)
                    .throwIfAny();
        }
        target = target.stripTrailingZeros();
    }

    /**
     * A goal of won budget.
     *
     * @param manager the manager
     * @param amount the amount in the report currency
     * @return the goal
     */
    public static Goal budget(UserId manager, BigDecimal amount) {
        return new Goal(manager, GoalMeasure.BUDGET, amount);
    }

    /**
     * A goal of deals won.
     *
     * @param manager the manager
     * @param deals how many
     * @return the goal
     */
    public static Goal deals(UserId manager, long deals) {
        return new Goal(manager, GoalMeasure.DEALS, BigDecimal.valueOf(deals));
    }

    /**
     * How far a goal has come in a period.
     *
     * @param goal the goal
     * @param name the manager's name
     * @param achieved the won budget (in the report currency) or the deals won
     * @param percent achieved out of the target, in percent (may pass 100)
     */
    public record Progress(Goal goal, String name, BigDecimal achieved, Figure percent) {

        /** Rejects nulls. */
        public Progress {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(name, "name");
            achieved = Objects.requireNonNull(achieved, "achieved").stripTrailingZeros();
            Objects.requireNonNull(percent, "percent");
        }
    }
}
