package dev.crmkit.core.contact;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import java.time.LocalDate;

/**
 * The values of a contact (a person), as a user fills them in: for a new one,
 * {@code ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34")}; for a stored one, the edit given
 * to {@link ContactService#update} gets the form filled with its values, {@code c -> c.position("CFO")}.
 * Which parts are required depends on the policy (CON-2). Not thread-safe.
 */
public final class ContactForm extends ClientForm<ContactForm> {

    String first;
    String middle;
    String last;
    CompanyId company;
    LocalDate birthDate;
    @TextValue(max = Limits.JOB_TITLE)
    String position;

    private ContactForm() {
    }

    @Override
    ContactForm self() {
        return this;
    }

    /**
     * A person with a first and last name.
     *
     * @param first the first name
     * @param last the last name
     * @return the form
     */
    public static ContactForm person(String first, String last) {
        ContactForm form = new ContactForm();
        form.first = Text.normalize(first);
        form.last = Text.normalize(last);
        return form;
    }

    /**
     * A person whose name is written as one piece, such as "Ivan" or "Ivan Petrov".
     *
     * @param name the name
     * @return the form
     */
    public static ContactForm named(String name) {
        ContactForm form = new ContactForm();
        form.first = Text.normalize(name);
        return form;
    }

    /** The form filled with a stored contact's values, for an edit. */
    static ContactForm of(Contact c) {
        ContactForm form = new ContactForm();
        form.first = c.name().first().orElse(null);
        form.middle = c.name().middle().orElse(null);
        form.last = c.name().last().orElse(null);
        form.company = c.company().orElse(null);
        form.birthDate = c.birthDate().orElse(null);
        form.position = c.position().orElse(null);
        form.copyFrom(c);
        return form;
    }

    /**
     * Sets the first name.
     *
     * @param value the name
     * @return this form
     */
    public ContactForm firstName(String value) {
        this.first = Text.normalize(value);
        return this;
    }

    /**
     * Sets the middle name (patronymic).
     *
     * @param value the name
     * @return this form
     */
    public ContactForm middleName(String value) {
        this.middle = Text.normalize(value);
        return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the name
     * @return this form
     */
    public ContactForm lastName(String value) {
        this.last = Text.normalize(value);
        return this;
    }

    /**
     * Links the person to a company (CON-1).
     *
     * @param value the company, or null for none
     * @return this form
     */
    public ContactForm company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the birth date.
     *
     * @param value the date, or null for none
     * @return this form
     */
    public ContactForm birthDate(LocalDate value) {
        this.birthDate = value;
        return this;
    }

    /**
     * Sets the job title.
     *
     * @param value the title, or null for none
     * @return this form
     */
    public ContactForm position(String value) {
        this.position = Text.normalize(value);
        return this;
    }
}
