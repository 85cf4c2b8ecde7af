package dev.crmkit.core.timeline;

import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * What counts as a real interaction with a client (LEAD-5, and the activity of DEAL-6): a connected call
 * (answered and longer than zero seconds) or a message the client sent. An outbound message the client did
 * not answer, a missed call and a comment are not interactions. Pure; thread-safe.
 */
public final class Interactions {

    private Interactions() {
    }

    /**
     * Whether a timeline entry is a real interaction with the client.
     *
     * @param entry the entry
     * @return true for a connected call or an inbound message
     */
    public static boolean isInteraction(TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry instanceof Call call) {
            return call.connected();
        }
        return entry instanceof Message message && message.direction() == Direction.INBOUND;
    }

    /**
     * Whether a timeline entry is a real interaction that happened in a period.
     *
     * @param entry the entry
     * @param from the period's start, included
     * @param to the period's end, excluded
     * @return true for a connected call or an inbound message at a time in {@code [from, to)}
     */
    public static boolean isInteraction(TimelineEntry entry, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return isInteraction(entry) && !entry.at().isBefore(from) && entry.at().isBefore(to);
    }
}
