package dev.crmkit.api.timeline;

import dev.crmkit.api.Entity;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.user.UserId;
import java.time.Instant;

/**
 * An entry of a record's timeline (ACT-1): a {@link Comment}, a {@link Call} or a {@link Message}.
 * Switch over it with pattern matching; the three kinds are all there is.
 */
public sealed interface TimelineEntry extends Entity<TimelineEntryId> permits Comment, Call, Message {

    /**
     * The record whose timeline holds the entry.
     *
     * @return the record
     */
    RecordRef owner();

    /**
     * Who wrote or logged the entry.
     *
     * @return the author
     */
    UserId author();

    /**
     * When it happened (for a call, its start).
     *
     * @return the time
     */
    Instant at();

    /**
     * The same entry on another record's timeline (a merge moves entries to the survivor).
     *
     * @param newOwner the record
     * @return the entry, at the same version
     */
    TimelineEntry withOwner(RecordRef newOwner);
}
