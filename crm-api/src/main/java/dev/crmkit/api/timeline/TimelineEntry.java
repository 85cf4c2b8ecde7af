package dev.crmkit.api.timeline;

import dev.crmkit.api.Entity;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.user.UserId;
import java.time.Instant;

/**
 * An entry on a record's timeline (ACT-1): a comment, a call or a message. Stage and field changes
 * appear on the timeline from the event log.
 */
public sealed interface TimelineEntry extends Entity<TimelineEntryId> permits Comment, Call, Message {

    /**
     * The record whose timeline holds the entry.
     *
     * @return the owning record
     */
    RecordRef owner();

    /**
     * Who wrote or logged the entry.
     *
     * @return the author
     */
    UserId author();

    /**
     * When it happened.
     *
     * @return the time
     */
    Instant at();
}
