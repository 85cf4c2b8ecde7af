package dev.crmkit.inmemory;

import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.NewEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed event log. Numbers rise along the list: an appended event is numbered one after the last, so
 * numbers are dense and rise in commit order, after those a restore kept as they were (which may leave gaps).
 * Guarded like {@link Table}: read under the storage's read lock, changed while committing.
 */
final class EventLog {

    private final List<Event> events = new ArrayList<>();

    void append(List<NewEvent> pending) {
        long next = last();
        for (NewEvent e : pending) {
            events.add(Event.of(++next, e));
        }
    }

    /** Adds restored events, which rise and which the commit checked go into an empty log. */
    void restore(List<Event> restored) {
        events.addAll(restored);
    }

    List<Event> after(long sequence, int limit) {
        int from = firstAbove(sequence);
        int to = (int) Math.min(events.size(), from + (long) limit);
        return new ArrayList<>(events.subList(from, to));
    }

    /** The position of the first event numbered above {@code sequence}, by binary search. */
    private int firstAbove(long sequence) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).sequence() <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    List<Event> all() {
        return events;
    }

    long last() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    }
}
