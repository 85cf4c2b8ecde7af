package dev.crmkit.core.task;

import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.query.TaskFields;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskBuilder;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Owners;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.ListStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tasks (TASK-1, TASK-2): created on a record with a type, text, deadline, reminder and assignee;
 * edited, rescheduled and deleted from the version a user saw; closed with a result, which may also be
 * added after closing; a user's tasks due today and overdue, in that user's time zone. Obtained from
 * {@code CrmSession}; thread-safe.
 */
public final class TaskService {

    private static final Filter<Task> OPEN = Filter.not(TaskFields.CLOSED.present());
    private static final Sort<Task> BY_DEADLINE = Sort.by(TaskFields.DEADLINE);

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public TaskService(Context context) {
        this.context = context;
    }

    /**
     * Creates a task.
     *
     * @param form the task; its record must exist
     * @return the stored task
     * @throws dev.crmkit.api.ValidationException listing every problem: blank text, no deadline, no
     *         record, unknown type, unknown or inactive assignee
     * @throws dev.crmkit.api.NotFoundException when the record does not exist
     */
    public Task create(TaskForm form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> insert(unit, form));
    }

    /**
     * Creates the same task for many contacts at once, one task each, in one transaction (TASK-2).
     *
     * @param template the task; its record is ignored
     * @param contacts the contacts
     * @return the stored tasks, in the order of the contacts
     */
    public List<Task> createForContacts(TaskForm template, Collection<ContactId> contacts) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(contacts, "contacts");
        contacts.forEach(c -> Objects.requireNonNull(c, "contacts[]"));
        if (contacts.isEmpty()) {
            throw RuleViolationException.of(CoreMessages.violation("contacts", "task.contacts.none"));
        }
        return context.write(unit -> {
            List<Task> tasks = new ArrayList<>();
            for (ContactId c : contacts) {
                tasks.add(insert(unit, template.copyOn(RecordRef.of(c))));
            }
            return tasks;
        });
    }

    /**
     * Closes a task, optionally with its result.
     *
     * @param id the task
     * @param result the outcome, or empty
     * @return the stored task
     * @throws RuleViolationException {@code task.closed} when it is closed already
     */
    public Task close(TaskId id, Optional<String> result) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        return context.write(unit -> {
            Task t = unit.tx().tasks().get(id);
            if (!t.isOpen()) {
                throw RuleViolationException.of(CoreMessages.violation("", "task.closed", t.text()));
            }
            Optional<String> text = result.map(Text::normalize).filter(s -> !Text.isBlank(s));
            new Violations().text("result", text.orElse(null), Limits.TASK_RESULT, true).throwIfAny();
            TaskBuilder next = t.toBuilder().closed(unit.now());
            text.ifPresent(next::result);
            return unit.update(unit.tx().tasks(), t, next.build());
        });
    }

    /**
     * Sets the result of a task, also after it was closed (TASK-1).
     *
     * @param id the task
     * @param result the outcome
     * @return the stored task
     */
    public Task setResult(TaskId id, String result) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        return context.write(unit -> {
            String text = Text.normalize(result);
            Violations v = new Violations();
            if (Text.isBlank(text)) {
                v.add("result", "task.result.blank");
            }
            v.text("result", text, Limits.TASK_RESULT, true).throwIfAny();
            Task t = unit.tx().tasks().get(id);
            return unit.update(unit.tx().tasks(), t, t.toBuilder().result(text).build());
        });
    }

    /**
     * Changes a task, if nobody changed it since {@code expectedVersion}: the edit gets the task's form
     * filled with its values, {@code t -> t.text("Send the signed contract").deadline(friday)}. The changed
     * task is checked as a new one is (its record, type, text, deadline and assignee); an edit that leaves
     * every value as it was writes nothing. Open and closed tasks alike can be edited; the status and the
     * result change through {@link #close} and {@link #setResult}. Each changed field gets its event.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored task
     * @throws dev.crmkit.api.ConflictException when the task changed meanwhile
     * @throws dev.crmkit.api.ValidationException listing every problem with the changed task: blank text,
     *         no deadline or one out of range, unknown type, unknown or inactive new assignee, no record
     * @throws dev.crmkit.api.NotFoundException when the task, or a new record it is moved to, does not exist
     */
    public Task update(TaskId id, long expectedVersion, Consumer<? super TaskForm> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            Task current = unit.requireVersion(unit.tx().tasks().get(id), expectedVersion);
            TaskForm form = TaskForm.of(current);
            edit.accept(form);
            return unit.update(unit.tx().tasks(), current, build(unit, form, current));
        });
    }

    /**
     * Moves a task's deadline, if nobody changed it since {@code expectedVersion}: the same as an
     * {@link #update} of the deadline alone.
     *
     * @param id the task
     * @param expectedVersion the version the change is based on
     * @param deadline the new deadline
     * @return the stored task
     * @throws dev.crmkit.api.ConflictException when the task changed meanwhile
     * @throws dev.crmkit.api.ValidationException {@code datetime.range} for a deadline no storage keeps
     */
    public Task reschedule(TaskId id, long expectedVersion, Instant deadline) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deadline, "deadline");
        return update(id, expectedVersion, t -> t.deadline(deadline));
    }

    /**
     * Deletes a task, if nobody changed it since {@code expectedVersion}, with a DELETED event.
     *
     * @param id the task
     * @param expectedVersion the version the deletion is based on
     * @throws dev.crmkit.api.ConflictException when the task changed meanwhile
     * @throws dev.crmkit.api.NotFoundException when there is no such task
     */
    public void delete(TaskId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            Task t = unit.requireVersion(unit.tx().tasks().get(id), expectedVersion);
            unit.delete(unit.tx().tasks(), t);
            return null;
        });
    }

    /**
     * A user's open tasks due today: a deadline now or later but before the next midnight in that user's
     * time zone ({@code User.timeZone()}), by deadline. A task due earlier today is in {@link #overdue}.
     *
     * @param user the assignee
     * @return the tasks, by deadline and then id; an unmodifiable list
     * @throws dev.crmkit.api.NotFoundException when there is no such user
     */
    public List<Task> dueToday(UserId user) {
        Objects.requireNonNull(user, "user");
        return context.read(unit -> {
            TaskDay day = TaskDay.at(unit.now(), unit.tx().users().get(user).timeZone());
            return List.copyOf(Pages.all(unit.tx().tasks(), Filter.and(TaskFields.ASSIGNEE.eq(user), OPEN,
                    TaskFields.DEADLINE.ge(day.now()), TaskFields.DEADLINE.lt(day.tomorrow())), BY_DEADLINE));
        });
    }

    /**
     * A user's overdue tasks: open, with a deadline before now, the oldest first.
     *
     * @param user the assignee
     * @return the tasks, by deadline and then id; an unmodifiable list
     * @throws dev.crmkit.api.NotFoundException when there is no such user
     */
    public List<Task> overdue(UserId user) {
        Objects.requireNonNull(user, "user");
        return context.read(unit -> {
            unit.tx().users().get(user);
            return List.copyOf(Pages.all(unit.tx().tasks(), Filter.and(TaskFields.ASSIGNEE.eq(user), OPEN,
                    TaskFields.DEADLINE.lt(unit.now())), BY_DEADLINE));
        });
    }

    /**
     * The tasks of a record, by deadline.
     *
     * @param record the record
     * @return its tasks
     */
    public List<Task> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return context.read(unit -> {
            if (!unit.access().sees(record)) {
                throw new NotFoundException(record);
            }
            return unit.tx().tasks().byOwner(record);
        });
    }

    /**
     * A task.
     *
     * @param id the task
     * @return the task
     */
    public Task get(TaskId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().tasks().get(id));
    }

    private Task insert(Unit unit, TaskForm form) {
        return unit.insert(unit.tx().tasks(), build(unit, form, null));
    }

    /**
     * The task a form describes, new (when {@code current} is null) or the next state of {@code current},
     * with every problem of the form reported together. A stored task's assignee is checked only when the
     * edit changes it, so a closed task of a deactivated user can still be corrected.
     */
    private static Task build(Unit unit, TaskForm form, Task current) {
        Violations v = new Violations().addAll(unit.engine().validator().validate(form));
        boolean owned = form.owner != null && Owners.checkKind(v, "owner", form.owner);
        if (form.owner == null) {
            v.add("owner", "task.owner.required");
        }
        TaskTypeId type = form.type;
        ListStore<TaskTypeId> types = unit.tx().settings().list(ListKind.TASK_TYPES);
        if (type == null) {
            type = types.all().stream().findFirst().map(ListItem::id).orElse(null);
            if (type == null) {
                v.add("type", "task.type.required");
            }
        } else if (types.find(type).isEmpty()) {
            v.add("type", "task.type.unknown", type);
        }
        v.instant("deadline", form.deadline);
        UserId named = form.assignee == null && current != null ? current.author() : form.assignee;
        UserId assignee = current != null && current.assignee().equals(named) ? named
                : unit.activeUser(v, "assignee", "task.assignee", named);
        v.throwIfAny();
        if (owned && (current == null || !current.owner().equals(form.owner))) {
            Owners.requireExists(unit.tx(), form.owner);
        }
        TaskBuilder b = current != null ? current.toBuilder() : Task.builder().id(new TaskId(unit.nextId()))
                .created(unit.now()).updated(unit.now()).author(unit.actor().id());
        return b.type(type).text(form.text.strip()).deadline(form.deadline)
                .reminder(form.reminder == null ? unit.policy().defaultReminder() : form.reminder)
                .assignee(assignee).notifyAssignee(form.notifyAssignee).owner(form.owner).build();
    }
}
