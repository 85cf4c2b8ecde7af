package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail, SMS or chat message logged on a record's timeline (ACT-1).
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param owner the record whose timeline holds the entry
 * @param author who wrote or logged it
 * @param at when it happened (for a call, its start)
 * @param channel e-mail, SMS or chat
 * @param direction inbound (from the client) or outbound
 * @param from the sender's address or number
 * @param to the recipient's address or number
 * @param subject the subject, for e-mail
 * @param body the text
 */
public record Message(
        TimelineEntryId id,
        long version,
        Instant created,
        Instant updated,
        RecordRef owner,
        UserId author,
        Instant at,
        Channel channel,
        Direction direction,
        String from,
        String to,
        Optional<String> subject,
        String body) implements TimelineEntry {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
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
        b.channel = channel;
        b.direction = direction;
        b.from = from;
        b.to = to;
        b.subject = subject;
        b.body = body;
        return b;
    }

    /** Builds {@link Message} values; not thread-safe. */
    public static final class Builder {
        private TimelineEntryId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private RecordRef owner;
        private UserId author;
        private Instant at;
        private Channel channel;
        private Direction direction;
        private String from;
        private String to;
        private Optional<String> subject = Optional.empty();
        private String body = "";

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
         * Sets channel.
         *
         * @param value e-mail, SMS or chat
         * @return this builder
         */
        public Builder channel(Channel value) {
            this.channel = Objects.requireNonNull(value, "channel");
            return this;
        }

        /**
         * Sets direction.
         *
         * @param value inbound (from the client) or outbound
         * @return this builder
         */
        public Builder direction(Direction value) {
            this.direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        /**
         * Sets from.
         *
         * @param value the sender's address or number
         * @return this builder
         */
        public Builder from(String value) {
            this.from = Objects.requireNonNull(value, "from");
            return this;
        }

        /**
         * Sets to.
         *
         * @param value the recipient's address or number
         * @return this builder
         */
        public Builder to(String value) {
            this.to = Objects.requireNonNull(value, "to");
            return this;
        }

        /**
         * Sets subject.
         *
         * @param value the subject, for e-mail
         * @return this builder
         */
        public Builder subject(Optional<String> value) {
            this.subject = Objects.requireNonNull(value, "subject");
            return this;
        }

        /**
         * Sets subject to a present value.
         *
         * @param value the subject, for e-mail
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = Optional.of(value);
            return this;
        }

        /**
         * Sets body.
         *
         * @param value the text
         * @return this builder
         */
        public Builder body(String value) {
            this.body = Objects.requireNonNull(value, "body");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Message
         * @throws NullPointerException if a required value was not set
         */
        public Message build() {
            return new Message(id, version, created, updated, owner, author, at, channel, direction, from, to, subject, body);
        }
    }
}
