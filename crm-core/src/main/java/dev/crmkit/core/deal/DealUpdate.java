package dev.crmkit.core.deal;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to a deal's fields; what is not set stays as it is. Stages and pipelines change through
 * {@link DealService#move} and its siblings, which apply the stage rules. Not thread-safe.
 */
public final class DealUpdate {

    String name;
    UserId responsible;
    List<ContactId> contacts;
    Optional<CompanyId> company;
    Optional<ProductGroupId> productGroup;
    Optional<Budget> budget;
    Optional<LocalDate> expectedClose;
    List<ProductLine> products;
    Set<String> tags;

    private DealUpdate() {
    }

    /**
     * No changes yet.
     *
     * @return the update
     */
    public static DealUpdate create() {
        return new DealUpdate();
    }

    /**
     * Renames the deal.
     *
     * @param value the name
     * @return this update
     */
    public DealUpdate name(String value) {
        this.name = Objects.requireNonNull(value, "name");
        return this;
    }

    /**
     * Hands the deal to another user.
     *
     * @param value the responsible user
     * @return this update
     */
    public DealUpdate responsible(UserId value) {
        this.responsible = Objects.requireNonNull(value, "responsible");
        return this;
    }

    /**
     * Replaces the contacts.
     *
     * @param value the contacts, the main one first
     * @return this update
     */
    public DealUpdate contacts(List<ContactId> value) {
        this.contacts = List.copyOf(value);
        return this;
    }

    /**
     * Sets or clears the company.
     *
     * @param value the company, or empty
     * @return this update
     */
    public DealUpdate company(Optional<CompanyId> value) {
        this.company = Objects.requireNonNull(value, "company");
        return this;
    }

    /**
     * Sets or clears the product group.
     *
     * @param value the product group, or empty
     * @return this update
     */
    public DealUpdate productGroup(Optional<ProductGroupId> value) {
        this.productGroup = Objects.requireNonNull(value, "productGroup");
        return this;
    }

    /**
     * Sets or clears the budget.
     *
     * @param value the budget, or empty
     * @return this update
     */
    public DealUpdate budget(Optional<Budget> value) {
        this.budget = Objects.requireNonNull(value, "budget");
        return this;
    }

    /**
     * Sets or clears the expected close date.
     *
     * @param value the date, or empty
     * @return this update
     */
    public DealUpdate expectedClose(Optional<LocalDate> value) {
        this.expectedClose = Objects.requireNonNull(value, "expectedClose");
        return this;
    }

    /**
     * Replaces the product lines.
     *
     * @param value the lines
     * @return this update
     */
    public DealUpdate products(List<ProductLine> value) {
        this.products = List.copyOf(value);
        return this;
    }

    /**
     * Replaces the tags.
     *
     * @param value the tags
     * @return this update
     */
    public DealUpdate tags(Set<String> value) {
        this.tags = Set.copyOf(value);
        return this;
    }
}
