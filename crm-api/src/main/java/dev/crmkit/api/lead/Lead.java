package dev.crmkit.api.lead;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An inbound request or potential sale (LEAD-1), possibly still in the Unsorted inbox (LEAD-3).
 *
 * @param id the lead's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name a short title of the request
 * @param source where the request came from (LEAD-2)
 * @param status the lead's status
 * @param responsible the responsible user
 * @param contact the contact that made the request, when known
 * @param company the company of the request, when known
 * @param budget the expected amount
 * @param utm web analytics values captured with a web form (LEAD-2), read-only once set
 * @param convertedDeal the deal this lead became (LEAD-4)
 * @param convertedContact the contact this lead became (LEAD-4)
 * @param convertedCompany the company this lead became (LEAD-4)
 * @param tags free tags
 * @param customFields values of custom fields
 */
public record Lead(
        LeadId id,
        long version,
        Instant created,
        Instant updated,
        String name,
        LeadSource source,
        LeadStatus status,
        UserId responsible,
        Optional<ContactId> contact,
        Optional<CompanyId> company,
        Optional<Money> budget,
        Utm utm,
        Optional<DealId> convertedDeal,
        Optional<ContactId> convertedContact,
        Optional<CompanyId> convertedCompany,
        Set<String> tags,
        CustomFieldValues customFields) implements Entity<LeadId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(utm, "utm");
        Objects.requireNonNull(convertedDeal, "convertedDeal");
        Objects.requireNonNull(convertedContact, "convertedContact");
        Objects.requireNonNull(convertedCompany, "convertedCompany");
        Objects.requireNonNull(tags, "tags");
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
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
        b.source = source;
        b.status = status;
        b.responsible = responsible;
        b.contact = contact;
        b.company = company;
        b.budget = budget;
        b.utm = utm;
        b.convertedDeal = convertedDeal;
        b.convertedContact = convertedContact;
        b.convertedCompany = convertedCompany;
        b.tags = tags;
        b.customFields = customFields;
        return b;
    }

    /** Builds {@link Lead} values; not thread-safe. */
    public static final class Builder {
        private LeadId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private String name;
        private LeadSource source = LeadSource.MANUAL;
        private LeadStatus status = LeadStatus.NEW;
        private UserId responsible;
        private Optional<ContactId> contact = Optional.empty();
        private Optional<CompanyId> company = Optional.empty();
        private Optional<Money> budget = Optional.empty();
        private Utm utm = Utm.none();
        private Optional<DealId> convertedDeal = Optional.empty();
        private Optional<ContactId> convertedContact = Optional.empty();
        private Optional<CompanyId> convertedCompany = Optional.empty();
        private Set<String> tags = new LinkedHashSet<>();
        private CustomFieldValues customFields = CustomFieldValues.empty();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the lead's id
         * @return this builder
         */
        public Builder id(LeadId value) {
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
         * @param value a short title of the request
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets source.
         *
         * @param value where the request came from (LEAD-2)
         * @return this builder
         */
        public Builder source(LeadSource value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Sets status.
         *
         * @param value the lead's status
         * @return this builder
         */
        public Builder status(LeadStatus value) {
            this.status = Objects.requireNonNull(value, "status");
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
         * Sets contact.
         *
         * @param value the contact that made the request, when known
         * @return this builder
         */
        public Builder contact(Optional<ContactId> value) {
            this.contact = Objects.requireNonNull(value, "contact");
            return this;
        }

        /**
         * Sets contact to a present value.
         *
         * @param value the contact that made the request, when known
         * @return this builder
         */
        public Builder contact(ContactId value) {
            this.contact = Optional.of(value);
            return this;
        }

        /**
         * Sets company.
         *
         * @param value the company of the request, when known
         * @return this builder
         */
        public Builder company(Optional<CompanyId> value) {
            this.company = Objects.requireNonNull(value, "company");
            return this;
        }

        /**
         * Sets company to a present value.
         *
         * @param value the company of the request, when known
         * @return this builder
         */
        public Builder company(CompanyId value) {
            this.company = Optional.of(value);
            return this;
        }

        /**
         * Sets budget.
         *
         * @param value the expected amount
         * @return this builder
         */
        public Builder budget(Optional<Money> value) {
            this.budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        /**
         * Sets budget to a present value.
         *
         * @param value the expected amount
         * @return this builder
         */
        public Builder budget(Money value) {
            this.budget = Optional.of(value);
            return this;
        }

        /**
         * Sets utm.
         *
         * @param value web analytics values captured with a web form (LEAD-2), read-only once set
         * @return this builder
         */
        public Builder utm(Utm value) {
            this.utm = Objects.requireNonNull(value, "utm");
            return this;
        }

        /**
         * Sets convertedDeal.
         *
         * @param value the deal this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedDeal(Optional<DealId> value) {
            this.convertedDeal = Objects.requireNonNull(value, "convertedDeal");
            return this;
        }

        /**
         * Sets convertedDeal to a present value.
         *
         * @param value the deal this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedDeal(DealId value) {
            this.convertedDeal = Optional.of(value);
            return this;
        }

        /**
         * Sets convertedContact.
         *
         * @param value the contact this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedContact(Optional<ContactId> value) {
            this.convertedContact = Objects.requireNonNull(value, "convertedContact");
            return this;
        }

        /**
         * Sets convertedContact to a present value.
         *
         * @param value the contact this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedContact(ContactId value) {
            this.convertedContact = Optional.of(value);
            return this;
        }

        /**
         * Sets convertedCompany.
         *
         * @param value the company this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedCompany(Optional<CompanyId> value) {
            this.convertedCompany = Objects.requireNonNull(value, "convertedCompany");
            return this;
        }

        /**
         * Sets convertedCompany to a present value.
         *
         * @param value the company this lead became (LEAD-4)
         * @return this builder
         */
        public Builder convertedCompany(CompanyId value) {
            this.convertedCompany = Optional.of(value);
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
         * @return a new Lead
         * @throws NullPointerException if a required value was not set
         */
        public Lead build() {
            return new Lead(id, version, created, updated, name, source, status, responsible, contact, company, budget, utm, convertedDeal, convertedContact, convertedCompany, tags, customFields);
        }
    }
}
