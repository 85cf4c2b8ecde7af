package dev.crmkit.api.task;

import dev.crmkit.api.Entity;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Something a user has to do by a deadline, attached to a record (TASK-1). Build one with {@link #builder()}.
 *
 * @param id the task's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the task was created
 * @param updated when it last changed
 * @param type the task type from the admin list
 * @param text what has to be done, never blank
 * @param deadline when it has to be done
 * @param reminder when to remind the assignee
 * @param assignee who has to do it
 * @param author who created it
 * @param notifyAssignee whether the assignee is notified
 * @param owner the record the task belongs to
 * @param closed when the task was closed; empty while it is open
 * @param result the outcome, which may be added after closing
 */
@WithBuilder
public record Task(TaskId id, long version, Instant created, Instant updated, TaskTypeId type, String text,
                   Instant deadline, Reminder reminder, UserId assignee, UserId author, boolean notifyAssignee,
                   RecordRef owner, Optional<Instant> closed, Optional<String> result) implements Entity<TaskId>, TaskBuilder.ToBuilder {

    /** Checks the invariants. */
    public Task {
        Checks.present("id, created, updated, type, deadline, reminder, assignee, author, owner, closed, result",
                id, created, updated, type, deadline, reminder, assignee, author, owner, closed, result);
        Checks.notBlank(text, "text");
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static TaskBuilder builder() {
        return new TaskBuilder();
    }

    /**
     * Whether the task is still open.
     *
     * @return true until the task is closed
     */
    public boolean isOpen() {
        return closed.isEmpty();
    }
}
