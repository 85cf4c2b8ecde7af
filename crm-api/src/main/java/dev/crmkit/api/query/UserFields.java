package dev.crmkit.api.query;

import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import java.util.List;

/** The standard fields of a {@link User} that filters and sorts may name. */
public final class UserFields {

    /** The id. */
    public static final Field<User, UserId> ID = Field.of("id", UserId.class, User::id);
    /** The name. */
    public static final Field<User, String> NAME = Field.of("name", String.class, User::name);
    /** The role. */
    public static final Field<User, Role> ROLE = Field.of("role", Role.class, User::role);
    /** Whether the user is active. */
    public static final Field<User, Boolean> ACTIVE = Field.of("active", Boolean.class, User::active);


    /**
     * Every field above: the only ones a query of {@code User} may filter and sort by, in every adapter.
     */
    public static final List<Field<User, ?>> ALL = List.of(ID, NAME, ROLE, ACTIVE);

    private UserFields() {
    }
}
