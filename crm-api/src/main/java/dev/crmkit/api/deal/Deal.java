package dev.crmkit.api.deal;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A potential sale moving through the stages of one pipeline (DEAL-1, DEAL-9).
 *
 * <p>A deal is in exactly one pipeline, at one stage of it, with exactly one responsible user. Whether its
 * stage belongs to its pipeline and whether a loss reason goes with a Lost stage is checked by the services,
 * which know the pipelines.
 *
 * @param id the deal's id
 * @param version the optimistic-locking version, 1 for a new record
 * @param created when the record was created
 * @param updated when the record was last changed
 * @param name the deal's name, never blank
 * @param pipeline the pipeline the deal is in
 * @param stage the current stage, one of the pipeline's
 * @param stageEntered when the deal entered its current stage
 * @param responsible the one responsible user (DEAL-1)
 * @param contacts the contacts of the deal, the main one first
 * @param company the company of the deal
 * @param productGroup the product group (DEAL-5, DEAL-8)
 * @param source where the deal came from
 * @param budget the budget with its type (DEAL-9)
 * @param expectedClose the expected close date
 * @param products product lines
 * @param closed when the deal entered Won or Lost
 * @param lossReason why the deal was lost (DEAL-9)
 * @param lead the lead the deal came from
 * @param restrictedTo when not empty, only these users (and admins) may see the deal (USER-5)
 * @param tags free tags
 * @param customFields values of custom fields
 */
public record Deal(
        DealId id,
        long version,
        Instant created,
        Instant updated,
        String name,
        PipelineId pipeline,
        StageId stage,
        Instant stageEntered,
        UserId responsible,
        List<ContactId> contacts,
        Optional<CompanyId> company,
        Optional<ProductGroupId> productGroup,
        Optional<LeadSource> source,
        Optional<Budget> budget,
        Optional<LocalDate> expectedClose,
        List<ProductLine> products,
        Optional<Instant> closed,
        Optional<LossReasonId> lossReason,
        Optional<LeadId> lead,
        Set<UserId> restrictedTo,
        Set<String> tags,
        CustomFieldValues customFields) implements Entity<DealId> {

    /** Checks the invariants and copies collections; see the component descriptions. */
    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEntered, "stageEntered");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(contacts, "contacts");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(productGroup, "productGroup");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(expectedClose, "expectedClose");
        Objects.requireNonNull(products, "products");
        products = List.copyOf(products);
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(lossReason, "lossReason");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(restrictedTo, "restrictedTo");
        restrictedTo = Collections.unmodifiableSet(new LinkedHashSet<>(restrictedTo));
        Objects.requireNonNull(tags, "tags");
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        Objects.requireNonNull(customFields, "customFields");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
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
        b.pipeline = pipeline;
        b.stage = stage;
        b.stageEntered = stageEntered;
        b.responsible = responsible;
        b.contacts = contacts;
        b.company = company;
        b.productGroup = productGroup;
        b.source = source;
        b.budget = budget;
        b.expectedClose = expectedClose;
        b.products = products;
        b.closed = closed;
        b.lossReason = lossReason;
        b.lead = lead;
        b.restrictedTo = restrictedTo;
        b.tags = tags;
        b.customFields = customFields;
        return b;
    }

    /** Builds {@link Deal} values; not thread-safe. */
    public static final class Builder {
        private DealId id;
        private long version = 1;
        private Instant created;
        private Instant updated;
        private String name;
        private PipelineId pipeline;
        private StageId stage;
        private Instant stageEntered;
        private UserId responsible;
        private List<ContactId> contacts = List.of();
        private Optional<CompanyId> company = Optional.empty();
        private Optional<ProductGroupId> productGroup = Optional.empty();
        private Optional<LeadSource> source = Optional.empty();
        private Optional<Budget> budget = Optional.empty();
        private Optional<LocalDate> expectedClose = Optional.empty();
        private List<ProductLine> products = List.of();
        private Optional<Instant> closed = Optional.empty();
        private Optional<LossReasonId> lossReason = Optional.empty();
        private Optional<LeadId> lead = Optional.empty();
        private Set<UserId> restrictedTo = new LinkedHashSet<>();
        private Set<String> tags = new LinkedHashSet<>();
        private CustomFieldValues customFields = CustomFieldValues.empty();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param value the deal's id
         * @return this builder
         */
        public Builder id(DealId value) {
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
         * @param value the deal's name, never blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets pipeline.
         *
         * @param value the pipeline the deal is in
         * @return this builder
         */
        public Builder pipeline(PipelineId value) {
            this.pipeline = Objects.requireNonNull(value, "pipeline");
            return this;
        }

        /**
         * Sets stage.
         *
         * @param value the current stage, one of the pipeline's
         * @return this builder
         */
        public Builder stage(StageId value) {
            this.stage = Objects.requireNonNull(value, "stage");
            return this;
        }

        /**
         * Sets stageEntered.
         *
         * @param value when the deal entered its current stage
         * @return this builder
         */
        public Builder stageEntered(Instant value) {
            this.stageEntered = Objects.requireNonNull(value, "stageEntered");
            return this;
        }

        /**
         * Sets responsible.
         *
         * @param value the one responsible user (DEAL-1)
         * @return this builder
         */
        public Builder responsible(UserId value) {
            this.responsible = Objects.requireNonNull(value, "responsible");
            return this;
        }

        /**
         * Sets contacts.
         *
         * @param value the contacts of the deal, the main one first
         * @return this builder
         */
        public Builder contacts(Collection<? extends ContactId> value) {
            this.contacts = List.copyOf(value);
            return this;
        }

        /**
         * Sets company.
         *
         * @param value the company of the deal
         * @return this builder
         */
        public Builder company(Optional<CompanyId> value) {
            this.company = Objects.requireNonNull(value, "company");
            return this;
        }

        /**
         * Sets company to a present value.
         *
         * @param value the company of the deal
         * @return this builder
         */
        public Builder company(CompanyId value) {
            this.company = Optional.of(value);
            return this;
        }

        /**
         * Sets productGroup.
         *
         * @param value the product group (DEAL-5, DEAL-8)
         * @return this builder
         */
        public Builder productGroup(Optional<ProductGroupId> value) {
            this.productGroup = Objects.requireNonNull(value, "productGroup");
            return this;
        }

        /**
         * Sets productGroup to a present value.
         *
         * @param value the product group (DEAL-5, DEAL-8)
         * @return this builder
         */
        public Builder productGroup(ProductGroupId value) {
            this.productGroup = Optional.of(value);
            return this;
        }

        /**
         * Sets source.
         *
         * @param value where the deal came from
         * @return this builder
         */
        public Builder source(Optional<LeadSource> value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Sets source to a present value.
         *
         * @param value where the deal came from
         * @return this builder
         */
        public Builder source(LeadSource value) {
            this.source = Optional.of(value);
            return this;
        }

        /**
         * Sets budget.
         *
         * @param value the budget with its type (DEAL-9)
         * @return this builder
         */
        public Builder budget(Optional<Budget> value) {
            this.budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        /**
         * Sets budget to a present value.
         *
         * @param value the budget with its type (DEAL-9)
         * @return this builder
         */
        public Builder budget(Budget value) {
            this.budget = Optional.of(value);
            return this;
        }

        /**
         * Sets expectedClose.
         *
         * @param value the expected close date
         * @return this builder
         */
        public Builder expectedClose(Optional<LocalDate> value) {
            this.expectedClose = Objects.requireNonNull(value, "expectedClose");
            return this;
        }

        /**
         * Sets expectedClose to a present value.
         *
         * @param value the expected close date
         * @return this builder
         */
        public Builder expectedClose(LocalDate value) {
            this.expectedClose = Optional.of(value);
            return this;
        }

        /**
         * Sets products.
         *
         * @param value product lines
         * @return this builder
         */
        public Builder products(Collection<? extends ProductLine> value) {
            this.products = List.copyOf(value);
            return this;
        }

        /**
         * Sets closed.
         *
         * @param value when the deal entered Won or Lost
         * @return this builder
         */
        public Builder closed(Optional<Instant> value) {
            this.closed = Objects.requireNonNull(value, "closed");
            return this;
        }

        /**
         * Sets closed to a present value.
         *
         * @param value when the deal entered Won or Lost
         * @return this builder
         */
        public Builder closed(Instant value) {
            this.closed = Optional.of(value);
            return this;
        }

        /**
         * Sets lossReason.
         *
         * @param value why the deal was lost (DEAL-9)
         * @return this builder
         */
        public Builder lossReason(Optional<LossReasonId> value) {
            this.lossReason = Objects.requireNonNull(value, "lossReason");
            return this;
        }

        /**
         * Sets lossReason to a present value.
         *
         * @param value why the deal was lost (DEAL-9)
         * @return this builder
         */
        public Builder lossReason(LossReasonId value) {
            this.lossReason = Optional.of(value);
            return this;
        }

        /**
         * Sets lead.
         *
         * @param value the lead the deal came from
         * @return this builder
         */
        public Builder lead(Optional<LeadId> value) {
            this.lead = Objects.requireNonNull(value, "lead");
            return this;
        }

        /**
         * Sets lead to a present value.
         *
         * @param value the lead the deal came from
         * @return this builder
         */
        public Builder lead(LeadId value) {
            this.lead = Optional.of(value);
            return this;
        }

        /**
         * Sets restrictedTo.
         *
         * @param value when not empty, only these users (and admins) may see the deal (USER-5)
         * @return this builder
         */
        public Builder restrictedTo(Collection<? extends UserId> value) {
            this.restrictedTo = new LinkedHashSet<>(value);
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
         * @return a new Deal
         * @throws NullPointerException if a required value was not set
         */
        public Deal build() {
            return new Deal(id, version, created, updated, name, pipeline, stage, stageEntered, responsible, contacts, company, productGroup, source, budget, expectedClose, products, closed, lossReason, lead, restrictedTo, tags, customFields);
        }
    }
}
