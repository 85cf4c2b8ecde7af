package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event log. */
abstract class EventsKit extends StorageKitBase {

    @Test
    @Tag("EV-1")
    @DisplayName("events get dense, rising sequence numbers when their transaction commits")
    void eventsGetDenseRisingSequences() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        storage.run(tx -> {
            tx.events().append(data.aCreatedEvent(deal, owner().id()));
            tx.events().append(dev.crmkit.api.event.NewEvent.ofField(data.now(), owner().id(), deal, "Chairs",
                    EventKind.FIELD_CHANGED, "budget", Optional.of("100.00 RUB"), Optional.of("200.00 RUB")));
        });
        committed(tx -> {
            tx.events().append(data.aCreatedEvent(deal, owner().id()));
            return null;
        });
        List<Event> all = storage.inTransaction((Transaction tx) -> tx.events().after(0, 100));
        assertThat(all).extracting(Event::sequence).containsExactly(1L, 2L, 3L);
        assertThat(all.get(1).field()).contains("budget");
        assertThat(all.get(1).before()).contains("100.00 RUB");
        assertThat(all.get(1).after()).contains("200.00 RUB");
        assertThat(all.get(1).author()).contains(owner().id());
        assertThat(storage.inTransaction((Transaction tx) -> tx.events().after(1, 1))).extracting(Event::sequence)
                .containsExactly(2L);
        assertThat(storage.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(3);
        try (Stream<Event> s = storage.inTransaction((Transaction tx) -> tx.events().streamAll().collect(Collectors.toList()))
                .stream()) {
            assertThat(s.map(Event::sequence)).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    @Tag("EV-1")
    @DisplayName("concurrent writers: every event gets a unique number and each writer's events rise")
    void concurrentAppends() throws Exception {
        int writers = 4;
        int perWriter = 50;
        dev.crmkit.api.user.UserId author = owner().id();
        List<List<java.util.UUID>> byWriter = together(writers, w -> () -> {
            List<java.util.UUID> mine = new ArrayList<>();
            for (int i = 0; i < perWriter; i++) {
                java.util.UUID id = data.newId();
                storage.run(tx -> tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, id), author)));
                mine.add(id);
            }
            return mine;
        });
        List<Event> all = new ArrayList<>();
        long last = 0;
        while (true) {
            long from = last;
            List<Event> batch = storage.inTransaction((Transaction tx) -> tx.events().after(from, 37));
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
            last = batch.get(batch.size() - 1).sequence();
        }
        assertThat(all).extracting(Event::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed()
                        .collect(Collectors.toList()));
        for (List<java.util.UUID> mine : byWriter) {
            List<java.util.UUID> order = all.stream().map(e -> e.entity().id()).filter(mine::contains)
                    .collect(Collectors.toList());
            assertThat(order).isEqualTo(mine);
        }
    }

    @Test
    @Tag("EV-2")
    @DisplayName("events filtered by period, author, entity type and kind, paged in sequence order")
    void eventsAreFilteredAndPagedInSequenceOrder() {
        User anna = user("Anna");
        User boris = user("Boris");
        storage.run(tx -> {
            for (int i = 0; i < 20; i++) {
                RecordRef ref = new RecordRef(i % 2 == 0 ? EntityType.DEAL : EntityType.CONTACT, data.newId());
                tx.events().append(new dev.crmkit.api.event.NewEvent(TestData.START.plusSeconds(i * 60L),
                        Optional.of(i % 3 == 0 ? boris.id() : anna.id()), ref, "r" + i,
                        i % 4 == 0 ? EventKind.DELETED : EventKind.CREATED,
                        Optional.empty(), Optional.empty(), Optional.empty()));
            }
        });
        Filter<Event> f = Filter.and(
                EventFields.AT.ge(TestData.START.plusSeconds(120)), EventFields.AT.lt(TestData.START.plusSeconds(1080)),
                EventFields.AUTHOR.eq(anna.id()), EventFields.ENTITY_TYPE.eq(EntityType.DEAL),
                EventFields.KIND.eq(EventKind.CREATED));
        List<Event> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        while (true) {
            PageRequest current = page;
            Slice<Event> s = storage.inTransaction((Transaction tx) -> tx.events().query(f, current));
            seen.addAll(s.items());
            if (!s.hasNext()) {
                break;
            }
            page = page.next(s);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 2; i < 18; i++) {
            if (i % 2 == 0 && i % 3 != 0 && i % 4 != 0) {
                expected.add(i);
            }
        }
        assertThat(seen).extracting(Event::entityName)
                .containsExactlyElementsOf(expected.stream().map(i -> "r" + i).collect(Collectors.toList()));
        assertThat(seen).extracting(Event::sequence).isSorted();
    }
}
