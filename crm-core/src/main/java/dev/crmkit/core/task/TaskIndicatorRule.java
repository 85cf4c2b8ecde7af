package dev.crmkit.core.task;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskIndicator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;

/**
 * The task indicator of a deal (DEAL-10) from the deal and its own tasks, as {@link TaskIndicator} defines
 * it: red for an overdue open task, else green for one due today, else orange for an open deal with no open
 * task, else none. The caller passes only the deal's own tasks: a task on its contact does not count. Pure;
 * thread-safe.
 */
public final class TaskIndicatorRule {

    private TaskIndicatorRule() {
    }

    /**
     * The indicator of a deal.
     *
     * @param deal the deal
     * @param tasks the tasks that belong to the deal, open and closed
     * @param now the current time
     * @param zone the time zone of the user who asks, where "today" is
     * @return the indicator
     * @throws IllegalArgumentException when a task belongs to another record
     */
    public static TaskIndicator decide(Deal deal, Collection<Task> tasks, Instant now, ZoneId zone) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(tasks, "tasks");
        TaskDay day = TaskDay.at(Objects.requireNonNull(now, "now"), Objects.requireNonNull(zone, "zone"));
        RecordRef own = RecordRef.of(deal.id());
        boolean anyOpen = false;
        boolean dueToday = false;
        for (Task t : tasks) {
            if (!t.owner().equals(own)) {
                throw new IllegalArgumentException("the task " + t.id() + " belongs to " + t.owner()
                        + ", not to the deal " + deal.id());
            }
            if (day.isOverdue(t)) {
                return TaskIndicator.RED;
            }
            anyOpen |= t.isOpen();
            dueToday |= day.isDueToday(t);
        }
        if (dueToday) {
            return TaskIndicator.GREEN;
        }
        return anyOpen || deal.closed().isPresent() ? TaskIndicator.NONE : TaskIndicator.ORANGE;
    }
}
