package dev.crmkit.core.contact;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import java.time.Instant;

/** Moves a timeline entry of any kind to another record. */
final class TimelineOwners {

    private TimelineOwners() {
    }

    static TimelineEntry moved(TimelineEntry e, RecordRef owner, Instant now) {
        if (e instanceof Comment) {
            Comment c = (Comment) e;
            return c.toBuilder().version(c.version() + 1).updated(now).owner(owner).build();
        }
        if (e instanceof Call) {
            Call c = (Call) e;
            return c.toBuilder().version(c.version() + 1).updated(now).owner(owner).build();
        }
        Message m = (Message) e;
        return m.toBuilder().version(m.version() + 1).updated(now).owner(owner).build();
    }
}
