package dev.crmkit.core.deal;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
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
 * "Deal" and a short id. Not thread-safe.
 */
public final class NewDeal {

    final PipelineId pipeline;
    @Size(max = 255, message = "{deal.name.long}")
    String name;
    StageId stage;
    UserId responsible;
    final List<ContactId> contacts = new ArrayList<>();
    CompanyId company;
    ProductGroupId productGroup;
    LeadSource source;
    Money budget;
    BudgetType budgetType = BudgetType.FIXED;
    LocalDate expectedClose;
    final List<ProductLine> products = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();

    private NewDeal(PipelineId pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * A deal in a pipeline.
     *
     * @param pipeline the pipeline
     * @return the command
     */
    public static NewDeal in(PipelineId pipeline) {
        return new NewDeal(pipeline);
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this command
     */
    public NewDeal name(String value) {
        this.name = value;
        return this;
    }

    /**
     * Sets the starting stage (an open stage of the pipeline).
     *
     * @param value the stage
     * @return this command
     */
    public NewDeal stage(StageId value) {
        this.stage = value;
        return this;
    }

    /**
     * Sets the responsible user.
     *
     * @param value the user
     * @return this command
     */
    public NewDeal responsible(UserId value) {
        this.responsible = value;
        return this;
    }

    /**
     * Adds a contact; the first one added is the main contact.
     *
     * @param value the contact
     * @return this command
     */
    public NewDeal contact(ContactId value) {
        contacts.add(Objects.requireNonNull(value, "contact"));
        return this;
    }

    /**
     * Sets the company.
     *
     * @param value the company
     * @return this command
     */
    public NewDeal company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the product group.
     *
     * @param value the product group
     * @return this command
     */
    public NewDeal productGroup(ProductGroupId value) {
        this.productGroup = value;
        return this;
    }

    /**
     * Sets where the deal came from.
     *
     * @param value the source
     * @return this command
     */
    public NewDeal source(LeadSource value) {
        this.source = value;
        return this;
    }

    /**
     * Sets a fixed budget.
     *
     * @param value the amount, not negative
     * @return this command
     */
    public NewDeal budget(Money value) {
        this.budget = value;
        return this;
    }

    /**
     * Sets a budget with its type.
     *
     * @param value the amount, not negative
     * @param type how it is counted
     * @return this command
     */
    public NewDeal budget(Money value, BudgetType type) {
        this.budget = value;
        this.budgetType = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * Sets the expected close date.
     *
     * @param value the date
     * @return this command
     */
    public NewDeal expectedClose(LocalDate value) {
        this.expectedClose = value;
        return this;
    }

    /**
     * Adds a product line.
     *
     * @param product the product's name
     * @param quantity how many
     * @param price the unit price
     * @return this command
     */
    public NewDeal product(String product, BigDecimal quantity, Money price) {
        products.add(new ProductLine(product, quantity, price));
        return this;
    }

    /**
     * Adds a tag.
     *
     * @param value the tag
     * @return this command
     */
    public NewDeal tag(String value) {
        tags.add(Objects.requireNonNull(value, "tag").strip());
        return this;
    }
}
