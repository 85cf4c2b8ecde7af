package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone call logged on a record's timeline (ACT-1, ACT-2).
 *
 * <p>A call reported by a telephony integration carries that integration's name and call id; the pair is
 * stored once.
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param owner the record whose timeline holds the entry
 * @param author who wrote or logged it
 * @param at when it happened (for a call, its start)
 * @param direction inbound or outbound
 * @param fromNumber the calling number as reported
 * @param toNumber the called number as reported
 * @param duration how long the conversation lasted; zero for a missed call
 * @param answered whether the call was answered (connected)
 * @param operator the user who took or made the call
 * @param recording a reference to the recording
 * @param cost what the call cost
 * @param integration the telephony integration that reported the call
 * @param callId the integration's id of the call
 */
public record Call(
        TimelineEntryId id,
        long version,
        Instant created,
        Instant updated,
        RecordRef owner,
        UserId author,
        Instant at,
        Direction direction,
        String fromNumber,
        String toNumber,
        Duration duration,
        boolean answered,
        Optional<UserId> operator,
        Optional<URI> recording,
        Optional<Money> cost,
        Optional<String> integration,
        Optional<String> callId) implements TimelineEntry {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(toNumber, "toNumber");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(callId, "callId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        if (callId.isPresent() && integration.isEmpty()) {
            throw new IllegalArgumentException("a call id needs the integration that issued it");
        }
    }

    /**
     * Starts a builder; required values must be set before {@link Builder#build()}.
     *
     * @return an empty builder with the documented defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this record's values, to derive a changed copy.
     *
     * @return a builder initialised from this record
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.version = version;
        b.created = created;
        b.updated = updated;
        b.owner = owner;
        b.author = author;
        b.at = at;
        b.direction = direction;
        b.fromNumber = fromNumber;
        b.toNumber = toNumber;
        b.duration = duration;
        b.answered = answered;
        b.operator = operator;
        b.recording = recording;
        b.cost = cost;
        b.integration = integration;
        b.callId = callId;
        return b;
    }

    /**
     * Whether the call connected: answered and longer than zero (LEAD-5).
     *
     * @return true for an answered call with a positive duration
     */
    public boolean connected() {
        return answered && !duration.isZero();
    }

    /** Builds {@link Call} values; not thread-safe. */
    public static final class Builder {
        private TimelineEntryId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private RecordRef owner;
        private UserId author;
        private Instant at;
        private Direction direction;
        private String fromNumber;
        private String toNumber;
        private Duration duration = Duration.ZERO;
        private boolean answered = false;
        private Optional<UserId> operator = Optional.empty();
        private Optional<URI> recording = Optional.empty();
        private Optional<Money> cost = Optional.empty();
        private Optional<String> integration = Optional.empty();
        private Optional<String> callId = Optional.empty();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the entry's id
         * @return this builder
         */
        public Builder id(TimelineEntryId value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets version.
         *
         * @param value the optimistic-locking version, 1 for a new record
         * @return this builder
         */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets created.
         *
         * @param value when the record was created
         * @return this builder
         */
        public Builder created(Instant value) {
            this.created = Objects.requireNonNull(value, "created");
            return this;
        }

        /**
         * Sets updated.
         *
         * @param value when the record was last changed
         * @return this builder
         */
        public Builder updated(Instant value) {
            this.updated = Objects.requireNonNull(value, "updated");
            return this;
        }

        /**
         * Sets owner.
         *
         * @param value the record whose timeline holds the entry
         * @return this builder
         */
        public Builder owner(RecordRef value) {
            this.owner = Objects.requireNonNull(value, "owner");
            return this;
        }

        /**
         * Sets author.
         *
         * @param value who wrote or logged it
         * @return this builder
         */
        public Builder author(UserId value) {
            this.author = Objects.requireNonNull(value, "author");
            return this;
        }

        /**
         * Sets at.
         *
         * @param value when it happened (for a call, its start)
         * @return this builder
         */
        public Builder at(Instant value) {
            this.at = Objects.requireNonNull(value, "at");
            return this;
        }

        /**
         * Sets direction.
         *
         * @param value inbound or outbound
         * @return this builder
         */
        public Builder direction(Direction value) {
            this.direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        /**
         * Sets fromNumber.
         *
         * @param value the calling number as reported
         * @return this builder
         */
        public Builder fromNumber(String value) {
            this.fromNumber = Objects.requireNonNull(value, "fromNumber");
            return this;
        }

        /**
         * Sets toNumber.
         *
         * @param value the called number as reported
         * @return this builder
         */
        public Builder toNumber(String value) {
            this.toNumber = Objects.requireNonNull(value, "toNumber");
            return this;
        }

        /**
         * Sets duration.
         *
         * @param value how long the conversation lasted; zero for a missed call
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = Objects.requireNonNull(value, "duration");
            return this;
        }

        /**
         * Sets answered.
         *
         * @param value whether the call was answered (connected)
         * @return this builder
         */
        public Builder answered(boolean value) {
            this.answered = value;
            return this;
        }

        /**
         * Sets operator.
         *
         * @param value the user who took or made the call
         * @return this builder
         */
        public Builder operator(Optional<UserId> value) {
            this.operator = Objects.requireNonNull(value, "operator");
            return this;
        }

        /**
         * Sets operator to a present value.
         *
         * @param value the user who took or made the call
         * @return this builder
         */
        public Builder operator(UserId value) {
            this.operator = Optional.of(value);
            return this;
        }

        /**
         * Sets recording.
         *
         * @param value a reference to the recording
         * @return this builder
         */
        public Builder recording(Optional<URI> value) {
            this.recording = Objects.requireNonNull(value, "recording");
            return this;
        }

        /**
         * Sets recording to a present value.
         *
         * @param value a reference to the recording
         * @return this builder
         */
        public Builder recording(URI value) {
            this.recording = Optional.of(value);
            return this;
        }

        /**
         * Sets cost.
         *
         * @param value what the call cost
         * @return this builder
         */
        public Builder cost(Optional<Money> value) {
            this.cost = Objects.requireNonNull(value, "cost");
            return this;
        }

        /**
         * Sets cost to a present value.
         *
         * @param value what the call cost
         * @return this builder
         */
        public Builder cost(Money value) {
            this.cost = Optional.of(value);
            return this;
        }

        /**
         * Sets integration.
         *
         * @param value the telephony integration that reported the call
         * @return this builder
         */
        public Builder integration(Optional<String> value) {
            this.integration = Objects.requireNonNull(value, "integration");
            return this;
        }

        /**
         * Sets integration to a present value.
         *
         * @param value the telephony integration that reported the call
         * @return this builder
         */
        public Builder integration(String value) {
            this.integration = Optional.of(value);
            return this;
        }

        /**
         * Sets callId.
         *
         * @param value the integration's id of the call
         * @return this builder
         */
        public Builder callId(Optional<String> value) {
            this.callId = Objects.requireNonNull(value, "callId");
            return this;
        }

        /**
         * Sets callId to a present value.
         *
         * @param value the integration's id of the call
         * @return this builder
         */
        public Builder callId(String value) {
            this.callId = Optional.of(value);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Call
         * @throws NullPointerException if a required value was not set
         */
        public Call build() {
            return new Call(id, version, created, updated, owner, author, at, direction, fromNumber, toNumber, duration, answered, operator, recording, cost, integration, callId);
        }
    }
}
