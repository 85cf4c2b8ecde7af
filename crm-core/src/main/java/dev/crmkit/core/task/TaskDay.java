package dev.crmkit.core.task;

import dev.crmkit.api.task.Task;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * "Now" and "today" for one user's view of tasks (DEAL-10, TASK-1): an open task is overdue when its
 * deadline is before now, and due today when its deadline is now or later but before the next midnight in
 * the user's time zone. A task due earlier today is therefore overdue, never due today. Pure; thread-safe.
 *
 * @param now the operation's time, from the CRM's clock
 * @param tomorrow when the next day begins in the user's zone
 */
record TaskDay(Instant now, Instant tomorrow) {

    TaskDay {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tomorrow, "tomorrow");
    }

    /** The day of a user in a zone at an instant; a day that begins in a daylight-saving gap begins after it. */
    static TaskDay at(Instant now, ZoneId zone) {
        return new TaskDay(now, now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    boolean isOverdue(Task task) {
        return task.isOpen() && task.deadline().isBefore(now);
    }

    boolean isDueToday(Task task) {
        return task.isOpen() && !task.deadline().isBefore(now) && task.deadline().isBefore(tomorrow);
    }
}
