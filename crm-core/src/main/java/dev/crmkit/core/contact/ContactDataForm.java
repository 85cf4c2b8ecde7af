package dev.crmkit.core.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.field.CustomFieldInput;
import dev.crmkit.core.field.CustomValues;
import dev.crmkit.core.support.TextValue;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the forms of contacts, companies and leads share: phones and e-mails as typed (parsed and checked
 * when the command runs, all problems at once) and tags. Not thread-safe.
 *
 * @param <F> the concrete form, for fluent calls
 */
public abstract class ContactDataForm<F extends ContactDataForm<F>> {

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

    /** The custom-field values (DEAL-3), checked against their fields on the record's validation path. */
    final CustomFieldInput customFields = new CustomFieldInput();

    ContactDataForm() {
    }

    abstract F self();

    /** Adds stored phones and e-mails as typed, as an edit or a conversion starts from them. */
    final F reachableAt(List<ContactPhone> storedPhones, List<ContactEmail> storedEmails) {
        for (ContactPhone p : storedPhones) {
            phone(p.number().raw(), p.kind());
        }
        for (ContactEmail e : storedEmails) {
            email(e.email().value(), e.kind());
        }
        return self();
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
     * Sets a custom field's value (DEAL-3), checked against the field when the form is.
     *
     * @param field the field, one of the entity type's
     * @param value its value, of the field's type
     * @return this form
     */
    public F customField(CustomFieldId field, FieldValue value) {
        customFields.put(field, value);
        return self();
    }

    /**
     * Sets a custom field's value from text, as a web form or an import gives it, parsed by the field's type
     * when the form is checked (see {@link CustomValues}); blank text clears the value.
     *
     * @param field the field, one of the entity type's
     * @param text the value's text
     * @return this form
     */
    public F customField(CustomFieldId field, String text) {
        customFields.put(field, text);
        return self();
    }

    /**
     * Removes a custom field's value.
     *
     * @param field the field
     * @return this form
     */
    public F clearCustomField(CustomFieldId field) {
        customFields.remove(field);
        return self();
    }
}
