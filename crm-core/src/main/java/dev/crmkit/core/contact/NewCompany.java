package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Company;
import jakarta.validation.constraints.Size;

/**
 * The input for creating a company, or for the new state of one: {@code NewCompany.named("Horns and Hooves")}.
 * Not thread-safe.
 */
public final class NewCompany extends ClientForm<NewCompany> {

    @Size(max = 255, message = "{company.name.long}")
    String name;

    private NewCompany() {
    }

    @Override
    NewCompany self() {
        return this;
    }

    /**
     * A company with a name.
     *
     * @param name the name
     * @return the form
     */
    public static NewCompany named(String name) {
        NewCompany form = new NewCompany();
        form.name = name;
        return form;
    }

    /**
     * A form holding a company's current values, to edit.
     *
     * @param c the company
     * @return the form
     */
    public static NewCompany from(Company c) {
        NewCompany form = named(c.name());
        form.copyFrom(c);
        return form;
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this form
     */
    public NewCompany name(String value) {
        this.name = value;
        return this;
    }
}
