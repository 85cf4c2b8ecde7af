package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Company;
import jakarta.validation.constraints.Size;

/**
 * The input for creating a company: {@code NewCompany.named("Horns and Hooves")}; change a stored company
 * with a {@link CompanyUpdate}. Not thread-safe.
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

    /** The form of a stored company, which an update changes and the create path checks again. */
    static NewCompany of(Company c) {
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
