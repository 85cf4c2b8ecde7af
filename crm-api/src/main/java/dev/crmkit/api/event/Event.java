package dev.crmkit.api.event;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored event of the log (EV-1). The sequence numbers are positive and rise in commit order, so
 * "events after N" is a change feed an embedding application can poll.
 *
 * @param sequence the event's place in the log, from 1
 * @param at when the change happened
 * @param author who made it; empty for the system
 * @param entity the record that changed
 * @param entityName the record's name at the time
 * @param kind what kind of change
 * @param field the field that changed, for field changes
 * @param before the value before, as text
 * @param after the value after, as text
 */
public record Event(long sequence, Instant at, Optional<UserId> author, RecordRef entity, String entityName,
                    EventKind kind, Optional<String> field, Optional<String> before, Optional<String> after) {

    /** Rejects nulls and a sequence below 1. */
    public Event {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        Checks.present("at, author, entity, entityName, kind, field, before, after", at, author, entity, entityName,
                kind, field, before, after);
    }

    /**
     * The stored form of a new event.
     *
     * @param sequence the sequence number the storage gave it
     * @param e the event
     * @return the stored event
     */
    public static Event of(long sequence, NewEvent e) {
        return new Event(sequence, e.at(), e.author(), e.entity(), e.entityName(), e.kind(), e.field(), e.before(), e.after());
    }
}
