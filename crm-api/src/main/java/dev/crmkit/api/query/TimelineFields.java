package dev.crmkit.api.query;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.UUID;
import java.util.List;

/** The standard fields of a {@link TimelineEntry} that filters and sorts may name. */
public final class TimelineFields {

    /** The kind of entry: {@code comment}, {@code call} or {@code message}. */
    public static final Field<TimelineEntry, String> KIND = Field.of("kind", String.class,
            e -> e instanceof Comment ? "comment" : e instanceof Call ? "call" : "message");
    /** When it happened. */
    public static final Field<TimelineEntry, Instant> AT = Field.of("at", Instant.class, TimelineEntry::at);
    /** The type of the owning record. */
    public static final Field<TimelineEntry, EntityType> OWNER_TYPE =
            Field.of("ownerType", EntityType.class, e -> e.owner().type());
    /** The id of the owning record. */
    public static final Field<TimelineEntry, UUID> OWNER_ID = Field.of("ownerId", UUID.class, e -> e.owner().id());
    /** Who wrote or logged it. */
    public static final Field<TimelineEntry, UserId> AUTHOR = Field.of("author", UserId.class, TimelineEntry::author);


    /**
     * Every field above: the only ones a query of {@code TimelineEntry} may filter and sort by, in every adapter.
     */
    public static final List<Field<TimelineEntry, ?>> ALL = List.of(KIND, AT, OWNER_TYPE, OWNER_ID, AUTHOR);

    private TimelineFields() {
    }
}
