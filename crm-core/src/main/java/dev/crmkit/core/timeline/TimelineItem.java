package dev.crmkit.core.timeline;

import dev.crmkit.api.event.Event;
import dev.crmkit.api.timeline.TimelineEntry;
import java.time.Instant;

/** One line of a record's timeline (ACT-1): an entry (comment, call, message) or a change from the event log. */
public sealed interface TimelineItem {

    /**
     * When it happened.
     *
     * @return the time
     */
    Instant at();

    /**
     * A comment, call or message.
     *
     * @param entry the entry
     */
    record Entry(TimelineEntry entry) implements TimelineItem {
        @Override
        public Instant at() {
            return entry.at();
        }
    }

    /**
     * A change of the record: created, stage changed, field changed, …
     *
     * @param event the event
     */
    record Change(Event event) implements TimelineItem {
        @Override
        public Instant at() {
            return event.at();
        }
    }
}
