package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.event.EventQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event log (EV-1, EV-2). */
abstract class EventLogKit extends FacadeKitBase {

    @Test
    @Tag("EV-1")
    @DisplayName("every write appends its events with time, author, entity, kind, field, before and after")
    void everyWriteAppendsItsEvents() {
        Pipeline p = sales();
        clock.advance(Duration.ofMinutes(1));
        Deal d = boris.deals().create(DealForm.in(p.id()).name("Chairs").budget(Money.of("100", "RUB")));
        clock.advance(Duration.ofMinutes(1));
        boris.deals().update(d.id(), d.version(), x -> x.budget(Money.of("250", "RUB")));
        List<Event> events = boris.events().of(RecordRef.of(d.id()));
        assertThat(events).hasSize(2);
        Event created = events.get(0);
        assertThat(created.kind()).isEqualTo(EventKind.CREATED);
        assertThat(created.author()).contains(borisUser.id());
        assertThat(created.entityName()).isEqualTo("Chairs");
        assertThat(created.at()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        Event changed = events.get(1);
        assertThat(changed.kind()).isEqualTo(EventKind.FIELD_CHANGED);
        assertThat(changed.field()).contains("budget");
        assertThat(changed.before()).contains("100.00 RUB");
        assertThat(changed.after()).contains("250.00 RUB");
        assertThat(changed.sequence()).isGreaterThan(created.sequence());
    }

    @Test
    @Tag("EV-1")
    @DisplayName("a failed operation leaves no event")
    void failedOperationLeavesNoEvent() {
        Deal d = chairs(anna);
        failsAndChangesNothing(RuleViolationException.class, () -> anna.deals().move(d.id(), sales().lostStage().id()));
        failsAndChangesNothing(ValidationException.class, () -> anna.contacts().create(ContactForm.named("")));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().lossReasons().add("Weather"));
    }

    @Test
    @Tag("EV-2")
    @DisplayName("events are filtered by period, author, entity type and kind, and paged")
    void eventsAreFilteredAndPaged() {
        Pipeline p = sales();
        Instant start = clock.advance(Duration.ofHours(1));
        Deal a = anna.deals().create(DealForm.in(p.id()).name("A"));
        Deal b = boris.deals().create(DealForm.in(p.id()).name("B"));
        Deal c = boris.deals().create(DealForm.in(p.id()).name("C"));
        boris.contacts().create(ContactForm.named("Ivan"));
        clock.advance(Duration.ofHours(1));
        boris.deals().move(b.id(), p.stages().get(1).id());
        Instant end = clock.advance(Duration.ofHours(1));
        anna.deals().move(a.id(), p.stages().get(1).id());
        EventQuery q = EventQuery.all().between(start, end).author(borisUser.id()).entityType(EntityType.DEAL);
        Slice<Event> first = anna.events().query(q, PageRequest.first(2));
        assertThat(first.items()).extracting(e -> e.entity().id()).containsExactly(b.id().value(), c.id().value());
        Slice<Event> second = anna.events().query(q, PageRequest.first(2).next(first));
        assertThat(second.items()).extracting(Event::entityName).containsExactly("B");
        assertThat(second.hasNext()).isFalse();
        assertThat(anna.events().query(EventQuery.all().kinds(EventKind.STAGE_CHANGED), PageRequest.first(10)).items())
                .extracting(Event::entityName).containsExactly("B", "A");
    }

    @Test
    @Tag("EV-2")
    @DisplayName("events after N work as a change feed: polling never misses or repeats an event")
    void eventsAfterNAreAChangeFeed() {
        long seen = anna.events().after(0, 10_000).stream().mapToLong(Event::sequence).max().orElse(0);
        Pipeline p = sales();
        anna.deals().create(DealForm.in(p.id()).name("A"));
        List<Event> batch = anna.events().after(seen, 1);
        assertThat(batch).hasSize(1);
        assertThat(batch.get(0).sequence()).isEqualTo(seen + 1);
        List<Event> rest = anna.events().after(batch.get(0).sequence(), 100);
        assertThat(rest).extracting(Event::entityName).containsExactly("A");
        assertThat(anna.events().after(rest.get(rest.size() - 1).sequence(), 100)).isEmpty();
    }
}
