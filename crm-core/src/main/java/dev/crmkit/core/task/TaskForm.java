package dev.crmkit.core.task;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.user.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The input for a task (TASK-1): what, by when, on which record. The type defaults to the first of the
 * admin list (Call), the assignee to the creator, the reminder to the policy's default (a day before).
 * Not thread-safe.
 */
public final class TaskForm {

    RecordRef owner;
    TaskTypeId type;
    @NotBlank(message = "{task.text.blank}")
    @TextValue(max = Limits.TASK_TEXT, multiLine = true)
    String text;
    @NotNull(message = "{task.deadline.required}")
    Instant deadline;
    Reminder reminder;
    UserId assignee;
    boolean notifyAssignee = true;

    private TaskForm(String text) {
        this.text = Text.normalize(text);
    }

    /**
     * A task with a text.
     *
     * @param text what has to be done
     * @return the command
     */
    public static TaskForm todo(String text) {
        return new TaskForm(text);
    }

    /**
     * Sets the record the task belongs to (a deal, contact, company or lead).
     *
     * @param value the record
     * @return this command
     */
    public TaskForm on(RecordRef value) {
        this.owner = value;
        return this;
    }

    /**
     * Sets the type from the admin list.
     *
     * @param value the type
     * @return this command
     */
    public TaskForm type(TaskTypeId value) {
        this.type = value;
        return this;
    }

    /**
     * Sets the deadline.
     *
     * @param value when it has to be done
     * @return this command
     */
    public TaskForm deadline(Instant value) {
        this.deadline = value;
        return this;
    }

    /**
     * Sets the reminder.
     *
     * @param value when to remind
     * @return this command
     */
    public TaskForm reminder(Reminder value) {
        this.reminder = value;
        return this;
    }

    /**
     * Sets who has to do it.
     *
     * @param value the assignee
     * @return this command
     */
    public TaskForm assignee(UserId value) {
        this.assignee = value;
        return this;
    }

    /**
     * Sets whether the assignee is notified.
     *
     * @param value true to notify
     * @return this command
     */
    public TaskForm notifyAssignee(boolean value) {
        this.notifyAssignee = value;
        return this;
    }

    TaskForm copyOn(RecordRef record) {
        TaskForm copy = new TaskForm(text);
        copy.owner = record;
        copy.type = type;
        copy.deadline = deadline;
        copy.reminder = reminder;
        copy.assignee = assignee;
        copy.notifyAssignee = notifyAssignee;
        return copy;
    }
}
