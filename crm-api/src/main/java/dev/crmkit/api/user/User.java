package dev.crmkit.api.user;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.Email;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person who works in the CRM (USER-1): an administrator or an ordinary user.
 *
 * @param id the user's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name the display name, never blank
 * @param email the login e-mail, if any
 * @param role admin or user
 * @param active false once the user is deactivated
 * @param timeZone the zone in which "today" is computed for this user
 * @param locale the language of messages shown to this user
 * @param rights extra rights granted to an ordinary user
 */
public record User(
        UserId id,
        long version,
        Instant created,
        Instant updated,
        String name,
        Optional<Email> email,
        Role role,
        boolean active,
        ZoneId timeZone,
        Locale locale,
        Set<UserRight> rights) implements Entity<UserId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(rights, "rights");
        rights = Collections.unmodifiableSet(new LinkedHashSet<>(rights));
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
        b.email = email;
        b.role = role;
        b.active = active;
        b.timeZone = timeZone;
        b.locale = locale;
        b.rights = rights;
        return b;
    }

    /**
     * Whether this user is an active administrator.
     *
     * @return true for an active user with the admin role
     */
    public boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }

    /** Builds {@link User} values; not thread-safe. */
    public static final class Builder {
        private UserId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private String name;
        private Optional<Email> email = Optional.empty();
        private Role role = Role.USER;
        private boolean active = true;
        private ZoneId timeZone = ZoneOffset.UTC;
        private Locale locale = Locale.ENGLISH;
        private Set<UserRight> rights = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the user's id
         * @return this builder
         */
        public Builder id(UserId value) {
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
         * @param value the display name, never blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets email.
         *
         * @param value the login e-mail, if any
         * @return this builder
         */
        public Builder email(Optional<Email> value) {
            this.email = Objects.requireNonNull(value, "email");
            return this;
        }

        /**
         * Sets email to a present value.
         *
         * @param value the login e-mail, if any
         * @return this builder
         */
        public Builder email(Email value) {
            this.email = Optional.of(value);
            return this;
        }

        /**
         * Sets role.
         *
         * @param value admin or user
         * @return this builder
         */
        public Builder role(Role value) {
            this.role = Objects.requireNonNull(value, "role");
            return this;
        }

        /**
         * Sets active.
         *
         * @param value false once the user is deactivated
         * @return this builder
         */
        public Builder active(boolean value) {
            this.active = value;
            return this;
        }

        /**
         * Sets timeZone.
         *
         * @param value the zone in which "today" is computed for this user
         * @return this builder
         */
        public Builder timeZone(ZoneId value) {
            this.timeZone = Objects.requireNonNull(value, "timeZone");
            return this;
        }

        /**
         * Sets locale.
         *
         * @param value the language of messages shown to this user
         * @return this builder
         */
        public Builder locale(Locale value) {
            this.locale = Objects.requireNonNull(value, "locale");
            return this;
        }

        /**
         * Sets rights.
         *
         * @param value extra rights granted to an ordinary user
         * @return this builder
         */
        public Builder rights(Collection<? extends UserRight> value) {
            this.rights = new LinkedHashSet<>(value);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new User
         * @throws NullPointerException if a required value was not set
         */
        public User build() {
            return new User(id, version, created, updated, name, email, role, active, timeZone, locale, rights);
        }
    }
}
