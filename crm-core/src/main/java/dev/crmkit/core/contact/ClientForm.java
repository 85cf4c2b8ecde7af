package dev.crmkit.core.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.TextValue;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the inputs for contacts and companies share (CON-9): phones and e-mails as typed (parsed and
 * checked when the command runs, all problems at once), tags, responsible user, type, temperature,
 * currency, photo, links, address, description, access and custom fields. An update is a list of calls
 * of these same setters on the form of the stored record, so creating and changing a record share one
 * validation path. Not thread-safe.
 *
 * @param <F> the concrete form, for fluent calls
 */
public abstract class ClientForm<F extends ClientForm<F>> extends ContactDataForm<F> {

    UserId responsible;
    ContactTypeId type;
    TemperatureLevelId temperature;
    String currency;
    URI photo;
    @Size(max = Limits.LINKS, message = "{collection.too_many}")
    final List<URI> links = new ArrayList<>();
    Address address;
    @TextValue(max = Limits.DESCRIPTION, multiLine = true)
    String description;
    AccessLevel access = AccessLevel.SHARED_READ;
    final Set<UserId> managers = new LinkedHashSet<>();
    OnDuplicate onDuplicate = OnDuplicate.REJECT;

    ClientForm() {
    }

    /** Copies the values every client has into this form. */
    final void copyFrom(Client c) {
        reachableAt(c.phones(), c.emails());
        tags.addAll(c.tags());
        responsible = c.responsible();
        type = c.type().orElse(null);
        temperature = c.temperature().orElse(null);
        currency = c.currency().map(Currency::getCurrencyCode).orElse(null);
        photo = c.photo().orElse(null);
        links.addAll(c.links());
        address = c.address().orElse(null);
        description = c.description().orElse(null);
        access = c.access();
        managers.addAll(c.managers());
        customFields.load(c.customFields());
    }













    /**
     * Sets the responsible user (by default the acting user).
     *
     * @param value the user
     * @return this form
     */
    public F responsible(UserId value) {
        this.responsible = value;
        return self();
    }

    /**
     * Sets the contact type from the admin list.
     *
     * @param value the type, or null for none
     * @return this form
     */
    public F type(ContactTypeId value) {
        this.type = value;
        return self();
    }

    /**
     * Sets the temperature level from the admin list.
     *
     * @param value the level, or null for none
     * @return this form
     */
    public F temperature(TemperatureLevelId value) {
        this.temperature = value;
        return self();
    }

    /**
     * Sets the currency by its ISO 4217 code.
     *
     * @param code the code, or null for none
     * @return this form
     */
    public F currency(String code) {
        this.currency = code;
        return self();
    }

    /**
     * Sets the photo reference.
     *
     * @param value the reference, or null for none
     * @return this form
     */
    public F photo(URI value) {
        this.photo = value;
        return self();
    }

    /**
     * Adds a web or social link.
     *
     * @param value the link
     * @return this form
     */
    public F link(URI value) {
        links.add(Objects.requireNonNull(value, "link"));
        return self();
    }

    /**
     * Removes a link.
     *
     * @param value the link
     * @return this form
     */
    public F removeLink(URI value) {
        links.remove(Objects.requireNonNull(value, "link"));
        return self();
    }

    /**
     * Sets the address.
     *
     * @param value the address, or null for none
     * @return this form
     */
    public F address(Address value) {
        this.address = value;
        return self();
    }

    /**
     * Sets the description.
     *
     * @param value the text, or null for none
     * @return this form
     */
    public F description(String value) {
        this.description = Text.normalize(value);
        return self();
    }

    /**
     * Sets who may see and edit the record besides its managers (CON-8).
     *
     * @param value the access level
     * @return this form
     */
    public F access(AccessLevel value) {
        this.access = Objects.requireNonNull(value, "access");
        return self();
    }

    /**
     * Adds a manager besides the responsible user (CON-8): managers see the record when it is private and
     * change it when it is shared read-only.
     *
     * @param value an active user
     * @return this form
     */
    public F manager(UserId value) {
        managers.add(Objects.requireNonNull(value, "manager"));
        return self();
    }

    /**
     * Removes a manager.
     *
     * @param value the user
     * @return this form
     */
    public F removeManager(UserId value) {
        managers.remove(Objects.requireNonNull(value, "manager"));
        return self();
    }

    /**
     * Says what to do when the record duplicates stored ones (CON-5); by default it is rejected.
     *
     * @param value reject, create anyway where the policy allows it, or merge into the best stored match
     * @return this form
     */
    public F onDuplicate(OnDuplicate value) {
        this.onDuplicate = Objects.requireNonNull(value, "onDuplicate");
        return self();
    }
}
