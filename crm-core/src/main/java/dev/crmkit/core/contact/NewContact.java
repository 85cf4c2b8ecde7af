package dev.crmkit.core.contact;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The input for creating a contact (a person):
 * {@code NewContact.person("Ivan", "Petrov").phone("+7 901 776-34-34")}. Which parts are required
 * depends on the policy (CON-2); change a stored contact with a {@link ContactUpdate}. Not thread-safe.
 */
public final class NewContact extends ClientForm<NewContact> {

    @Size(max = 100, message = "{contact.name.long}")
    String first;
    @Size(max = 100, message = "{contact.name.long}")
    String middle;
    @Size(max = 100, message = "{contact.name.long}")
    String last;
    CompanyId company;
    LocalDate birthDate;
    @Size(max = 200, message = "{contact.position.long}")
    String position;

    private NewContact() {
    }

    @Override
    NewContact self() {
        return this;
    }

    /**
     * A person with a first and last name.
     *
     * @param first the first name
     * @param last the last name
     * @return the form
     */
    public static NewContact person(String first, String last) {
        NewContact form = new NewContact();
        form.first = first;
        form.last = last;
        return form;
    }

    /**
     * A person whose name is written as one piece, such as "Ivan" or "Ivan Petrov".
     *
     * @param name the name
     * @return the form
     */
    public static NewContact named(String name) {
        NewContact form = new NewContact();
        form.first = name;
        return form;
    }

    /** The form of a stored contact, which an update changes and the create path checks again. */
    static NewContact of(Contact c) {
        NewContact form = new NewContact();
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
    public NewContact firstName(String value) {
        this.first = value;
        return this;
    }

    /**
     * Sets the middle name (patronymic).
     *
     * @param value the name
     * @return this form
     */
    public NewContact middleName(String value) {
        this.middle = value;
        return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the name
     * @return this form
     */
    public NewContact lastName(String value) {
        this.last = value;
        return this;
    }

    /**
     * Links the person to a company (CON-1).
     *
     * @param value the company, or null for none
     * @return this form
     */
    public NewContact company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the birth date.
     *
     * @param value the date, or null for none
     * @return this form
     */
    public NewContact birthDate(LocalDate value) {
        this.birthDate = value;
        return this;
    }

    /**
     * Sets the job title.
     *
     * @param value the title, or null for none
     * @return this form
     */
    public NewContact position(String value) {
        this.position = value;
        return this;
    }
}
