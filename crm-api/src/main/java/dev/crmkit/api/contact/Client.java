package dev.crmkit.api.contact;

import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What contacts and companies have in common (CON-9): the organization's clients, persons or not. */
public interface Client {

    /**
     * Phone numbers with their kinds.
     *
     * @return the phones
     */
    List<ContactPhone> phones();

    /**
     * E-mail addresses with their kinds.
     *
     * @return the e-mails
     */
    List<ContactEmail> emails();

    /**
     * Free tags.
     *
     * @return the tags
     */
    Set<String> tags();

    /**
     * The responsible user.
     *
     * @return the user
     */
    UserId responsible();

    /**
     * The contact type from the admin list.
     *
     * @return the type, if set
     */
    Optional<ContactTypeId> type();

    /**
     * The temperature level from the admin list.
     *
     * @return the level, if set
     */
    Optional<TemperatureLevelId> temperature();

    /**
     * The currency this client pays in.
     *
     * @return the currency, if set
     */
    Optional<Currency> currency();

    /**
     * A reference to a photo or logo.
     *
     * @return the reference, if set
     */
    Optional<URI> photo();

    /**
     * Web site and social network links.
     *
     * @return the links
     */
    List<URI> links();

    /**
     * The postal address.
     *
     * @return the address, if set
     */
    Optional<Address> address();

    /**
     * Free text about the client.
     *
     * @return the description, if set
     */
    Optional<String> description();

    /**
     * Who besides its managers may see and edit it (CON-8).
     *
     * @return the access level
     */
    AccessLevel access();

    /**
     * The users besides the responsible one who manage the record (CON-8).
     *
     * @return the managers
     */
    Set<UserId> managers();

    /**
     * Whether a user manages the record: its responsible user or one of its managers (CON-8).
     *
     * @param user the user
     * @return true for its managers
     */
    default boolean managedBy(UserId user) {
        return responsible().equals(user) || managers().contains(user);
    }

    /**
     * Values of custom fields.
     *
     * @return the values
     */
    CustomFieldValues customFields();
}
