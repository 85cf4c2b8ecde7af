package dev.crmkit.api.settings;

import java.time.Instant;
import java.util.Objects;

/**
 * A reason for losing a deal from the admin-managed list (DEAL-9).
 *
 * @param id the item's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name the item's name, never blank
 * @param position the item's place in the list, from 0
 */
public record LossReason(
        LossReasonId id,
        long version,
        Instant created,
        Instant updated,
        String name,
        int position) implements ListItem<LossReasonId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public LossReason {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
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
        b.name = name;
        b.position = position;
        return b;
    }

    /** Builds {@link LossReason} values; not thread-safe. */
    public static final class Builder {
        private LossReasonId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private String name;
        private int position = 0;

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the item's id
         * @return this builder
         */
        public Builder id(LossReasonId value) {
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
         * Sets name.
         *
         * @param value the item's name, never blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets position.
         *
         * @param value the item's place in the list, from 0
         * @return this builder
         */
        public Builder position(int value) {
            this.position = value;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new LossReason
         * @throws NullPointerException if a required value was not set
         */
        public LossReason build() {
            return new LossReason(id, version, created, updated, name, position);
        }
    }
}
