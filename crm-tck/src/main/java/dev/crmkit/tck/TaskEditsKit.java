package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.user.UserForm;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tasks after they are set (TASK-1; ONLYOFFICE: edit, close, delete a task): edited through their form
 * from the version a user saw, rescheduled, deleted, and a user's tasks due today and overdue in that
 * user's time zone.
 */
abstract class TaskEditsKit extends FacadeKitBase {

    private RecordRef onDeal;

    @BeforeEach
    void deal() {
        onDeal = RecordRef.of(chairs(anna).id());
    }

    private Task task(String text, Instant deadline, Consumer<TaskForm> more) {
        TaskForm form = TaskForm.todo(text).on(onDeal).deadline(deadline);
        more.accept(form);
        return anna.tasks().create(form);
    }

    private long lastEvent() {
        return storage.inTransaction(tx -> tx.events().lastSequence());
    }

    /** The events about a task after a sequence number, as kind and field. */
    private List<String> eventsAfter(long sequence, Task t) {
        return anna.events().after(sequence, 1000).stream().filter(e -> e.entity().equals(RecordRef.of(t.id())))
                .map(e -> e.kind() + " " + e.field().orElse("")).toList();
    }

    private TaskTypeId type(String name) {
        return anna.settings().taskTypes().byName(name).orElseThrow().id();
    }

    private void livesIn(User user, String zone) {
        User current = anna.users().find(user.id()).orElseThrow();
        anna.users().update(current.id(), current.version(), u -> u.timeZone(ZoneId.of(zone)));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: a task's text, type, deadline, reminder, assignee and notify flag are edited at once, each with its event")
    void editEveryField() {
        Task t = task("Call back", T0.plus(Duration.ofDays(1)), f -> { });
        clock.advance(Duration.ofMinutes(5));
        long before = lastEvent();
        Task edited = boris.tasks().update(t.id(), t.version(), f -> f.text("Meet at the office").type(type("Meeting"))
                .deadline(T0.plus(Duration.ofDays(2))).reminder(Reminder.HOUR_BEFORE).assignee(borisUser.id())
                .notifyAssignee(false));
        assertThat(edited.text()).isEqualTo("Meet at the office");
        assertThat(edited.type()).isEqualTo(type("Meeting"));
        assertThat(edited.deadline()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(edited.reminder()).isEqualTo(Reminder.HOUR_BEFORE);
        assertThat(edited.assignee()).isEqualTo(borisUser.id());
        assertThat(edited.notifyAssignee()).isFalse();
        assertThat(edited.author()).as("the creator stays").isEqualTo(annaUser.id());
        assertThat(edited.owner()).isEqualTo(onDeal);
        assertThat(edited.version()).isEqualTo(t.version() + 1);
        assertThat(edited.updated()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(anna.tasks().get(t.id())).isEqualTo(edited);
        assertThat(eventsAfter(before, t)).containsExactly("FIELD_CHANGED type", "FIELD_CHANGED text",
                "FIELD_CHANGED deadline", "FIELD_CHANGED reminder", "RESPONSIBLE_CHANGED assignee",
                "FIELD_CHANGED notifyAssignee");
        Event text = anna.events().of(RecordRef.of(t.id())).stream()
                .filter(e -> e.field().equals(Optional.of("text"))).findFirst().orElseThrow();
        assertThat(text.before()).contains("Call back");
        assertThat(text.after()).contains("Meet at the office");
        assertThat(text.author()).contains(borisUser.id());
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: an edit that leaves every value as it was stores nothing and writes no event")
    void unchangedEditStoresNothing() {
        Task t = task("Call back", T0.plusSeconds(3600), f -> f.assignee(borisUser.id()));
        long before = lastEvent();
        Task same = anna.tasks().update(t.id(), t.version(), f -> f.text(" Call back ").assignee(borisUser.id()));
        assertThat(same).isEqualTo(t);
        anna.tasks().update(t.id(), t.version(), f -> { });
        assertThat(anna.tasks().get(t.id()).version()).isEqualTo(t.version());
        assertThat(lastEvent()).isEqualTo(before);
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: rescheduling moves the deadline with one event; a stale version is a conflict and changes nothing")
    void rescheduleFromTheVersionSeen() {
        Task t = task("Call back", T0.plusSeconds(3600), f -> { });
        long before = lastEvent();
        Task moved = boris.tasks().reschedule(t.id(), t.version(), T0.plus(Duration.ofDays(3)));
        assertThat(moved.deadline()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(eventsAfter(before, t)).containsExactly("FIELD_CHANGED deadline");
        ConflictException stale = failsAndChangesNothing(ConflictException.class,
                () -> anna.tasks().reschedule(t.id(), t.version(), T0.plus(Duration.ofDays(4))));
        assertThat(stale.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        failsAndChangesNothing(ConflictException.class, () -> anna.tasks().update(t.id(), t.version(), f -> f.text("Meet")));
        failsAndChangesNothing(ConflictException.class, () -> anna.tasks().update(t.id(), moved.version() + 1, f -> f.text("Meet")));
        refused(ValidationException.class, () -> anna.tasks().reschedule(t.id(), moved.version(), Instant.MAX),
                "datetime.range");
        assertThat(anna.tasks().get(t.id())).isEqualTo(moved);
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: a task is deleted from the version seen, with a DELETED event; from a stale one it is a conflict")
    void deleteFromTheVersionSeen() {
        Task t = task("Call back", T0.plusSeconds(3600), f -> { });
        Task kept = task("Send the offer", T0.plusSeconds(7200), f -> { });
        Task changed = anna.tasks().reschedule(t.id(), t.version(), T0.plusSeconds(5400));
        failsAndChangesNothing(ConflictException.class, () -> boris.tasks().delete(t.id(), t.version()));
        long before = lastEvent();
        boris.tasks().delete(t.id(), changed.version());
        assertThat(eventsAfter(before, t)).containsExactly("DELETED ");
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().get(t.id()));
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().delete(t.id(), changed.version()));
        assertThat(anna.tasks().of(onDeal)).containsExactly(kept);
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: an edit's bad values (blank text, unknown type, old deadline, inactive assignee) are reported at once and change nothing")
    void badEditIsReportedAtOnce() {
        Task t = task("Call back", T0.plusSeconds(3600), f -> { });
        User carl = anna.users().add(UserForm.named("Carl"));
        anna.users().deactivate(carl.id(), borisUser.id());
        ValidationException e = failsAndChangesNothing(ValidationException.class, () -> anna.tasks().update(t.id(),
                t.version(), f -> f.text(" ").type(new TaskTypeId(UUID.randomUUID()))
                        .deadline(Instant.parse("1899-12-31T23:59:59Z")).assignee(carl.id())));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                "text task.text.blank", "type task.type.unknown", "deadline datetime.range",
                "assignee task.assignee.inactive");
        assertThat(codes(failsAndChangesNothing(ValidationException.class, () -> anna.tasks().update(t.id(),
                t.version(), f -> f.deadline(null).text("x".repeat(Limits.TASK_TEXT + 1))
                        .assignee(new UserId(UUID.randomUUID())))))).containsExactlyInAnyOrder(
                "task.deadline.required", "text.too_long", "task.assignee.unknown");
        refused(ValidationException.class, () -> anna.tasks().update(t.id(), t.version(),
                f -> f.on(RecordRef.of(borisUser.id()))), "owner.kind");
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().update(t.id(), t.version(),
                f -> f.on(RecordRef.of(new DealId(UUID.randomUUID())))));
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().update(new dev.crmkit.api.task.TaskId(
                UUID.randomUUID()), 1, f -> f.text("Meet")));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: a closed task stays editable, even when its assignee has left; an emptied assignee is the task's creator")
    void closedTasksAndDefaultAssignee() {
        User carl = anna.users().add(UserForm.named("Carl"));
        Task t = task("Call Ivan", T0.plusSeconds(3600), f -> f.assignee(carl.id()));
        anna.tasks().close(t.id(), Optional.of("Done"));
        anna.users().deactivate(carl.id(), borisUser.id());
        Task closed = anna.tasks().get(t.id());
        assertThat(closed.assignee()).as("closed tasks are not handed over").isEqualTo(carl.id());
        Task fixed = anna.tasks().update(closed.id(), closed.version(), f -> f.text("Called Ivan about the chairs"));
        assertThat(fixed.text()).isEqualTo("Called Ivan about the chairs");
        assertThat(fixed.assignee()).isEqualTo(carl.id());
        assertThat(fixed.closed()).isEqualTo(closed.closed());
        assertThat(fixed.result()).contains("Done");
        Task forBoris = task("Send the offer", T0.plusSeconds(3600), f -> f.assignee(borisUser.id()));
        Task back = boris.tasks().update(forBoris.id(), forBoris.version(), f -> f.assignee(null));
        assertThat(back.assignee()).as("the creator, not the editor").isEqualTo(annaUser.id());
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: a user's open tasks due today and overdue, in that user's zone (Moscow), by deadline, on any record")
    void dueTodayAndOverdue() {
        livesIn(borisUser, "Europe/Moscow");
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        // T0 is 12:00 on 2 November in Moscow (UTC+3); that day ends at 21:00 UTC.
        Consumer<TaskForm> forBoris = f -> f.assignee(borisUser.id());
        Task yesterday = task("Yesterday's call", T0.minus(Duration.ofDays(1)), forBoris);
        Task evening = task("Evening call", Instant.parse("2026-11-02T20:00:00Z"), forBoris);
        Task morning = task("Morning call", T0.minus(Duration.ofHours(2)), forBoris);
        Task soon = task("Call in an hour", T0.plusSeconds(3600), forBoris);
        Task onIvan = anna.tasks().create(TaskForm.todo("Call Ivan").on(RecordRef.of(ivan.id()))
                .deadline(T0.plus(Duration.ofHours(3))).assignee(borisUser.id()));
        Task afterMidnight = task("Night call", Instant.parse("2026-11-02T22:00:00Z"), forBoris);
        Task done = task("Done today", T0.plus(Duration.ofHours(2)), forBoris);
        boris.tasks().close(done.id(), Optional.of("Done"));
        Task annas = task("Anna's call", T0.plusSeconds(3600), f -> { });
        assertThat(boris.tasks().dueToday(borisUser.id())).containsExactly(soon, onIvan, evening);
        assertThat(boris.tasks().overdue(borisUser.id())).containsExactly(yesterday, morning);
        assertThat(anna.tasks().dueToday(borisUser.id())).as("Boris's day, whoever asks")
                .containsExactly(soon, onIvan, evening);
        assertThat(anna.tasks().dueToday(annaUser.id())).containsExactly(annas);
        clock.advance(Duration.ofMinutes(12 * 60 + 30));
        // 00:30 on 3 November in Moscow, 21:30 on 2 November in UTC.
        assertThat(boris.tasks().dueToday(borisUser.id())).containsExactly(afterMidnight);
        assertThat(boris.tasks().overdue(borisUser.id())).containsExactly(yesterday, morning, soon, onIvan, evening);
        assertThat(anna.tasks().dueToday(annaUser.id())).isEmpty();
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().dueToday(new UserId(UUID.randomUUID())));
        failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().overdue(new UserId(UUID.randomUUID())));
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: two users edit one task from the same version at once: one wins, the other gets a conflict")
    void parallelEditsHaveOneWinner() throws Exception {
        Task t = task("Call back", T0.plusSeconds(3600), f -> { });
        List<CrmSession> sessions = List.of(anna, boris);
        List<Object> results = together(2, i -> () -> outcome(ConflictException.class, () -> sessions.get(i).tasks()
                .update(t.id(), t.version(), f -> f.text(i == 0 ? "Anna's text" : "Boris's text"))));
        assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(1);
        Task winner = (Task) results.stream().filter(r -> r instanceof Task).findFirst().orElseThrow();
        assertThat(anna.tasks().get(t.id())).isEqualTo(winner);
        assertThat(anna.events().of(RecordRef.of(t.id()))).filteredOn(e -> e.field().equals(Optional.of("text")))
                .hasSize(1);
    }
}
