package dev.crmkit.core.deal;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The input for creating a deal in a pipeline (DEAL-1, DEAL-9). Only the pipeline is required: the
 * stage defaults to the pipeline's first, the responsible user to the acting user, the name to
 * "Deal" and a short id. A contact named twice is linked once. Change a stored deal with a
 * {@link DealUpdate}. Not thread-safe.
 */
public final class NewDeal {

    /** A product line as typed, checked when the command runs. */
    record RawProduct(String product, BigDecimal quantity, Money price) {
    }

    final PipelineId pipeline;
    @Size(max = 255, message = "{deal.name.long}")
    String name;
    StageId stage;
    UserId responsible;
    final Set<ContactId> contacts = new LinkedHashSet<>();
    CompanyId company;
    ProductGroupId productGroup;
    LeadSource source;
    Money budget;
    BudgetType budgetType = BudgetType.FIXED;
    LocalDate expectedClose;
    final List<RawProduct> products = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();

    private NewDeal(PipelineId pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * A deal in a pipeline.
     *
     * @param pipeline the pipeline
     * @return the form
     */
    public static NewDeal in(PipelineId pipeline) {
        return new NewDeal(pipeline);
    }

    /** The form of a stored deal, which an update changes and the create path checks again. */
    static NewDeal of(Deal d) {
        NewDeal form = new NewDeal(d.pipeline());
        form.name = d.name();
        form.stage = d.stage();
        form.responsible = d.responsible();
        form.contacts.addAll(d.contacts());
        form.company = d.company().orElse(null);
        form.productGroup = d.productGroup().orElse(null);
        form.source = d.source().orElse(null);
        d.budget().ifPresent(b -> form.budget(b.amount(), b.type()));
        form.expectedClose = d.expectedClose().orElse(null);
        for (ProductLine p : d.products()) {
            form.product(p.product(), p.quantity(), p.price());
        }
        form.tags.addAll(d.tags());
        return form;
    }

    /**
     * Names the deal.
     *
     * @param value the name
     * @return this form
     */
    public NewDeal name(String value) {
        this.name = value;
        return this;
    }

    /**
     * Starts the deal at an open stage of its pipeline instead of the first.
     *
     * @param value the stage
     * @return this form
     */
    public NewDeal stage(StageId value) {
        this.stage = value;
        return this;
    }

    /**
     * Sets the responsible user (by default the acting user).
     *
     * @param value the user
     * @return this form
     */
    public NewDeal responsible(UserId value) {
        this.responsible = value;
        return this;
    }

    /**
     * Adds a contact; the first is the main one. A contact already added stays where it is.
     *
     * @param value the contact
     * @return this form
     */
    public NewDeal contact(ContactId value) {
        contacts.add(Objects.requireNonNull(value, "contact"));
        return this;
    }

    /**
     * Removes a contact.
     *
     * @param value the contact
     * @return this form
     */
    public NewDeal removeContact(ContactId value) {
        contacts.remove(Objects.requireNonNull(value, "contact"));
        return this;
    }

    /**
     * Removes every contact.
     *
     * @return this form
     */
    public NewDeal clearContacts() {
        contacts.clear();
        return this;
    }

    /**
     * Sets the company.
     *
     * @param value the company, or null for none
     * @return this form
     */
    public NewDeal company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the product group.
     *
     * @param value the group, or null for none
     * @return this form
     */
    public NewDeal productGroup(ProductGroupId value) {
        this.productGroup = value;
        return this;
    }

    /**
     * Sets where the deal came from.
     *
     * @param value the source, or null for none
     * @return this form
     */
    public NewDeal source(LeadSource value) {
        this.source = value;
        return this;
    }

    /**
     * Sets a fixed budget.
     *
     * @param value the amount, or null for none
     * @return this form
     */
    public NewDeal budget(Money value) {
        return budget(value, BudgetType.FIXED);
    }

    /**
     * Sets a budget of a type (fixed, per hour, day, …).
     *
     * @param value the amount, or null for none
     * @param type the budget type
     * @return this form
     */
    public NewDeal budget(Money value, BudgetType type) {
        this.budget = value;
        this.budgetType = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * Sets the expected close date.
     *
     * @param value the date, or null for none
     * @return this form
     */
    public NewDeal expectedClose(LocalDate value) {
        this.expectedClose = value;
        return this;
    }

    /**
     * Adds a product line.
     *
     * @param product the product's name
     * @param quantity how many, above zero
     * @param price the unit price, not negative
     * @return this form
     */
    public NewDeal product(String product, BigDecimal quantity, Money price) {
        products.add(new RawProduct(product, quantity, price));
        return this;
    }

    /**
     * Removes every product line.
     *
     * @return this form
     */
    public NewDeal clearProducts() {
        products.clear();
        return this;
    }

    /**
     * Adds a tag; surrounding spaces are not part of it.
     *
     * @param value the tag
     * @return this form
     */
    public NewDeal tag(String value) {
        tags.add(Objects.requireNonNull(value, "tag").strip());
        return this;
    }

    /**
     * Removes a tag.
     *
     * @param value the tag
     * @return this form
     */
    public NewDeal removeTag(String value) {
        tags.remove(Objects.requireNonNull(value, "tag").strip());
        return this;
    }

    /**
     * Removes every tag.
     *
     * @return this form
     */
    public NewDeal clearTags() {
        tags.clear();
        return this;
    }
}
