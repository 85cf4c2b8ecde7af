package dev.crmkit.core.contact;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The changes to the values contacts and companies share (CON-9); what is not mentioned stays as it is.
 * Each call is kept and replayed, in order, on the form of the stored record, so a change is checked
 * exactly as a new record is. Not thread-safe.
 *
 * @param <U> the concrete update, for fluent calls
 * @param <F> the form it changes
 */
public abstract class ClientUpdate<U extends ClientUpdate<U, F>, F extends ClientForm<F>> {

    private final List<Consumer<F>> changes = new ArrayList<>();

    ClientUpdate() {
    }

    abstract U self();

    /** Records one change of the form. */
    final U change(Consumer<F> change) {
        changes.add(change);
        return self();
    }

    /** Replays the changes on the form of the stored record. */
    final F applyTo(F form) {
        changes.forEach(c -> c.accept(form));
        return form;
    }

    /**
     * Whether nothing is changed.
     *
     * @return true for an update without changes
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Adds a phone of a kind as typed.
     *
     * @param raw the number
     * @param kind its kind
     * @return this update
     */
    public U addPhone(String raw, PhoneKind kind) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        return change(f -> f.phone(raw, kind));
    }

    /**
     * Removes every spelling of a number (CON-4).
     *
     * @param raw the number
     * @return this update
     */
    public U removePhone(String raw) {
        Objects.requireNonNull(raw, "raw");
        return change(f -> f.removePhone(raw));
    }

    /**
     * Removes every phone.
     *
     * @return this update
     */
    public U clearPhones() {
        return change(ClientForm::clearPhones);
    }

    /**
     * Adds an e-mail of a kind as typed.
     *
     * @param raw the address
     * @param kind its kind
     * @return this update
     */
    public U addEmail(String raw, EmailKind kind) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        return change(f -> f.email(raw, kind));
    }

    /**
     * Removes an address, ignoring case.
     *
     * @param raw the address
     * @return this update
     */
    public U removeEmail(String raw) {
        Objects.requireNonNull(raw, "raw");
        return change(f -> f.removeEmail(raw));
    }

    /**
     * Removes every e-mail.
     *
     * @return this update
     */
    public U clearEmails() {
        return change(ClientForm::clearEmails);
    }

    /**
     * Adds a tag.
     *
     * @param tag the tag
     * @return this update
     */
    public U addTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return change(f -> f.tag(tag));
    }

    /**
     * Removes a tag.
     *
     * @param tag the tag
     * @return this update
     */
    public U removeTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return change(f -> f.removeTag(tag));
    }

    /**
     * Removes every tag.
     *
     * @return this update
     */
    public U clearTags() {
        return change(ClientForm::clearTags);
    }

    /**
     * Hands the record to another user.
     *
     * @param user the responsible user
     * @return this update
     */
    public U responsible(UserId user) {
        Objects.requireNonNull(user, "user");
        return change(f -> f.responsible(user));
    }

    /**
     * Sets the contact type from the admin list.
     *
     * @param type the type
     * @return this update
     */
    public U type(ContactTypeId type) {
        Objects.requireNonNull(type, "type");
        return change(f -> f.type(type));
    }

    /**
     * Removes the contact type.
     *
     * @return this update
     */
    public U clearType() {
        return change(f -> f.type(null));
    }

    /**
     * Sets the temperature level from the admin list.
     *
     * @param level the level
     * @return this update
     */
    public U temperature(TemperatureLevelId level) {
        Objects.requireNonNull(level, "level");
        return change(f -> f.temperature(level));
    }

    /**
     * Removes the temperature level.
     *
     * @return this update
     */
    public U clearTemperature() {
        return change(f -> f.temperature(null));
    }

    /**
     * Sets the currency by its ISO 4217 code.
     *
     * @param code the code
     * @return this update
     */
    public U currency(String code) {
        Objects.requireNonNull(code, "code");
        return change(f -> f.currency(code));
    }

    /**
     * Removes the currency.
     *
     * @return this update
     */
    public U clearCurrency() {
        return change(f -> f.currency(null));
    }

    /**
     * Sets the photo reference.
     *
     * @param photo the reference
     * @return this update
     */
    public U photo(URI photo) {
        Objects.requireNonNull(photo, "photo");
        return change(f -> f.photo(photo));
    }

    /**
     * Removes the photo reference.
     *
     * @return this update
     */
    public U clearPhoto() {
        return change(f -> f.photo(null));
    }

    /**
     * Adds a web or social link.
     *
     * @param link the link
     * @return this update
     */
    public U addLink(URI link) {
        Objects.requireNonNull(link, "link");
        return change(f -> f.link(link));
    }

    /**
     * Removes a link.
     *
     * @param link the link
     * @return this update
     */
    public U removeLink(URI link) {
        Objects.requireNonNull(link, "link");
        return change(f -> f.removeLink(link));
    }

    /**
     * Sets the address.
     *
     * @param address the address
     * @return this update
     */
    public U address(Address address) {
        Objects.requireNonNull(address, "address");
        return change(f -> f.address(address));
    }

    /**
     * Removes the address.
     *
     * @return this update
     */
    public U clearAddress() {
        return change(f -> f.address(null));
    }

    /**
     * Sets the description.
     *
     * @param text the text
     * @return this update
     */
    public U description(String text) {
        Objects.requireNonNull(text, "text");
        return change(f -> f.description(text));
    }

    /**
     * Removes the description.
     *
     * @return this update
     */
    public U clearDescription() {
        return change(f -> f.description(null));
    }

    /**
     * Sets who may see and edit the record besides its managers (CON-8).
     *
     * @param level the access level
     * @return this update
     */
    public U access(AccessLevel level) {
        Objects.requireNonNull(level, "level");
        return change(f -> f.access(level));
    }

    /**
     * Sets a custom field's value.
     *
     * @param field the field
     * @param value its value
     * @return this update
     */
    public U customField(CustomFieldId field, FieldValue value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        return change(f -> f.customField(field, value));
    }

    /**
     * Removes a custom field's value.
     *
     * @param field the field
     * @return this update
     */
    public U clearCustomField(CustomFieldId field) {
        Objects.requireNonNull(field, "field");
        return change(f -> f.clearCustomField(field));
    }

    /**
     * Says what to do when the changed record duplicates stored ones (CON-5); by default it is rejected.
     *
     * @param value reject, or keep it anyway where the policy allows it
     * @return this update
     */
    public U onDuplicate(OnDuplicate value) {
        Objects.requireNonNull(value, "value");
        return change(f -> f.onDuplicate(value));
    }
}
