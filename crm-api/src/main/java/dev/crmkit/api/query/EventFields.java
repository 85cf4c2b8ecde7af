package dev.crmkit.api.query;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.UUID;
import java.util.List;

/** The fields of an {@link Event} that event filters may name (EV-2). */
public final class EventFields {

    /** The sequence number. */
    public static final Field<Event, Long> SEQUENCE = Field.of("sequence", Long.class, Event::sequence);
    /** When the change happened. */
    public static final Field<Event, Instant> AT = Field.of("at", Instant.class, Event::at);
    /** Who made it; absent for the system. */
    public static final Field<Event, UserId> AUTHOR = Field.optional("author", UserId.class, Event::author);
    /** The type of the changed record. */
    public static final Field<Event, EntityType> ENTITY_TYPE =
            Field.of("entityType", EntityType.class, e -> e.entity().type());
    /** The id of the changed record. */
    public static final Field<Event, UUID> ENTITY_ID = Field.of("entityId", UUID.class, e -> e.entity().id());
    /** The kind of change. */
    public static final Field<Event, EventKind> KIND = Field.of("kind", EventKind.class, Event::kind);


    /**
     * Every field above: the only ones a query of {@code Event} may filter and sort by, in every adapter.
     */
    public static final List<Field<Event, ?>> ALL = List.of(SEQUENCE, AT, AUTHOR, ENTITY_TYPE, ENTITY_ID, KIND);

    private EventFields() {
    }
}
