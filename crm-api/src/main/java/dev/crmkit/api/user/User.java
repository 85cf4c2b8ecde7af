package dev.crmkit.api.user;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A person who works in the CRM (USER-1): an administrator or an ordinary user. "Today" is computed in
 * the user's time zone; messages shown to them are in their locale. Build one with {@link #builder()}.
 *
 * @param id the user's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the user was added
 * @param updated when the user last changed
 * @param name the display name, never blank
 * @param email the login e-mail, unique among users
 * @param role admin or user
 * @param active false once the user is deactivated
 * @param timeZone the zone "today" is computed in
 * @param locale the language of messages shown to the user
 * @param rights extra rights granted to an ordinary user
 */
@WithBuilder
public record User(UserId id, long version, Instant created, Instant updated, String name, Optional<Email> email,
                   Role role, boolean active, ZoneId timeZone, Locale locale, Set<UserRight> rights)
        implements Entity<UserId>, UserBuilder.ToBuilder {

    /** Checks the invariants and copies the rights. */
    public User {
        Checks.present("id, created, updated, email, role, timeZone, locale", id, created, updated, email, role,
                timeZone, locale);
        Checks.notBlank(name, "name");
        rights = Checks.orderedCopy(rights);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static UserBuilder builder() {
        return new UserBuilder();
    }

    /**
     * Whether this user is an active administrator.
     *
     * @return true for an active user with the admin role
     */
    public boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }
}
