package dev.crmkit.core.contact;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.Company;

/**
 * The values of a company, as a user fills them in: for a new one, {@code CompanyForm.named("Horns and
 * Hooves")}; for a stored one, the edit given to {@link CompanyService#update} gets the form filled with its
 * values. Not thread-safe.
 */
public final class CompanyForm extends ClientForm<CompanyForm> {

    @TextValue(max = Limits.NAME)
    String name;

    private CompanyForm() {
    }

    @Override
    CompanyForm self() {
        return this;
    }

    /**
     * A company with a name.
     *
     * @param name the name
     * @return the form
     */
    public static CompanyForm named(String name) {
        CompanyForm form = new CompanyForm();
        form.name = Text.normalize(name);
        return form;
    }

    /** The form filled with a stored company's values, for an edit. */
    static CompanyForm of(Company c) {
        CompanyForm form = named(c.name());
        form.copyFrom(c);
        return form;
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this form
     */
    public CompanyForm name(String value) {
        this.name = Text.normalize(value);
        return this;
    }
}
