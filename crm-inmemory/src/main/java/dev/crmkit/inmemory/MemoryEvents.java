package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.spi.Events;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** One transaction's view of the event log: appended and restored events wait here until commit. */
final class MemoryEvents implements Events {

    private final EventLog log;
    private final MemoryTransaction tx;
    final List<NewEvent> pending = new ArrayList<>();
    /** The events restored in this transaction, rising; stored before the appended ones at commit. */
    final List<Event> restored = new ArrayList<>();

    MemoryEvents(EventLog log, MemoryTransaction tx) {
        this.log = log;
        this.tx = tx;
    }

    @Override
    public void append(NewEvent event) {
        tx.checkOpen();
        pending.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public void appendAll(List<NewEvent> events) {
        Events.checkBatch(events);
        tx.checkOpen();
        pending.addAll(events);
    }

    /** Keeps restored events until commit, checking the log is empty (under one read lock) at the first. */
    @Override
    public void restoreAll(List<Event> events) {
        Events.checkBatch(events);
        tx.checkOpen();
        if (!restored.isEmpty() && events.get(0).sequence() <= restored.get(restored.size() - 1).sequence()) {
            throw new IllegalArgumentException("restored events rise: " + events.get(0).sequence() + " comes after "
                    + restored.get(restored.size() - 1).sequence());
        }
        if (restored.isEmpty() && tx.storage.read(log::last) != 0) {
            throw tx.failed(notEmpty());
        }
        restored.addAll(events);
    }

    /** Keeps a restored event until commit, which checks again that the log is still empty. */
    @Override
    public void restore(Event event) {
        Objects.requireNonNull(event, "event");
        tx.checkOpen();
        if (restored.isEmpty()) {
            if (tx.storage.read(log::last) != 0) {
                throw tx.failed(notEmpty());
            }
        } else if (event.sequence() <= restored.get(restored.size() - 1).sequence()) {
            throw new IllegalArgumentException("restored events rise: " + event.sequence() + " comes after "
                    + restored.get(restored.size() - 1).sequence());
        }
        restored.add(event);
    }

    /** The log holds events, so a backup's events cannot be restored into it. */
    static ConflictException notEmpty() {
        return new ConflictException("the event log holds events: a backup's events are restored into an empty log only",
                null, ConflictException.Reason.ALREADY_EXISTS, null);
    }

    @Override
    public List<Event> after(long sequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        tx.checkOpen();
        return tx.storage.read(() -> log.after(sequence, limit));
    }

    @Override
    public Slice<Event> query(Filter<Event> filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        tx.checkOpen();
        List<Event> matching = tx.storage.read(() -> {
            List<Event> list = new ArrayList<>();
            for (Event e : log.all()) {
                if (filter.test(e)) {
                    list.add(e);
                }
            }
            return list;
        });
        Comparator<Object> bySequence = Comparator.comparingLong(o -> (Long) o);
        return MemoryStore.Paging.page(matching, e -> List.of(e.sequence()), List.of(bySequence), page);
    }

    @Override
    public long lastSequence() {
        tx.checkOpen();
        return tx.storage.read(log::last);
    }

    @Override
    public Stream<Event> streamAll() {
        tx.checkOpen();
        return tx.confined(tx.storage.read(() -> new ArrayList<>(log.all())));
    }
}
