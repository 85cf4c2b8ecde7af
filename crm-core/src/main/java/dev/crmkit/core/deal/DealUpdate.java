package dev.crmkit.core.deal;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Changes to a stored deal's fields; what is not mentioned stays as it is:
 * {@code DealUpdate.changes().name("Office chairs").budget(Money.of("90000", "RUB"))}. The changed deal is
 * checked exactly as a new one is. Stages and pipelines change through {@link DealService#move} and its
 * siblings, which apply the stage rules. Not thread-safe.
 */
public final class DealUpdate {

    private final List<Consumer<NewDeal>> changes = new ArrayList<>();

    private DealUpdate() {
    }

    /**
     * No changes yet.
     *
     * @return the update
     */
    public static DealUpdate changes() {
        return new DealUpdate();
    }

    private DealUpdate change(Consumer<NewDeal> change) {
        changes.add(change);
        return this;
    }

    NewDeal applyTo(NewDeal form) {
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
     * Renames the deal.
     *
     * @param name the name
     * @return this update
     */
    public DealUpdate name(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.name(name));
    }

    /**
     * Hands the deal to another user.
     *
     * @param user the responsible user
     * @return this update
     */
    public DealUpdate responsible(UserId user) {
        Objects.requireNonNull(user, "user");
        return change(f -> f.responsible(user));
    }

    /**
     * Replaces the contacts; the first is the main one.
     *
     * @param contacts the contacts
     * @return this update
     */
    public DealUpdate contacts(Collection<ContactId> contacts) {
        List<ContactId> copy = List.copyOf(contacts);
        return change(f -> {
            f.clearContacts();
            copy.forEach(f::contact);
        });
    }

    /**
     * Adds a contact.
     *
     * @param contact the contact
     * @return this update
     */
    public DealUpdate addContact(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return change(f -> f.contact(contact));
    }

    /**
     * Removes a contact.
     *
     * @param contact the contact
     * @return this update
     */
    public DealUpdate removeContact(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return change(f -> f.removeContact(contact));
    }

    /**
     * Sets the company.
     *
     * @param company the company
     * @return this update
     */
    public DealUpdate company(CompanyId company) {
        Objects.requireNonNull(company, "company");
        return change(f -> f.company(company));
    }

    /**
     * Removes the company.
     *
     * @return this update
     */
    public DealUpdate clearCompany() {
        return change(f -> f.company(null));
    }

    /**
     * Sets the product group.
     *
     * @param group the group
     * @return this update
     */
    public DealUpdate productGroup(ProductGroupId group) {
        Objects.requireNonNull(group, "group");
        return change(f -> f.productGroup(group));
    }

    /**
     * Removes the product group.
     *
     * @return this update
     */
    public DealUpdate clearProductGroup() {
        return change(f -> f.productGroup(null));
    }

    /**
     * Sets where the deal came from.
     *
     * @param source the source
     * @return this update
     */
    public DealUpdate source(LeadSource source) {
        Objects.requireNonNull(source, "source");
        return change(f -> f.source(source));
    }

    /**
     * Sets a fixed budget.
     *
     * @param amount the amount
     * @return this update
     */
    public DealUpdate budget(Money amount) {
        return budget(amount, BudgetType.FIXED);
    }

    /**
     * Sets a budget of a type.
     *
     * @param amount the amount
     * @param type the budget type
     * @return this update
     */
    public DealUpdate budget(Money amount, BudgetType type) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        return change(f -> f.budget(amount, type));
    }

    /**
     * Removes the budget.
     *
     * @return this update
     */
    public DealUpdate clearBudget() {
        return change(f -> f.budget(null));
    }

    /**
     * Sets the expected close date.
     *
     * @param date the date
     * @return this update
     */
    public DealUpdate expectedClose(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return change(f -> f.expectedClose(date));
    }

    /**
     * Removes the expected close date.
     *
     * @return this update
     */
    public DealUpdate clearExpectedClose() {
        return change(f -> f.expectedClose(null));
    }

    /**
     * Adds a product line.
     *
     * @param product the product's name
     * @param quantity how many
     * @param price the unit price
     * @return this update
     */
    public DealUpdate addProduct(String product, BigDecimal quantity, Money price) {
        return change(f -> f.product(product, quantity, price));
    }

    /**
     * Removes every product line.
     *
     * @return this update
     */
    public DealUpdate clearProducts() {
        return change(NewDeal::clearProducts);
    }

    /**
     * Replaces the tags; surrounding spaces are not part of a tag.
     *
     * @param tags the tags
     * @return this update
     */
    public DealUpdate tags(Collection<String> tags) {
        List<String> copy = List.copyOf(tags);
        return change(f -> {
            f.clearTags();
            copy.forEach(f::tag);
        });
    }

    /**
     * Adds a tag.
     *
     * @param tag the tag
     * @return this update
     */
    public DealUpdate addTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return change(f -> f.tag(tag));
    }

    /**
     * Removes a tag.
     *
     * @param tag the tag
     * @return this update
     */
    public DealUpdate removeTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return change(f -> f.removeTag(tag));
    }
}
