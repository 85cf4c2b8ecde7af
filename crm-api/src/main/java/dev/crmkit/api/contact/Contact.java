package dev.crmkit.api.contact;

import dev.crmkit.api.Entity;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person the organization deals with (CON-1); may work for a {@link Company}.
 *
 * @param id the contact's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name the person's name
 * @param company the company this person belongs to (CON-1)
 * @param birthDate the birth date
 * @param position the job title
 * @param phones phone numbers with their kinds
 * @param emails e-mail addresses with their kinds
 * @param tags free tags
 * @param responsible the responsible user
 * @param type the contact type from the admin list (CON-9)
 * @param temperature the temperature level from the admin list (CON-9)
 * @param currency the currency this client pays in
 * @param photo a reference to a photo or logo
 * @param links web site and social network links
 * @param address the postal address
 * @param description free text about the record
 * @param access who besides its managers may see and edit it (CON-8)
 * @param customFields values of custom fields
 */
public record Contact(
        ContactId id,
        long version,
        Instant created,
        Instant updated,
        PersonName name,
        Optional<CompanyId> company,
        Optional<LocalDate> birthDate,
        Optional<String> position,
        List<ContactPhone> phones,
        List<ContactEmail> emails,
        Set<String> tags,
        UserId responsible,
        Optional<ContactTypeId> type,
        Optional<TemperatureLevelId> temperature,
        Optional<Currency> currency,
        Optional<URI> photo,
        List<URI> links,
        Optional<Address> address,
        Optional<String> description,
        AccessLevel access,
        CustomFieldValues customFields) implements Entity<ContactId>, Client {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(phones, "phones");
        phones = List.copyOf(phones);
        Objects.requireNonNull(emails, "emails");
        emails = List.copyOf(emails);
        Objects.requireNonNull(tags, "tags");
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(links, "links");
        links = List.copyOf(links);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(customFields, "customFields");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /**
     * Starts a builder; required values must be set before {@link Builder#build()}.
     *
     * @return an empty builder with the documented defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this record's values, to derive a changed copy.
     *
     * @return a builder initialised from this record
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.version = version;
        b.created = created;
        b.updated = updated;
        b.name = name;
        b.company = company;
        b.birthDate = birthDate;
        b.position = position;
        b.phones = phones;
        b.emails = emails;
        b.tags = tags;
        b.responsible = responsible;
        b.type = type;
        b.temperature = temperature;
        b.currency = currency;
        b.photo = photo;
        b.links = links;
        b.address = address;
        b.description = description;
        b.access = access;
        b.customFields = customFields;
        return b;
    }

    /** Builds {@link Contact} values; not thread-safe. */
    public static final class Builder {
        private ContactId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private PersonName name;
        private Optional<CompanyId> company = Optional.empty();
        private Optional<LocalDate> birthDate = Optional.empty();
        private Optional<String> position = Optional.empty();
        private List<ContactPhone> phones = List.of();
        private List<ContactEmail> emails = List.of();
        private Set<String> tags = new LinkedHashSet<>();
        private UserId responsible;
        private Optional<ContactTypeId> type = Optional.empty();
        private Optional<TemperatureLevelId> temperature = Optional.empty();
        private Optional<Currency> currency = Optional.empty();
        private Optional<URI> photo = Optional.empty();
        private List<URI> links = List.of();
        private Optional<Address> address = Optional.empty();
        private Optional<String> description = Optional.empty();
        private AccessLevel access = AccessLevel.SHARED_READ;
        private CustomFieldValues customFields = CustomFieldValues.empty();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the contact's id
         * @return this builder
         */
        public Builder id(ContactId value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets version.
         *
         * @param value the optimistic-locking version, 1 for a new record
         * @return this builder
         */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets created.
         *
         * @param value when the record was created
         * @return this builder
         */
        public Builder created(Instant value) {
            this.created = Objects.requireNonNull(value, "created");
            return this;
        }

        /**
         * Sets updated.
         *
         * @param value when the record was last changed
         * @return this builder
         */
        public Builder updated(Instant value) {
            this.updated = Objects.requireNonNull(value, "updated");
            return this;
        }

        /**
         * Sets name.
         *
         * @param value the person's name
         * @return this builder
         */
        public Builder name(PersonName value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets company.
         *
         * @param value the company this person belongs to (CON-1)
         * @return this builder
         */
        public Builder company(Optional<CompanyId> value) {
            this.company = Objects.requireNonNull(value, "company");
            return this;
        }

        /**
         * Sets company to a present value.
         *
         * @param value the company this person belongs to (CON-1)
         * @return this builder
         */
        public Builder company(CompanyId value) {
            this.company = Optional.of(value);
            return this;
        }

        /**
         * Sets birthDate.
         *
         * @param value the birth date
         * @return this builder
         */
        public Builder birthDate(Optional<LocalDate> value) {
            this.birthDate = Objects.requireNonNull(value, "birthDate");
            return this;
        }

        /**
         * Sets birthDate to a present value.
         *
         * @param value the birth date
         * @return this builder
         */
        public Builder birthDate(LocalDate value) {
            this.birthDate = Optional.of(value);
            return this;
        }

        /**
         * Sets position.
         *
         * @param value the job title
         * @return this builder
         */
        public Builder position(Optional<String> value) {
            this.position = Objects.requireNonNull(value, "position");
            return this;
        }

        /**
         * Sets position to a present value.
         *
         * @param value the job title
         * @return this builder
         */
        public Builder position(String value) {
            this.position = Optional.of(value);
            return this;
        }

        /**
         * Sets phones.
         *
         * @param value phone numbers with their kinds
         * @return this builder
         */
        public Builder phones(Collection<? extends ContactPhone> value) {
            this.phones = List.copyOf(value);
            return this;
        }

        /**
         * Sets emails.
         *
         * @param value e-mail addresses with their kinds
         * @return this builder
         */
        public Builder emails(Collection<? extends ContactEmail> value) {
            this.emails = List.copyOf(value);
            return this;
        }

        /**
         * Sets tags.
         *
         * @param value free tags
         * @return this builder
         */
        public Builder tags(Collection<? extends String> value) {
            this.tags = new LinkedHashSet<>(value);
            return this;
        }

        /**
         * Sets responsible.
         *
         * @param value the responsible user
         * @return this builder
         */
        public Builder responsible(UserId value) {
            this.responsible = Objects.requireNonNull(value, "responsible");
            return this;
        }

        /**
         * Sets type.
         *
         * @param value the contact type from the admin list (CON-9)
         * @return this builder
         */
        public Builder type(Optional<ContactTypeId> value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
        }

        /**
         * Sets type to a present value.
         *
         * @param value the contact type from the admin list (CON-9)
         * @return this builder
         */
        public Builder type(ContactTypeId value) {
            this.type = Optional.of(value);
            return this;
        }

        /**
         * Sets temperature.
         *
         * @param value the temperature level from the admin list (CON-9)
         * @return this builder
         */
        public Builder temperature(Optional<TemperatureLevelId> value) {
            this.temperature = Objects.requireNonNull(value, "temperature");
            return this;
        }

        /**
         * Sets temperature to a present value.
         *
         * @param value the temperature level from the admin list (CON-9)
         * @return this builder
         */
        public Builder temperature(TemperatureLevelId value) {
            this.temperature = Optional.of(value);
            return this;
        }

        /**
         * Sets currency.
         *
         * @param value the currency this client pays in
         * @return this builder
         */
        public Builder currency(Optional<Currency> value) {
            this.currency = Objects.requireNonNull(value, "currency");
            return this;
        }

        /**
         * Sets currency to a present value.
         *
         * @param value the currency this client pays in
         * @return this builder
         */
        public Builder currency(Currency value) {
            this.currency = Optional.of(value);
            return this;
        }

        /**
         * Sets photo.
         *
         * @param value a reference to a photo or logo
         * @return this builder
         */
        public Builder photo(Optional<URI> value) {
            this.photo = Objects.requireNonNull(value, "photo");
            return this;
        }

        /**
         * Sets photo to a present value.
         *
         * @param value a reference to a photo or logo
         * @return this builder
         */
        public Builder photo(URI value) {
            this.photo = Optional.of(value);
            return this;
        }

        /**
         * Sets links.
         *
         * @param value web site and social network links
         * @return this builder
         */
        public Builder links(Collection<? extends URI> value) {
            this.links = List.copyOf(value);
            return this;
        }

        /**
         * Sets address.
         *
         * @param value the postal address
         * @return this builder
         */
        public Builder address(Optional<Address> value) {
            this.address = Objects.requireNonNull(value, "address");
            return this;
        }

        /**
         * Sets address to a present value.
         *
         * @param value the postal address
         * @return this builder
         */
        public Builder address(Address value) {
            this.address = Optional.of(value);
            return this;
        }

        /**
         * Sets description.
         *
         * @param value free text about the record
         * @return this builder
         */
        public Builder description(Optional<String> value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /**
         * Sets description to a present value.
         *
         * @param value free text about the record
         * @return this builder
         */
        public Builder description(String value) {
            this.description = Optional.of(value);
            return this;
        }

        /**
         * Sets access.
         *
         * @param value who besides its managers may see and edit it (CON-8)
         * @return this builder
         */
        public Builder access(AccessLevel value) {
            this.access = Objects.requireNonNull(value, "access");
            return this;
        }

        /**
         * Sets customFields.
         *
         * @param value values of custom fields
         * @return this builder
         */
        public Builder customFields(CustomFieldValues value) {
            this.customFields = Objects.requireNonNull(value, "customFields");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new Contact
         * @throws NullPointerException if a required value was not set
         */
        public Contact build() {
            return new Contact(id, version, created, updated, name, company, birthDate, position, phones, emails, tags, responsible, type, temperature, currency, photo, links, address, description, access, customFields);
        }
    }
}
