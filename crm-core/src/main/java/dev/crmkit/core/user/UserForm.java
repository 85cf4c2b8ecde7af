package dev.crmkit.core.user;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserRight;
import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a user: for a new one, {@code UserForm.named("Boris").email("boris@example.com")}; for a
 * stored one, the edit given to {@link UserService#update} gets the form filled with its values. Values are
 * checked when the command runs, all at once. Not thread-safe.
 */
public final class UserForm {

    @NotBlank(message = "{user.name.blank}")
    @TextValue(max = Limits.USER_NAME)
    private String name;
    private String email;
    private Role role = Role.USER;
    private ZoneId timeZone = ZoneOffset.UTC;
    private Locale locale = Locale.ENGLISH;
    private final Set<UserRight> rights = EnumSet.noneOf(UserRight.class);
    /** Whether the form names the user's rights; a new user's form that does not gets the policy's defaults. */
    private boolean rightsNamed;

    private UserForm(String name) {
        this.name = Text.normalize(name);
    }

    /**
     * A user with a name.
     *
     * @param name the display name
     * @return the command
     */
    public static UserForm named(String name) {
        return new UserForm(name);
    }

    /** The form filled with a stored user's values, for an edit. */
    static UserForm of(User user) {
        UserForm form = new UserForm(user.name());
        form.email = user.email().map(Object::toString).orElse(null);
        form.role = user.role();
        form.timeZone = user.timeZone();
        form.locale = user.locale();
        form.rights.addAll(user.rights());
        form.rightsNamed = true;
        return form;
    }

    /**
     * Sets the name.
     *
     * @param value the display name
     * @return this command
     */
    public UserForm name(String value) {
        this.name = Text.normalize(value);
        return this;
    }

    /**
     * Sets the login e-mail.
     *
     * @param value the address as typed
     * @return this command
     */
    public UserForm email(String value) {
        this.email = value;
        return this;
    }

    /**
     * Makes the user an administrator.
     *
     * @return this command
     */
    public UserForm admin() {
        this.role = Role.ADMIN;
        return this;
    }

    /**
     * Sets the role.
     *
     * @param value the role
     * @return this command
     */
    public UserForm role(Role value) {
        this.role = Objects.requireNonNull(value, "role");
        return this;
    }

    /**
     * Sets the time zone in which "today" is computed for the user.
     *
     * @param value the zone
     * @return this command
     */
    public UserForm timeZone(ZoneId value) {
        this.timeZone = Objects.requireNonNull(value, "timeZone");
        return this;
    }

    /**
     * Sets the user's language.
     *
     * @param value the locale
     * @return this command
     */
    public UserForm locale(Locale value) {
        this.locale = Objects.requireNonNull(value, "locale");
        return this;
    }

    /**
     * Grants a right (USER-4). A new user whose form neither grants nor revokes a right gets the policy's
     * {@link dev.crmkit.core.policy.Policy#newUserRights()}.
     *
     * @param value the right
     * @return this command
     */
    public UserForm grant(UserRight value) {
        rights.add(Objects.requireNonNull(value, "right"));
        rightsNamed = true;
        return this;
    }

    /**
     * Takes a right away.
     *
     * @param value the right
     * @return this command
     */
    public UserForm revoke(UserRight value) {
        rights.remove(Objects.requireNonNull(value, "right"));
        rightsNamed = true;
        return this;
    }

    String nameValue() {
        return name == null ? "" : name;
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

    Set<UserRight> rightsValue(Set<UserRight> defaults) {
        return rightsNamed ? rights : defaults;
    }
}
