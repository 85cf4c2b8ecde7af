package dev.crmkit.spi;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
     * The tasks that belong to any of several records, in one read: the tasks of a page of deals, say. The
     * default asks {@link #byOwner} for each record; an adapter that can read them with one statement
     * should.
     *
     * @param owners the records; one named twice counts once
     * @return their tasks, open and closed, each once, by deadline and then id
     */
    default List<Task> byOwners(Collection<RecordRef> owners) {
        List<Task> all = new ArrayList<>();
        for (RecordRef owner : new LinkedHashSet<>(owners)) {
            all.addAll(byOwner(owner));
        }
        all.sort(Comparator.comparing(Task::deadline).thenComparing(Task::id, EntityId.ORDER));
        return all;
    }

    /**
     * The tasks assigned to a user, by deadline and then id.
     *
     * @param assignee the user
     * @return the tasks, open and closed
     */
    List<Task> byAssignee(dev.crmkit.api.user.UserId assignee);
}
