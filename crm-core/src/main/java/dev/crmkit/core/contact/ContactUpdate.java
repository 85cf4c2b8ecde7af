package dev.crmkit.core.contact;

import dev.crmkit.api.contact.CompanyId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Changes to a stored contact; what is not mentioned stays as it is:
 * {@code ContactUpdate.changes().position("CFO").addPhone("+7 901 776-34-34", PhoneKind.MOBILE)}. It is
 * checked exactly as a new contact is (CON-2, CON-3, CON-5). Not thread-safe.
 */
public final class ContactUpdate extends ClientUpdate<ContactUpdate, NewContact> {

    private ContactUpdate() {
    }

    /**
     * No changes yet.
     *
     * @return the update
     */
    public static ContactUpdate changes() {
        return new ContactUpdate();
    }

    @Override
    ContactUpdate self() {
        return this;
    }

    /**
     * Sets the first name.
     *
     * @param name the name
     * @return this update
     */
    public ContactUpdate firstName(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.firstName(name));
    }

    /**
     * Sets the middle name (patronymic).
     *
     * @param name the name
     * @return this update
     */
    public ContactUpdate middleName(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.middleName(name));
    }

    /**
     * Removes the middle name.
     *
     * @return this update
     */
    public ContactUpdate clearMiddleName() {
        return change(f -> f.middleName(null));
    }

    /**
     * Sets the last name.
     *
     * @param name the name
     * @return this update
     */
    public ContactUpdate lastName(String name) {
        Objects.requireNonNull(name, "name");
        return change(f -> f.lastName(name));
    }

    /**
     * Removes the last name.
     *
     * @return this update
     */
    public ContactUpdate clearLastName() {
        return change(f -> f.lastName(null));
    }

    /**
     * Links the person to a company (CON-1).
     *
     * @param company the company
     * @return this update
     */
    public ContactUpdate company(CompanyId company) {
        Objects.requireNonNull(company, "company");
        return change(f -> f.company(company));
    }

    /**
     * Unlinks the person from their company.
     *
     * @return this update
     */
    public ContactUpdate clearCompany() {
        return change(f -> f.company(null));
    }

    /**
     * Sets the birth date.
     *
     * @param date the date
     * @return this update
     */
    public ContactUpdate birthDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return change(f -> f.birthDate(date));
    }

    /**
     * Removes the birth date.
     *
     * @return this update
     */
    public ContactUpdate clearBirthDate() {
        return change(f -> f.birthDate(null));
    }

    /**
     * Sets the job title.
     *
     * @param title the title
     * @return this update
     */
    public ContactUpdate position(String title) {
        Objects.requireNonNull(title, "title");
        return change(f -> f.position(title));
    }

    /**
     * Removes the job title.
     *
     * @return this update
     */
    public ContactUpdate clearPosition() {
        return change(f -> f.position(null));
    }
}
