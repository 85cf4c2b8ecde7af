package dev.crmkit.api.query;

import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.List;

/** The standard fields of a {@link Task} that filters and sorts may name. */
public final class TaskFields {

    /** The id. */
    public static final Field<Task, TaskId> ID = Field.of("id", TaskId.class, Task::id);
    /** The task type. */
    public static final Field<Task, TaskTypeId> TYPE = Field.of("type", TaskTypeId.class, Task::type);
    /** The assignee. */
    public static final Field<Task, UserId> ASSIGNEE = Field.of("assignee", UserId.class, Task::assignee);
    /** The deadline. */
    public static final Field<Task, Instant> DEADLINE = Field.of("deadline", Instant.class, Task::deadline);
    /** When the task was closed; absent while open. */
    public static final Field<Task, Instant> CLOSED = Field.optional("closed", Instant.class, Task::closed);
    /** When the task was created. */
    public static final Field<Task, Instant> CREATED = Field.of("created", Instant.class, Task::created);


    /**
     * Every field above: the only ones a query of {@code Task} may filter and sort by, in every adapter.
     */
    public static final List<Field<Task, ?>> ALL = List.of(ID, TYPE, ASSIGNEE, DEADLINE, CLOSED, CREATED);

    private TaskFields() {
    }
}
