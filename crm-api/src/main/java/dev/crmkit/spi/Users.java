package dev.crmkit.spi;

import dev.crmkit.api.contact.Email;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import java.util.Optional;

/** The users (USER-1). */
public interface Users extends Store<UserId, User> {

    /**
     * Finds the user with a login e-mail (compared by its normalized identity).
     *
     * @param email the address
     * @return the user, if any
     */
    Optional<User> byEmail(Email email);
}
