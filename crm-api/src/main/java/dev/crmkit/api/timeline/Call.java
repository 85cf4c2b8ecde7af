package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A phone call logged on a record's timeline (ACT-1, ACT-2). A call reported by a telephony integration
 * carries that integration's name and call id; the pair is stored once. Build one with {@link #builder()}.
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when it was stored
 * @param updated when it last changed
 * @param owner the record whose timeline holds it
 * @param author who logged it
 * @param at when the call started
 * @param direction inbound or outbound
 * @param fromNumber the calling number as reported
 * @param toNumber the called number as reported
 * @param duration how long the conversation lasted; zero for a missed call
 * @param answered whether the call was answered (connected)
 * @param operator the user who took or made the call
 * @param recording a reference to the recording
 * @param cost what the call cost, never negative
 * @param integration the telephony integration that reported the call
 * @param callId the integration's id of the call; only with an integration
 */
@WithBuilder
public record Call(TimelineEntryId id, long version, Instant created, Instant updated, RecordRef owner, UserId author,
                   Instant at, Direction direction, String fromNumber, String toNumber, Duration duration,
                   boolean answered, Optional<UserId> operator, Optional<URI> recording, Optional<Money> cost,
                   Optional<String> integration, Optional<String> callId) implements TimelineEntry, CallBuilder.ToBuilder {

    /** Checks the invariants. */
    public Call {
        Checks.present("id, created, updated, owner, author, at, direction, fromNumber, toNumber, duration, operator, "
                + "recording, cost, integration, callId", id, created, updated, owner, author, at, direction,
                fromNumber, toNumber, duration, operator, recording, cost, integration, callId);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        if (cost.isPresent() && cost.get().isNegative()) {
            throw new IllegalArgumentException("cost must not be negative");
        }
        if (callId.isPresent() && integration.isEmpty()) {
            throw new IllegalArgumentException("a call id needs the integration that issued it");
        }
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static CallBuilder builder() {
        return new CallBuilder();
    }

    @Override
    public Call withOwner(RecordRef newOwner) {
        return toBuilder().owner(newOwner).build();
    }

    /**
     * Whether the call connected: answered and longer than zero (LEAD-5).
     *
     * @return true for an answered call with a positive duration
     */
    public boolean connected() {
        return answered && !duration.isZero();
    }
}
