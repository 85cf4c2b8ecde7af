package dev.crmkit.core.contact;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
public abstract class ClientForm<F extends ClientForm<F>> {

    /** A phone as typed, with its kind. */
    record RawPhone(String raw, PhoneKind kind) {
    }

    /** An e-mail as typed, with its kind. */
    record RawEmail(String raw, EmailKind kind) {
    }

    @Size(max = Limits.PHONES, message = "{collection.too_many}")
    final List<RawPhone> phones = new ArrayList<>();
    @Size(max = Limits.EMAILS, message = "{collection.too_many}")
    final List<RawEmail> emails = new ArrayList<>();
    @Size(max = Limits.TAGS, message = "{collection.too_many}")
    final Set<@TextValue(max = Limits.TAG) String> tags = new LinkedHashSet<>();
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
    OnDuplicate onDuplicate = OnDuplicate.REJECT;
    @Size(max = Limits.CUSTOM_FIELDS, message = "{collection.too_many}")
    final Map<CustomFieldId, FieldValue> customFields = new LinkedHashMap<>();

    ClientForm() {
    }

    abstract F self();

    /** Copies the values every client has into this form. */
    final void copyFrom(Client c) {
        for (ContactPhone p : c.phones()) {
            phone(p.number().raw(), p.kind());
        }
        for (ContactEmail e : c.emails()) {
            email(e.email().value(), e.kind());
        }
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
        customFields.putAll(c.customFields().values());
    }

    /**
     * Adds a work phone as typed.
     *
     * @param raw the number
     * @return this form
     */
    public F phone(String raw) {
        return phone(raw, PhoneKind.WORK);
    }

    /**
     * Adds a phone of a kind as typed.
     *
     * @param raw the number
     * @param kind its kind
     * @return this form
     */
    public F phone(String raw, PhoneKind kind) {
        phones.add(new RawPhone(Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(kind, "kind")));
        return self();
    }

    /**
     * Removes every spelling of a number (CON-4: the same number however it is written).
     *
     * @param raw the number
     * @return this form
     */
    public F removePhone(String raw) {
        Objects.requireNonNull(raw, "raw");
        phones.removeIf(p -> sameNumber(p.raw(), raw));
        return self();
    }

    private static boolean sameNumber(String a, String b) {
        if (a.strip().equals(b.strip())) {
            return true;
        }
        try {
            return PhoneNumber.parse(a).sameNumberAs(PhoneNumber.parse(b));
        } catch (ValidationException notANumber) {
            return false;
        }
    }

    /**
     * Removes every phone.
     *
     * @return this form
     */
    public F clearPhones() {
        phones.clear();
        return self();
    }

    /**
     * Adds a work e-mail as typed.
     *
     * @param raw the address
     * @return this form
     */
    public F email(String raw) {
        return email(raw, EmailKind.WORK);
    }

    /**
     * Adds an e-mail of a kind as typed.
     *
     * @param raw the address
     * @param kind its kind
     * @return this form
     */
    public F email(String raw, EmailKind kind) {
        emails.add(new RawEmail(Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(kind, "kind")));
        return self();
    }

    /**
     * Removes an address, ignoring case and surrounding spaces.
     *
     * @param raw the address
     * @return this form
     */
    public F removeEmail(String raw) {
        String wanted = Objects.requireNonNull(raw, "raw").strip();
        emails.removeIf(e -> e.raw().strip().equalsIgnoreCase(wanted));
        return self();
    }

    /**
     * Removes every e-mail.
     *
     * @return this form
     */
    public F clearEmails() {
        emails.clear();
        return self();
    }

    /**
     * Adds a tag.
     *
     * @param value the tag
     * @return this form
     */
    public F tag(String value) {
        tags.add(Text.normalize(Objects.requireNonNull(value, "tag")));
        return self();
    }

    /**
     * Removes a tag.
     *
     * @param value the tag
     * @return this form
     */
    public F removeTag(String value) {
        tags.remove(Text.normalize(Objects.requireNonNull(value, "tag")));
        return self();
    }

    /**
     * Removes every tag.
     *
     * @return this form
     */
    public F clearTags() {
        tags.clear();
        return self();
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
     * Says what to do when the record duplicates stored ones (CON-5); by default it is rejected.
     *
     * @param value reject, create anyway where the policy allows it, or merge into the best stored match
     * @return this form
     */
    public F onDuplicate(OnDuplicate value) {
        this.onDuplicate = Objects.requireNonNull(value, "onDuplicate");
        return self();
    }

    /**
     * Sets a custom field's value.
     *
     * @param field the field
     * @param value its value
     * @return this form
     */
    public F customField(CustomFieldId field, FieldValue value) {
        customFields.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * Removes a custom field's value.
     *
     * @param field the field
     * @return this form
     */
    public F clearCustomField(CustomFieldId field) {
        customFields.remove(Objects.requireNonNull(field, "field"));
        return self();
    }
}
