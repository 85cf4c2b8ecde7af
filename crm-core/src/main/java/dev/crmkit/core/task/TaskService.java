package dev.crmkit.core.task;

import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.contact.ContactId;
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
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.ListStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tasks (TASK-1, TASK-2): created on a record with a type, text, deadline, reminder and assignee;
 * closed with a result, which may also be added after closing. Obtained from {@code CrmSession};
 * thread-safe.
 */
public final class TaskService {

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
     * The tasks of a record, by deadline.
     *
     * @param record the record
     * @return its tasks
     */
    public List<Task> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return context.read(unit -> unit.tx().tasks().byOwner(record));
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
        UserId assignee = unit.activeUser(v, "assignee", "task.assignee", form.assignee);
        v.throwIfAny();
        if (owned) {
            Owners.requireExists(unit.tx(), form.owner);
        }
        return unit.insert(unit.tx().tasks(), Task.builder().id(new TaskId(unit.nextId())).created(unit.now())
                .updated(unit.now()).type(type).text(form.text.strip()).deadline(form.deadline)
                .reminder(form.reminder == null ? unit.policy().defaultReminder() : form.reminder)
                .assignee(assignee).author(unit.actor().id()).notifyAssignee(form.notifyAssignee).owner(form.owner)
                .build());
    }
}
