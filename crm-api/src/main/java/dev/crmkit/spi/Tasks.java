package dev.crmkit.spi;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import java.util.List;

/** The tasks (TASK-1). */
public interface Tasks extends Store<TaskId, Task> {

    /**
     * The tasks that belong to a record, by deadline and then id.
     *
     * @param owner the record
     * @return its tasks, open and closed
     */
    List<Task> byOwner(RecordRef owner);

    /**
     * The tasks assigned to a user, by deadline and then id.
     *
     * @param assignee the user
     * @return the tasks, open and closed
     */
    List<Task> byAssignee(dev.crmkit.api.user.UserId assignee);
}
