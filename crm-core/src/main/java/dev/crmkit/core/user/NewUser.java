package dev.crmkit.core.user;

import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserRight;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The input for adding a user; change a stored one with a {@link UserUpdate}. Values are checked when the
 * command is run, all at once. Not thread-safe.
 */
public final class NewUser {

    @NotBlank(message = "{user.name.blank}")
    @Size(max = 200, message = "{user.name.long}")
    private String name;
    private String email;
    private Role role = Role.USER;
    private ZoneId timeZone = ZoneOffset.UTC;
    private Locale locale = Locale.ENGLISH;
    private final Set<UserRight> rights = EnumSet.noneOf(UserRight.class);

    private NewUser(String name) {
        this.name = name;
    }

    /**
     * A user with a name.
     *
     * @param name the display name
     * @return the command
     */
    public static NewUser named(String name) {
        return new NewUser(name);
    }

    /** The form of a stored user, which an update changes and the add path checks again. */
    static NewUser of(User user) {
        NewUser form = new NewUser(user.name());
        form.email = user.email().map(Object::toString).orElse(null);
        form.role = user.role();
        form.timeZone = user.timeZone();
        form.locale = user.locale();
        form.rights.addAll(user.rights());
        return form;
    }

    /**
     * Sets the name.
     *
     * @param value the display name
     * @return this command
     */
    public NewUser name(String value) {
        this.name = value;
        return this;
    }

    /**
     * Sets the login e-mail.
     *
     * @param value the address as typed
     * @return this command
     */
    public NewUser email(String value) {
        this.email = value;
        return this;
    }

    /**
     * Makes the user an administrator.
     *
     * @return this command
     */
    public NewUser admin() {
        this.role = Role.ADMIN;
        return this;
    }

    /**
     * Sets the role.
     *
     * @param value the role
     * @return this command
     */
    public NewUser role(Role value) {
        this.role = Objects.requireNonNull(value, "role");
        return this;
    }

    /**
     * Sets the time zone in which "today" is computed for the user.
     *
     * @param value the zone
     * @return this command
     */
    public NewUser timeZone(ZoneId value) {
        this.timeZone = Objects.requireNonNull(value, "timeZone");
        return this;
    }

    /**
     * Sets the user's language.
     *
     * @param value the locale
     * @return this command
     */
    public NewUser locale(Locale value) {
        this.locale = Objects.requireNonNull(value, "locale");
        return this;
    }

    /**
     * Grants a right.
     *
     * @param value the right
     * @return this command
     */
    public NewUser grant(UserRight value) {
        rights.add(Objects.requireNonNull(value, "right"));
        return this;
    }

    /**
     * Takes a right away.
     *
     * @param value the right
     * @return this command
     */
    public NewUser revoke(UserRight value) {
        rights.remove(Objects.requireNonNull(value, "right"));
        return this;
    }

    String nameValue() {
        return name == null ? "" : name.strip();
    }

    Optional<String> emailValue() {
        return Optional.ofNullable(email).filter(e -> !e.isBlank());
    }

    Role roleValue() {
        return role;
    }

    ZoneId timeZoneValue() {
        return timeZone;
    }

    Locale localeValue() {
        return locale;
    }

    Set<UserRight> rightsValue() {
        return rights;
    }
}
