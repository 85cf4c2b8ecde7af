package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.task.TaskForm;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tasks (TASK-1, TASK-2). */
abstract class TasksKit extends FacadeKitBase {

    @Test
    @Tag("TASK-1")
    @DisplayName("a task defaults to the first type (Call), its creator as assignee and a reminder a day before")
    void taskDefaultsToCallByItsCreatorWithADayReminder() {
        Deal d = chairs(boris);
        Task t = boris.tasks().create(TaskForm.todo("Call about the delivery").on(RecordRef.of(d.id()))
                .deadline(T0.plus(Duration.ofDays(2))));
        assertThat(t.assignee()).isEqualTo(borisUser.id());
        assertThat(t.author()).isEqualTo(borisUser.id());
        assertThat(t.reminder()).isEqualTo(Reminder.DAY_BEFORE);
        assertThat(t.type()).isEqualTo(anna.settings().taskTypes().byName("Call").orElseThrow().id());
        assertThat(t.notifyAssignee()).isTrue();
        assertThat(t.isOpen()).isTrue();
        assertThat(boris.tasks().of(RecordRef.of(d.id()))).containsExactly(t);
        Task meeting = anna.tasks().create(TaskForm.todo("Meet").on(RecordRef.of(d.id())).deadline(T0.plusSeconds(60))
                .type(anna.settings().taskTypes().byName("Meeting").orElseThrow().id()).assignee(borisUser.id())
                .reminder(Reminder.FIFTEEN_MINUTES_BEFORE).notifyAssignee(false));
        assertThat(meeting.assignee()).isEqualTo(borisUser.id());
        assertThat(meeting.author()).isEqualTo(annaUser.id());
        assertThat(meeting.reminder().before()).contains(Duration.ofMinutes(15));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("a task's bad input is reported all at once; a task on a missing record is NotFoundException")
    void badTaskInputIsReportedAtOnce() {
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.tasks().create(TaskForm.todo(" ")));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                "text task.text.blank", "deadline task.deadline.required", "owner task.owner.required");
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().create(TaskForm.todo("x")
                .on(new RecordRef(EntityType.DEAL, java.util.UUID.randomUUID())).deadline(T0)));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("a task is closed with a result, and a result can be added after closing")
    void taskClosesWithAResultAddableLater() {
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Task t = anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(c.id())).deadline(T0.plusSeconds(60)));
        Task closed = anna.tasks().close(t.id(), Optional.empty());
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.result()).isEmpty();
        assertThat(anna.tasks().setResult(t.id(), "Agreed on Friday").result()).contains("Agreed on Friday");
        refused(RuleViolationException.class,
                () -> anna.tasks().close(t.id(), Optional.of("again")), "task.closed");
    }

    @Test
    @Tag("TASK-2")
    @DisplayName("one task is created for many contacts at once, one each, in one transaction")
    void oneTaskForManyContactsAtOnce() {
        Contact a = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Contact b = anna.contacts().create(ContactForm.person("Petr", "Ivanov"));
        List<Task> tasks = anna.tasks().createForContacts(TaskForm.todo("Invite to the fair").deadline(T0.plusSeconds(600)),
                List.of(a.id(), b.id()));
        assertThat(tasks).extracting(Task::owner).containsExactly(RecordRef.of(a.id()), RecordRef.of(b.id()));
        assertThat(anna.tasks().of(RecordRef.of(a.id()))).hasSize(1);
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().createForContacts(
                TaskForm.todo("x").deadline(T0), List.of(a.id(), new dev.crmkit.api.contact.ContactId(java.util.UUID.randomUUID()))));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("task types are admin-managed; removing a type in use (by open or closed tasks) needs a replacement, an unused one none")
    void taskTypeInUseNeedsAReplacement() {
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        ListItem<TaskTypeId> visit = anna.settings().taskTypes().add("Visit");
        Task t = anna.tasks().create(TaskForm.todo("Visit the office").type(visit.id()).on(RecordRef.of(c.id()))
                .deadline(T0.plusSeconds(60)));
        refused(RuleViolationException.class,
                () -> anna.settings().taskTypes().remove(visit.id(), Optional.empty()), "setting.in_use");
        ListItem<TaskTypeId> meeting = anna.settings().taskTypes().byName("Meeting").orElseThrow();
        anna.settings().taskTypes().remove(visit.id(), Optional.of(meeting.id()));
        assertThat(anna.tasks().get(t.id()).type()).isEqualTo(meeting.id());
        assertThat(anna.settings().taskTypes().byName("Visit")).isEmpty();
        anna.tasks().close(t.id(), Optional.of("Visited"));
        refused(RuleViolationException.class, () -> anna.settings().taskTypes().remove(meeting.id(), Optional.empty()),
                "setting.in_use");
        ListItem<TaskTypeId> letter = anna.settings().taskTypes().byName("Letter").orElseThrow();
        anna.settings().taskTypes().remove(letter.id(), Optional.empty());
        assertThat(anna.settings().taskTypes().list()).extracting(ListItem::name).containsExactly("Call", "Meeting");
        refused(ValidationException.class,
                () -> anna.settings().taskTypes().add("meeting"), "setting.name.taken");
    }
}
