package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.user.UserId;
import java.time.Instant;

/**
 * A note written on a record's timeline (ACT-1). Build one with {@link #builder()}.
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when it was stored
 * @param updated when it last changed
 * @param owner the record whose timeline holds it
 * @param author who wrote it
 * @param at when it was written
 * @param text the comment's text, never blank
 */
@WithBuilder
public record Comment(TimelineEntryId id, long version, Instant created, Instant updated, RecordRef owner,
                      UserId author, Instant at, String text) implements TimelineEntry, CommentBuilder.ToBuilder {

    /** Checks the invariants. */
    public Comment {
        Checks.present("id, created, updated, owner, author, at", id, created, updated, owner, author, at);
        Checks.notBlank(text, "text");
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static CommentBuilder builder() {
        return new CommentBuilder();
    }

    @Override
    public Comment withOwner(RecordRef newOwner) {
        return toBuilder().owner(newOwner).build();
    }
}
