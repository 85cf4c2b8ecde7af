package dev.crmkit.core.user;

import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.UserRight;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Changes to a stored user (admins only); what is not mentioned stays as it is:
 * {@code UserUpdate.changes().timeZone(ZoneId.of("Europe/Moscow")).grant(UserRight.EXPORT)}. The changed
 * user is checked exactly as a new one is. Not thread-safe.
 */
public final class UserUpdate {

    private final List<Consumer<NewUser>> changes = new ArrayList<>();

    private UserUpdate() {
    }

    /**
     * No changes yet.
     *
     * @return the update
     */
    public static UserUpdate changes() {
        return new UserUpdate();
    }

    private UserUpdate change(Consumer<NewUser> change) {
        changes.add(change);
        return this;
    }

    NewUser applyTo(NewUser form) {
        changes.forEach(c -> c.accept(form));
        return form;
    }

    /**
     * Renames the user.
     *
     * @param name the display name
     * @return this update
     */
    public UserUpdate name(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.name(name));
    }

    /**
     * Sets the login e-mail.
     *
     * @param email the address
     * @return this update
     */
    public UserUpdate email(String email) {
        Objects.requireNonNull(email, "email");
        return change(f -> f.email(email));
    }

    /**
     * Removes the login e-mail.
     *
     * @return this update
     */
    public UserUpdate clearEmail() {
        return change(f -> f.email(null));
    }

    /**
     * Makes the user an admin or an ordinary user; the last active admin stays one (USER-2).
     *
     * @param role the role
     * @return this update
     */
    public UserUpdate role(Role role) {
        Objects.requireNonNull(role, "role");
        return change(f -> f.role(role));
    }

    /**
     * Sets the zone "today" is computed in.
     *
     * @param zone the zone
     * @return this update
     */
    public UserUpdate timeZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return change(f -> f.timeZone(zone));
    }

    /**
     * Sets the language of messages shown to the user.
     *
     * @param locale the locale
     * @return this update
     */
    public UserUpdate locale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return change(f -> f.locale(locale));
    }

    /**
     * Grants a right.
     *
     * @param right the right
     * @return this update
     */
    public UserUpdate grant(UserRight right) {
        Objects.requireNonNull(right, "right");
        return change(f -> f.grant(right));
    }

    /**
     * Takes a right away.
     *
     * @param right the right
     * @return this update
     */
    public UserUpdate revoke(UserRight right) {
        Objects.requireNonNull(right, "right");
        return change(f -> f.revoke(right));
    }
}
