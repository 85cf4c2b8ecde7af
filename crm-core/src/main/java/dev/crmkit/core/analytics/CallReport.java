package dev.crmkit.core.analytics;

import dev.crmkit.api.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Calls per manager in a period (AN-7): how many, how long in all, inbound and outbound, counting only calls at
 * least as long as a minimum (productive calls; zero counts every call). A call belongs to its operator, or to
 * the user who logged it when it names none. Only calls on records the acting user may see.
 *
 * @param period the period
 * @param minimum the shortest call counted
 * @param managers one row per user with a call counted, the most calls first (then by name)
 * @param calls every call counted
 * @param total their total duration
 */
public record CallReport(ReportPeriod.Range period, Duration minimum, List<Row> managers, long calls,
                         Duration total) {

    /** Copies the rows; rejects nulls. */
    public CallReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(minimum, "minimum");
        managers = List.copyOf(managers);
        Objects.requireNonNull(total, "total");
    }

    /**
     * The row of a manager.
     *
     * @param manager the user
     * @return the row
     * @throws IllegalArgumentException for a user without one
     */
    public Row manager(UserId manager) {
        return Rows.find(managers, Row::manager, manager);
    }

    /**
     * One manager's calls.
     *
     * @param manager the user
     * @param name the user's name
     * @param calls how many
     * @param total how long in all
     * @param inbound how many were inbound
     * @param outbound how many were outbound
     */
    public record Row(UserId manager, String name, long calls, Duration total, long inbound, long outbound) {

        /** Rejects nulls. */
        public Row {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(total, "total");
        }
    }
}
