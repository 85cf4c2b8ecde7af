package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskIndicator;
import dev.crmkit.api.Limits;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The task indicator of deals (DEAL-10; amoCRM certification, deals Q7–Q10 and Q14): red for an overdue
 * open task of the deal, else green for one due later today, else orange for an open deal with no open
 * task, else none; "today" in the time zone of the user who asks.
 */
abstract class TaskIndicatorKit extends FacadeKitBase {

    private Task task(CrmSession by, Deal on, String text, Instant deadline) {
        return by.tasks().create(TaskForm.todo(text).on(RecordRef.of(on.id())).deadline(deadline));
    }

    private void livesIn(String zone) {
        var current = anna.users().find(borisUser.id()).orElseThrow();
        anna.users().update(current.id(), current.version(), u -> u.timeZone(ZoneId.of(zone)));
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: no task is orange, a task next week none, one later today green, once its deadline passes red")
    void everyColour() {
        Deal d = chairs(boris);
        assertThat(boris.deals().taskIndicator(d.id())).as("no task: nobody works the deal").isEqualTo(TaskIndicator.ORANGE);
        task(boris, d, "Send the offer", T0.plus(Duration.ofDays(7)));
        assertThat(boris.deals().taskIndicator(d.id())).as("only a future task").isEqualTo(TaskIndicator.NONE);
        Task call = task(boris, d, "Call back", T0.plus(Duration.ofHours(3)));
        assertThat(boris.deals().taskIndicator(d.id())).as("a task due at 12:00 today").isEqualTo(TaskIndicator.GREEN);
        clock.advance(Duration.ofHours(3));
        assertThat(boris.deals().taskIndicator(d.id())).as("due exactly now: still today").isEqualTo(TaskIndicator.GREEN);
        clock.advance(Duration.ofMinutes(1));
        assertThat(boris.deals().taskIndicator(d.id())).as("its deadline passed").isEqualTo(TaskIndicator.RED);
        task(boris, d, "Meet", T0.plus(Duration.ofHours(5)));
        assertThat(boris.deals().taskIndicator(d.id())).as("an overdue task outweighs one due today")
                .isEqualTo(TaskIndicator.RED);
        boris.tasks().close(call.id(), Optional.of("Called, agreed on a meeting"));
        assertThat(boris.deals().taskIndicator(d.id())).as("the overdue task is closed").isEqualTo(TaskIndicator.GREEN);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a task due earlier today is overdue (red), not due today (green)")
    void earlierTodayIsOverdue() {
        Deal d = chairs(boris);
        clock.advance(Duration.ofHours(5));
        task(boris, d, "Call at noon", T0.plus(Duration.ofHours(3)));
        assertThat(boris.deals().taskIndicator(d.id())).isEqualTo(TaskIndicator.RED);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10 (Q14): an overdue task on the deal's contact leaves the deal orange; only the deal's own tasks count")
    void contactTaskDoesNotCount() {
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Deal d = boris.deals().create(DealForm.in(sales().id()).name("Chairs").contact(ivan.id()));
        boris.tasks().create(TaskForm.todo("Call Ivan").on(RecordRef.of(ivan.id())).deadline(T0.minus(Duration.ofHours(1))));
        boris.tasks().create(TaskForm.todo("Send Ivan the prices").on(RecordRef.of(ivan.id())).deadline(T0.plusSeconds(60)));
        assertThat(boris.tasks().of(RecordRef.of(ivan.id()))).hasSize(2);
        assertThat(boris.deals().taskIndicator(d.id())).isEqualTo(TaskIndicator.ORANGE);
        task(boris, d, "Offer chairs", T0.plus(Duration.ofDays(2)));
        assertThat(boris.deals().taskIndicator(d.id())).isEqualTo(TaskIndicator.NONE);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: today is the asking user's: at 23:30 in Vladivostok a task due at 10:00 tomorrow is none, at 00:30 green")
    void dayBoundaryInTheUsersZone() {
        livesIn("Asia/Vladivostok");
        Deal d = chairs(boris);
        // T0 is 19:00 in Vladivostok (UTC+10); 23:30 there is 13:30 UTC.
        clock.advance(Duration.ofMinutes(4 * 60 + 30));
        task(boris, d, "Call at ten", Instant.parse("2026-11-03T00:00:00Z"));
        Task tonight = task(boris, d, "Send the contract before midnight", Instant.parse("2026-11-02T13:50:00Z"));
        assertThat(boris.deals().taskIndicator(d.id())).as("23:30 local, one task at 23:50").isEqualTo(TaskIndicator.GREEN);
        boris.tasks().close(tonight.id(), Optional.empty());
        assertThat(boris.deals().taskIndicator(d.id())).as("23:30 local, the 10:00 task is tomorrow's")
                .isEqualTo(TaskIndicator.NONE);
        clock.advance(Duration.ofHours(1));
        assertThat(boris.deals().taskIndicator(d.id())).as("00:30 local: the 10:00 task is today's")
                .isEqualTo(TaskIndicator.GREEN);
        assertThat(anna.deals().taskIndicator(d.id())).as("14:30 in Anna's UTC: the task is due at midnight, tomorrow")
                .isEqualTo(TaskIndicator.NONE);
        clock.advance(Duration.ofHours(10));
        assertThat(anna.deals().taskIndicator(d.id())).as("00:30 UTC: due earlier today in UTC").isEqualTo(TaskIndicator.RED);
        assertThat(boris.deals().taskIndicator(d.id())).as("10:30 local: overdue").isEqualTo(TaskIndicator.RED);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: a closed deal with no open task shows nothing (nobody needs to work it); its open overdue task is still red")
    void closedDeals() {
        Deal won = chairs(boris);
        boris.deals().win(won.id());
        assertThat(boris.deals().taskIndicator(won.id())).isEqualTo(TaskIndicator.NONE);
        Deal lost = chairs(boris);
        Task papers = task(boris, lost, "Return the samples", T0.plusSeconds(600));
        boris.deals().lose(lost.id(), reason("Too expensive").id());
        assertThat(boris.deals().taskIndicator(lost.id())).isEqualTo(TaskIndicator.GREEN);
        clock.advance(Duration.ofHours(1));
        assertThat(boris.deals().taskIndicator(lost.id())).isEqualTo(TaskIndicator.RED);
        boris.tasks().close(papers.id(), Optional.empty());
        assertThat(boris.deals().taskIndicator(lost.id())).isEqualTo(TaskIndicator.NONE);
        boris.deals().move(lost.id(), sales().firstStage().id());
        assertThat(boris.deals().taskIndicator(lost.id())).as("re-opened: nobody works it").isEqualTo(TaskIndicator.ORANGE);
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: the indicators of a page of deals come in one transaction, in the order asked, each as alone")
    void manyDealsInOneRead() {
        Deal orange = chairs(boris);
        Deal green = chairs(boris);
        Deal red = chairs(boris);
        Deal none = chairs(boris);
        task(boris, green, "Call today", T0.plusSeconds(3600));
        task(boris, red, "Call yesterday", T0.minus(Duration.ofDays(1)));
        task(boris, red, "Call today", T0.plusSeconds(3600));
        task(boris, none, "Call next month", T0.plus(Duration.ofDays(30)));
        AtomicInteger transactions = new AtomicInteger();
        Storage counting = new Storage() {
            @Override
            public <T> T inTransaction(Function<? super Transaction, ? extends T> work) {
                transactions.incrementAndGet();
                return storage.inTransaction(work);
            }
        };
        CrmSession counted = crm(counting, policy()).as(borisUser.id());
        List<DealId> asked = List.of(none, red, orange, green, red).stream().map(Deal::id).toList();
        transactions.set(0);
        Map<DealId, TaskIndicator> all = counted.deals().taskIndicators(asked);
        assertThat(transactions).as("one read, not one per deal").hasValue(1);
        assertThat(new ArrayList<>(all.keySet())).containsExactly(none.id(), red.id(), orange.id(), green.id());
        assertThat(new ArrayList<>(all.values())).containsExactly(TaskIndicator.NONE, TaskIndicator.RED,
                TaskIndicator.ORANGE, TaskIndicator.GREEN);
        for (Map.Entry<DealId, TaskIndicator> e : all.entrySet()) {
            assertThat(boris.deals().taskIndicator(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(boris.deals().taskIndicators(List.of())).isEmpty();
    }

    @Test
    @Tag("DEAL-10")
    @DisplayName("DEAL-10: an unknown deal is NotFoundException, alone or among others; more deals than a page is refused")
    void unknownAndTooManyDeals() {
        Deal d = chairs(boris);
        DealId unknown = new DealId(UUID.randomUUID());
        failsAndChangesNothing(NotFoundException.class, () -> boris.deals().taskIndicator(unknown));
        failsAndChangesNothing(NotFoundException.class, () -> boris.deals().taskIndicators(List.of(d.id(), unknown)));
        List<DealId> tooMany = new ArrayList<>(Collections.nCopies(Limits.PAGE_SIZE, d.id()));
        tooMany.add(unknown);
        refused(ValidationException.class, () -> boris.deals().taskIndicators(tooMany), "collection.too_many");
    }
}
