package dev.crmkit.inmemory;

import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.NewEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed event log. Sequence numbers are list positions plus one, so they are dense and rise in
 * commit order. Guarded like {@link Table}: read under the storage's read lock, appended while committing.
 */
final class EventLog {

    private final List<Event> events = new ArrayList<>();

    void append(List<NewEvent> pending) {
        for (NewEvent e : pending) {
            events.add(Event.of(events.size() + 1L, e));
        }
    }

    List<Event> after(long sequence, int limit) {
        int from = (int) Math.min(Math.max(sequence, 0), events.size());
        int to = (int) Math.min(events.size(), from + (long) limit);
        return new ArrayList<>(events.subList(from, to));
    }

    List<Event> all() {
        return events;
    }

    long last() {
        return events.size();
    }
}
