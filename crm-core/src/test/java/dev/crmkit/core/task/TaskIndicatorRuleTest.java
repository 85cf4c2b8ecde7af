package dev.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.task.TaskIndicator;
import dev.crmkit.api.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("The task indicator (the rule alone: a deal, its tasks, now and the user's zone)")
class TaskIndicatorRuleTest {

    /** 23:30 on Monday 2 November 2026 in Moscow (UTC+3). */
    private static final Instant LATE_MONDAY_MOSCOW = Instant.parse("2026-11-02T20:30:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final UserId MANAGER = new UserId(UUID.randomUUID());

    private final Deal open = Deal.builder().id(new DealId(UUID.randomUUID())).created(LATE_MONDAY_MOSCOW)
            .updated(LATE_MONDAY_MOSCOW).name("Chairs").pipeline(new PipelineId(UUID.randomUUID()))
            .stage(new StageId(UUID.randomUUID())).stageEntered(LATE_MONDAY_MOSCOW).responsible(MANAGER).build();
    private final Deal won = open.toBuilder().closed(LATE_MONDAY_MOSCOW).build();

    private Task task(Deal on, Instant deadline) {
        return task(RecordRef.of(on.id()), deadline);
    }

    private static Task task(RecordRef owner, Instant deadline) {
        return Task.builder().id(new TaskId(UUID.randomUUID())).created(LATE_MONDAY_MOSCOW).updated(LATE_MONDAY_MOSCOW)
                .type(new TaskTypeId(UUID.randomUUID())).text("Call back").deadline(deadline)
                .reminder(Reminder.DAY_BEFORE).assignee(MANAGER).author(MANAGER).notifyAssignee(true).owner(owner)
                .build();
    }

    private static Task closed(Task t) {
        return t.toBuilder().closed(LATE_MONDAY_MOSCOW).build();
    }

    private TaskIndicator of(Deal deal, List<Task> tasks) {
        return TaskIndicatorRule.decide(deal, tasks, LATE_MONDAY_MOSCOW, MOSCOW);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: red wins over green, green over none; no open task is orange; closed tasks do not count")
    void colours() {
        Task overdue = task(open, LATE_MONDAY_MOSCOW.minus(Duration.ofHours(2)));
        Task tonight = task(open, LATE_MONDAY_MOSCOW.plus(Duration.ofMinutes(20)));
        Task nextWeek = task(open, LATE_MONDAY_MOSCOW.plus(Duration.ofDays(7)));
        assertThat(of(open, List.of(nextWeek, tonight, overdue))).isEqualTo(TaskIndicator.RED);
        assertThat(of(open, List.of(nextWeek, tonight))).isEqualTo(TaskIndicator.GREEN);
        assertThat(of(open, List.of(nextWeek))).isEqualTo(TaskIndicator.NONE);
        assertThat(of(open, List.of())).isEqualTo(TaskIndicator.ORANGE);
        assertThat(of(open, List.of(closed(overdue), closed(tonight)))).isEqualTo(TaskIndicator.ORANGE);
        assertThat(of(open, List.of(closed(overdue), nextWeek))).isEqualTo(TaskIndicator.NONE);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a deadline exactly now is due today; a millisecond before now it is overdue")
    void deadlineAtNow() {
        assertThat(of(open, List.of(task(open, LATE_MONDAY_MOSCOW)))).isEqualTo(TaskIndicator.GREEN);
        assertThat(of(open, List.of(task(open, LATE_MONDAY_MOSCOW.minusMillis(1))))).isEqualTo(TaskIndicator.RED);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: today ends at midnight in the user's zone: 00:10 Moscow is tomorrow there, today in UTC")
    void todayIsTheUsersDay() {
        Task afterMidnightInMoscow = task(open, Instant.parse("2026-11-02T21:10:00Z"));
        assertThat(of(open, List.of(afterMidnightInMoscow))).isEqualTo(TaskIndicator.NONE);
        assertThat(TaskIndicatorRule.decide(open, List.of(afterMidnightInMoscow), LATE_MONDAY_MOSCOW, ZoneOffset.UTC))
                .isEqualTo(TaskIndicator.GREEN);
        Task lastMinuteInMoscow = task(open, Instant.parse("2026-11-02T20:59:59.999999Z"));
        assertThat(of(open, List.of(lastMinuteInMoscow))).isEqualTo(TaskIndicator.GREEN);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a day that begins in a daylight-saving gap (Santiago, 6 Sep 2026) ends 23 hours after it began")
    void daylightSavingDay() {
        ZoneId santiago = ZoneId.of("America/Santiago");
        // Clocks jump from 00:00 to 01:00 on Sunday 6 September 2026: that day begins at 01:00 (04:00 UTC).
        TaskDay saturday = TaskDay.at(Instant.parse("2026-09-06T02:30:00Z"), santiago);
        assertThat(saturday.tomorrow()).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
        TaskDay sunday = TaskDay.at(Instant.parse("2026-09-06T05:00:00Z"), santiago);
        assertThat(sunday.tomorrow()).isEqualTo(Instant.parse("2026-09-07T03:00:00Z"));
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a closed deal without open tasks shows nothing, with an overdue open task it is red")
    void closedDeals() {
        assertThat(of(won, List.of())).isEqualTo(TaskIndicator.NONE);
        assertThat(of(won, List.of(closed(task(won, LATE_MONDAY_MOSCOW.minusSeconds(60)))))).isEqualTo(TaskIndicator.NONE);
        assertThat(of(won, List.of(task(won, LATE_MONDAY_MOSCOW.minusSeconds(60))))).isEqualTo(TaskIndicator.RED);
        assertThat(of(won, List.of(task(won, LATE_MONDAY_MOSCOW.plusSeconds(60))))).isEqualTo(TaskIndicator.GREEN);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a task of another record given for the deal is a programming error, not silently counted")
    void foreignTaskRefused() {
        Task onContact = task(RecordRef.of(new ContactId(UUID.randomUUID())), LATE_MONDAY_MOSCOW.minusSeconds(60));
        assertThatThrownBy(() -> of(open, List.of(onContact))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not to the deal");
    }
}
