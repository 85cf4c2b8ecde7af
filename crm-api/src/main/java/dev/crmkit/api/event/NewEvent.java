package dev.crmkit.api.event;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * An event about to be appended to the log; the storage gives it its sequence number when the
 * transaction that appends it commits (EV-1).
 *
 * @param at when the change happened
 * @param author who made it; empty for the system (automation, imports without a user)
 * @param entity the record that changed
 * @param entityName the record's name at the time, for people reading the log
 * @param kind what kind of change
 * @param field the field that changed, for field changes
 * @param before the value before, as text
 * @param after the value after, as text
 */
public record NewEvent(Instant at, Optional<UserId> author, RecordRef entity, String entityName, EventKind kind,
                       Optional<String> field, Optional<String> before, Optional<String> after) {

    /** Rejects nulls. */
    public NewEvent {
        Checks.present("at, author, entity, entityName, kind, field, before, after", at, author, entity, entityName,
                kind, field, before, after);
    }

    /**
     * An event without a field, such as created or deleted.
     *
     * @param at when
     * @param author who
     * @param entity what record
     * @param entityName its name
     * @param kind what happened
     * @return the event
     */
    public static NewEvent of(Instant at, UserId author, RecordRef entity, String entityName, EventKind kind) {
        return new NewEvent(at, Optional.of(author), entity, entityName, kind, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * An event about one field.
     *
     * @param at when
     * @param author who
     * @param entity what record
     * @param entityName its name
     * @param kind what happened
     * @param field the field
     * @param before the value before, empty when there was none
     * @param after the value after, empty when there is none
     * @return the event
     */
    public static NewEvent ofField(Instant at, UserId author, RecordRef entity, String entityName, EventKind kind,
                                   String field, Optional<String> before, Optional<String> after) {
        return new NewEvent(at, Optional.of(author), entity, entityName, kind, Optional.of(field), before, after);
    }
}
