package dev.crmkit.api.analytics;

import dev.crmkit.api.Entity;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A sales goal an admin set for a manager (AN-8): a won budget (in the report currency) or a number of deals to
 * win between two days, both included, in the manager's time zone.
 *
 * @param id the goal's id
 * @param version the version, from 1
 * @param created when it was set
 * @param updated when it last changed
 * @param manager the manager
 * @param first the first day
 * @param last the last day, not before the first
 * @param measure what it counts
 * @param target the amount or count to reach; positive, whole for a count
 */
public record SalesGoal(SalesGoalId id, long version, Instant created, Instant updated, UserId manager,
                        LocalDate first, LocalDate last, GoalMeasure measure, BigDecimal target)
        implements Entity<SalesGoalId> {

    /** Checks the invariants and strips the target's trailing zeros. */
    public SalesGoal {
        Checks.present("id, created, updated, manager, first, last, measure, target", id, created, updated, manager,
                first, last, measure, target);
        Checks.version(version);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a goal ends (" + last + ") before it starts (" + first + ")");
        }
        if (target.signum() <= 0 || measure == GoalMeasure.DEALS && target.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a goal's target must be positive, and whole for deals: " + target);
        }
        target = Objects.requireNonNull(target).stripTrailingZeros();
    }

    @Override
    public SalesGoal revised(Instant at) {
        return new SalesGoal(id, version + 1, created, at, manager, first, last, measure, target);
    }

    /**
     * The same goal with another target.
     *
     * @param newTarget the target
     * @return the goal, at the same version
     */
    public SalesGoal withTarget(BigDecimal newTarget) {
        return new SalesGoal(id, version, created, updated, manager, first, last, measure, newTarget);
    }
}
