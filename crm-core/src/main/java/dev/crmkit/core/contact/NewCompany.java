package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
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
        for (ContactPhone p : c.phones()) {
            form.phone(p.number().raw(), p.kind());
        }
        for (ContactEmail e : c.emails()) {
            form.email(e.email().value(), e.kind());
        }
        form.tags.addAll(c.tags());
        form.responsible = c.responsible();
        form.type = c.type().orElse(null);
        form.temperature = c.temperature().orElse(null);
        form.currency = c.currency().map(java.util.Currency::getCurrencyCode).orElse(null);
        form.photo = c.photo().orElse(null);
        form.links.addAll(c.links());
        form.address = c.address().orElse(null);
        form.description = c.description().orElse(null);
        form.access = c.access();
        form.customFields.putAll(c.customFields().values());
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
