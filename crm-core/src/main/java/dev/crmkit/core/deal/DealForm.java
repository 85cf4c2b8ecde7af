package dev.crmkit.core.deal;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.field.CustomFieldInput;
import dev.crmkit.core.field.CustomValues;
import dev.crmkit.core.support.TextValue;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The values of a deal (DEAL-1, DEAL-9), as a user fills them in. For a new deal only the pipeline is
 * required: the stage defaults to the pipeline's first, the responsible user to the acting user, the name
 * to "Deal" and a short id. For a stored deal, the edit given to {@link DealService#update} gets the form
 * filled with its values; its stage changes through {@link DealService#move} and its siblings instead. A
 * contact named twice is linked once. Not thread-safe.
 */
public final class DealForm {

    /** A product line as typed, checked when the command runs. */
    record RawProduct(String product, BigDecimal quantity, Money price) {
    }

    final PipelineId pipeline;
    @TextValue(max = Limits.NAME)
    String name;
    StageId stage;
    UserId responsible;
    @Size(max = Limits.DEAL_CONTACTS, message = "{collection.too_many}")
    final Set<ContactId> contacts = new LinkedHashSet<>();
    CompanyId company;
    ProductGroupId productGroup;
    LeadSource source;
    Money budget;
    BudgetType budgetType = BudgetType.FIXED;
    LocalDate expectedClose;
    @Size(max = Limits.PRODUCT_LINES, message = "{collection.too_many}")
    final List<RawProduct> products = new ArrayList<>();
    @Size(max = Limits.TAGS, message = "{collection.too_many}")
    final Set<@TextValue(max = Limits.TAG) String> tags = new LinkedHashSet<>();
    final CustomFieldInput customFields = new CustomFieldInput();
    final Set<UserId> restrictedTo = new LinkedHashSet<>();

    private DealForm(PipelineId pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * A deal in a pipeline.
     *
     * @param pipeline the pipeline
     * @return the form
     */
    public static DealForm in(PipelineId pipeline) {
        return new DealForm(pipeline);
    }

    /** The form filled with a stored deal's values, for an edit. */
    static DealForm of(Deal d) {
        DealForm form = new DealForm(d.pipeline());
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
        form.customFields.load(d.customFields());
        form.restrictedTo.addAll(d.restrictedTo());
        return form;
    }

    /**
     * Restricts the deal to listed users (USER-5): then only they, its responsible user and admins see it. A deal
     * restricted to nobody is seen by everyone.
     *
     * @param users active users; empty to lift the restriction
     * @return this form
     */
    public DealForm restrictedTo(java.util.Collection<UserId> users) {
        Objects.requireNonNull(users, "users");
        restrictedTo.clear();
        users.forEach(u -> restrictedTo.add(Objects.requireNonNull(u, "user")));
        return this;
    }

    /**
     * Sets a custom field's value (DEAL-3), checked against the field (a deal field of the deal's pipeline)
     * when the form is.
     *
     * @param field the field
     * @param value its value, of the field's type
     * @return this form
     */
    public DealForm customField(CustomFieldId field, FieldValue value) {
        customFields.put(field, value);
        return this;
    }

    /**
     * Sets a custom field's value from text, parsed by the field's type when the form is checked (see
     * {@link CustomValues}); blank text clears the value.
     *
     * @param field the field
     * @param text the value's text
     * @return this form
     */
    public DealForm customField(CustomFieldId field, String text) {
        customFields.put(field, text);
        return this;
    }

    /**
     * Removes a custom field's value.
     *
     * @param field the field
     * @return this form
     */
    public DealForm clearCustomField(CustomFieldId field) {
        customFields.remove(field);
        return this;
    }

    /**
     * Names the deal.
     *
     * @param value the name
     * @return this form
     */
    public DealForm name(String value) {
        this.name = Text.normalize(value);
        return this;
    }

    /**
     * Starts the deal at an open stage of its pipeline instead of the first.
     *
     * @param value the stage
     * @return this form
     */
    public DealForm stage(StageId value) {
        this.stage = value;
        return this;
    }

    /**
     * Sets the responsible user (by default the acting user).
     *
     * @param value the user
     * @return this form
     */
    public DealForm responsible(UserId value) {
        this.responsible = value;
        return this;
    }

    /**
     * Adds a contact; the first is the main one. A contact already added stays where it is.
     *
     * @param value the contact
     * @return this form
     */
    public DealForm contact(ContactId value) {
        contacts.add(Objects.requireNonNull(value, "contact"));
        return this;
    }

    /**
     * Removes a contact.
     *
     * @param value the contact
     * @return this form
     */
    public DealForm removeContact(ContactId value) {
        contacts.remove(Objects.requireNonNull(value, "contact"));
        return this;
    }

    /**
     * Removes every contact.
     *
     * @return this form
     */
    public DealForm clearContacts() {
        contacts.clear();
        return this;
    }

    /**
     * Sets the company.
     *
     * @param value the company, or null for none
     * @return this form
     */
    public DealForm company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the product group.
     *
     * @param value the group, or null for none
     * @return this form
     */
    public DealForm productGroup(ProductGroupId value) {
        this.productGroup = value;
        return this;
    }

    /**
     * Sets where the deal came from.
     *
     * @param value the source, or null for none
     * @return this form
     */
    public DealForm source(LeadSource value) {
        this.source = value;
        return this;
    }

    /**
     * Sets a fixed budget.
     *
     * @param value the amount, or null for none
     * @return this form
     */
    public DealForm budget(Money value) {
        return budget(value, BudgetType.FIXED);
    }

    /**
     * Sets a budget of a type (fixed, per hour, day, …).
     *
     * @param value the amount, or null for none
     * @param type the budget type
     * @return this form
     */
    public DealForm budget(Money value, BudgetType type) {
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
    public DealForm expectedClose(LocalDate value) {
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
    public DealForm product(String product, BigDecimal quantity, Money price) {
        products.add(new RawProduct(product, quantity, price));
        return this;
    }

    /**
     * Removes every product line.
     *
     * @return this form
     */
    public DealForm clearProducts() {
        products.clear();
        return this;
    }

    /**
     * Adds a tag; surrounding spaces are not part of it.
     *
     * @param value the tag
     * @return this form
     */
    public DealForm tag(String value) {
        tags.add(Text.normalize(Objects.requireNonNull(value, "tag")));
        return this;
    }

    /**
     * Removes a tag.
     *
     * @param value the tag
     * @return this form
     */
    public DealForm removeTag(String value) {
        tags.remove(Text.normalize(Objects.requireNonNull(value, "tag")));
        return this;
    }

    /**
     * Removes every tag.
     *
     * @return this form
     */
    public DealForm clearTags() {
        tags.clear();
        return this;
    }
}
