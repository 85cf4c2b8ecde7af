package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A note written on a record's timeline (ACT-1).
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param owner the record whose timeline holds the entry
 * @param author who wrote or logged it
 * @param at when it happened (for a call, its start)
 * @param text the comment's text, never blank
 */
public record Comment(
        TimelineEntryId id,
        long version,
        Instant created,
        Instant updated,
        RecordRef owner,
        UserId author,
        Instant at,
        String text) implements TimelineEntry {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
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
        b.text = text;
        return b;
    }

    /** Builds {@link Comment} values; not thread-safe. */
    public static final class Builder {
        private TimelineEntryId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private RecordRef owner;
        private UserId author;
        private Instant at;
        private String text;

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
         * Sets text.
         *
         * @param value the comment's text, never blank
         * @return this builder
         */
        public Builder text(String value) {
            this.text = Objects.requireNonNull(value, "text");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Comment
         * @throws NullPointerException if a required value was not set
         */
        public Comment build() {
            return new Comment(id, version, created, updated, owner, author, at, text);
        }
    }
}
