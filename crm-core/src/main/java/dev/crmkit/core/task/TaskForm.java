package dev.crmkit.core.task;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.user.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The values of a task (TASK-1), as a user fills them in: for a new one,
 * {@code TaskForm.todo("Send the contract").on(RecordRef.of(deal.id())).deadline(friday)}; for a stored one,
 * the edit given to {@link TaskService#update} gets the form filled with its values, {@code t -> t.deadline(monday)}.
 * A type left empty is the first of the admin list (Call), an assignee left empty the task's creator, a
 * reminder left empty the policy's default (a day before). A task's open or closed status and its result
 * change through {@link TaskService#close} and {@link TaskService#setResult} only. Not thread-safe.
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
     * @return the form
     */
    public static TaskForm todo(String text) {
        return new TaskForm(text);
    }

    /** The form filled with a stored task's values, for an edit. */
    static TaskForm of(Task t) {
        TaskForm form = new TaskForm(t.text());
        form.owner = t.owner();
        form.type = t.type();
        form.deadline = t.deadline();
        form.reminder = t.reminder();
        form.assignee = t.assignee();
        form.notifyAssignee = t.notifyAssignee();
        return form;
    }

    /**
     * Sets what has to be done.
     *
     * @param value the text, never blank
     * @return this form
     */
    public TaskForm text(String value) {
        this.text = Text.normalize(value);
        return this;
    }

    /**
     * Sets the record the task belongs to (a deal, contact, company or lead).
     *
     * @param value the record
     * @return this form
     */
    public TaskForm on(RecordRef value) {
        this.owner = value;
        return this;
    }

    /**
     * Sets the type from the admin list.
     *
     * @param value the type, or null for the first of the list
     * @return this form
     */
    public TaskForm type(TaskTypeId value) {
        this.type = value;
        return this;
    }

    /**
     * Sets the deadline.
     *
     * @param value when it has to be done
     * @return this form
     */
    public TaskForm deadline(Instant value) {
        this.deadline = value;
        return this;
    }

    /**
     * Sets the reminder.
     *
     * @param value when to remind, or null for the policy's default
     * @return this form
     */
    public TaskForm reminder(Reminder value) {
        this.reminder = value;
        return this;
    }

    /**
     * Sets who has to do it.
     *
     * @param value the assignee, or null for the task's creator
     * @return this form
     */
    public TaskForm assignee(UserId value) {
        this.assignee = value;
        return this;
    }

    /**
     * Sets whether the assignee is notified.
     *
     * @param value true to notify
     * @return this form
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
