package dev.crmkit.spi;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.Limits;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The event log (EV-1, EV-2): append-only. An appended event is stored exactly when its transaction
 * commits, and gets a sequence number then: numbers are unique, start at 1 and rise in commit order,
 * so a reader that has seen every event up to N and asks for the events after N misses none.
 */
public interface Events {

    /**
     * Appends an event; it is stored when the transaction commits.
     *
     * @param event the event
     * @throws IllegalStateException if the transaction has ended
     */
    void append(NewEvent event);

    /**
     * Stores an event of a backup exactly as it was backed up, with its sequence number, for restoring a backup
     * into an empty storage (IO-6). The log must hold no committed event, both when the first event is restored
     * in a transaction and when that transaction commits (whatever commits meanwhile waits or makes this one
     * fail); within the transaction the restored numbers must rise, and they may leave gaps. Restored events are
     * stored when the transaction commits, and other transactions see them from then on (whether reads of the
     * log in the restoring transaction see them already is up to the adapter). Events appended in the same
     * transaction, before or after, are numbered after the highest restored number, and so is every later
     * event: the log goes on from the backup.
     *
     * @param event the event as it was backed up
     * @throws IllegalArgumentException if its number is not above every number restored before in this
     *         transaction
     * @throws ConflictException if the log holds a committed event, now or when the transaction commits
     * @throws IllegalStateException if the transaction has ended
     */
    void restore(Event event);

    /**
     * Appends events as {@link #append} does each of them, in list order, in one call. The default appends them
     * one by one; an adapter's own version calls {@link #checkBatch(List)} first.
     *
     * @param events the events, 1 to {@link Limits#BATCH} of them
     * @throws NullPointerException if the list or an event is null
     * @throws IllegalArgumentException if the list is empty or longer than {@link Limits#BATCH}
     * @throws IllegalStateException if the transaction has ended
     */
    default void appendAll(List<NewEvent> events) {
        checkBatch(events);
        for (NewEvent e : events) {
            append(e);
        }
    }

    /**
     * Stores events of a backup as {@link #restore} does each of them, in list order, in one call: an adapter on a
     * database may write them in one round trip. The contract is restore's for every event, and all-or-nothing
     * within the transaction as far as the caller sees: when it throws, the caller must roll the transaction back.
     * The default restores them one by one; an adapter's own version calls {@link #checkBatch(List)} first.
     *
     * @param events the events as they were backed up, 1 to {@link Limits#BATCH} of them, numbers rising
     * @throws NullPointerException if the list or an event is null
     * @throws IllegalArgumentException if the list is empty or longer than {@link Limits#BATCH}, or the numbers
     *         do not rise above every number restored before in this transaction
     * @throws ConflictException if the log holds a committed event, now or when the transaction commits
     * @throws IllegalStateException if the transaction has ended
     */
    default void restoreAll(List<Event> events) {
        checkBatch(events);
        for (Event e : events) {
            restore(e);
        }
    }

    /**
     * Checks the argument of {@link #appendAll} or {@link #restoreAll} as every adapter must, before it writes
     * anything: 1 to {@link Limits#BATCH} events, none null, and for restored events no number twice (rising
     * numbers are checked by restore itself).
     *
     * @param events the batch
     * @throws NullPointerException if the list or an event is null
     * @throws IllegalArgumentException if it is empty or too long, or restored events do not rise
     */
    static void checkBatch(List<?> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty() || events.size() > Limits.BATCH) {
            throw new IllegalArgumentException("a batch has 1 to " + Limits.BATCH + " events, was " + events.size());
        }
        long last = Long.MIN_VALUE;
        for (Object e : events) {
            Objects.requireNonNull(e, "event");
            if (e instanceof Event restored) {
                if (restored.sequence() <= last) {
                    throw new IllegalArgumentException("restored events rise: " + restored.sequence()
                            + " comes after " + last);
                }
                last = restored.sequence();
            }
        }
    }

    /**
     * The committed events after a sequence number, in sequence order (a change feed).
     *
     * @param sequence the last sequence number the reader has seen, 0 for the start
     * @param limit how many at most, at least 1
     * @return the events
     */
    List<Event> after(long sequence, int limit);

    /**
     * One page of the committed events matching a filter, in sequence order. The cursor's one key is
     * the last event's sequence number.
     *
     * @param filter which events
     * @param page how many, after which cursor
     * @return the page
     */
    Slice<Event> query(Filter<Event> filter, PageRequest page);

    /**
     * The highest committed sequence number.
     *
     * @return the number, 0 while the log is empty
     */
    long lastSequence();

    /**
     * Every committed event in sequence order, read lazily: an adapter on a database reads it through a
     * cursor, a batch at a time, so memory stays flat however long the log is. The stream must be closed
     * (use try-with-resources) and read inside the transaction: it does not outlive it, and reading it
     * after the transaction ended throws {@link IllegalStateException}.
     *
     * @return the events
     */
    Stream<Event> streamAll();
}
