package dev.crmkit.core.analytics;

import dev.crmkit.api.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * What each manager has on their plate and did in a period (AN-6): open deals (the load), events they made in the
 * event log, and their tasks created, overdue now and done in the period. Only what the acting user may see.
 *
 * @param period the period
 * @param managers one row per active user, by name
 */
public record ManagerReport(ReportPeriod.Range period, List<Row> managers) {

    /** Copies the rows; rejects nulls. */
    public ManagerReport {
        Objects.requireNonNull(period, "period");
        managers = List.copyOf(managers);
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
     * One manager.
     *
     * @param manager the user
     * @param name the user's name
     * @param openDeals the open deals they are responsible for now
     * @param events the events they made in the period
     * @param tasksNew the tasks assigned to them that were created in the period
     * @param tasksOverdue their open tasks whose deadline has passed
     * @param tasksDone their tasks closed in the period
     */
    public record Row(UserId manager, String name, long openDeals, long events, long tasksNew, long tasksOverdue,
                      long tasksDone) {

        /** Rejects nulls. */
        public Row {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(name, "name");
        }
    }
}
