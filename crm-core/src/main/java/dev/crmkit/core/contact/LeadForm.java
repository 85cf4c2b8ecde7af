package dev.crmkit.core.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.TextValue;
import java.util.Objects;

/**
 * The values of a lead (LEAD-1, LEAD-2), as a request brings them: a title, where it came from, who handles
 * it, and the contact data of the person who sent it, which conversion turns into a contact (LEAD-4). For a
 * new lead, {@code LeadForm.named("Chairs for the office").source(LeadSource.WEB_FORM).person("Ivan",
 * "Petrov").phone("+7 901 776-34-34")}; a lead that should wait in Unsorted for someone to accept it is
 * {@link #unsorted()} (LEAD-3). For a stored lead, the edit given to {@link LeadService#update} gets the
 * form filled with its values; its web analytics values ({@link #utm}) are set once, when the lead is
 * created, and an edit that changes them is refused. Not thread-safe.
 */
public final class LeadForm extends ContactDataForm<LeadForm> {

    @TextValue(max = Limits.NAME)
    String name;
    LeadSource source = LeadSource.MANUAL;
    boolean unsorted;
    UserId responsible;
    String first;
    String middle;
    String last;
    @TextValue(max = Limits.NAME)
    String companyName;
    ContactId contact;
    CompanyId company;
    Money budget;
    Utm utm = Utm.none();

    private LeadForm() {
    }

    @Override
    LeadForm self() {
        return this;
    }

    /**
     * A lead with a short title of the request.
     *
     * @param name the title
     * @return the form
     */
    public static LeadForm named(String name) {
        LeadForm form = new LeadForm();
        form.name = Text.normalize(name);
        return form;
    }

    /** The form filled with a stored lead's values, for an edit. */
    static LeadForm of(Lead l) {
        LeadForm form = named(l.name());
        form.source = l.source();
        form.responsible = l.responsible();
        l.person().ifPresent(p -> {
            form.first = p.first().orElse(null);
            form.middle = p.middle().orElse(null);
            form.last = p.last().orElse(null);
        });
        form.reachableAt(l.phones(), l.emails());
        form.companyName = l.companyName().orElse(null);
        form.contact = l.contact().orElse(null);
        form.company = l.company().orElse(null);
        form.budget = l.budget().orElse(null);
        form.utm = l.utm();
        form.tags.addAll(l.tags());
        form.customFields.load(l.customFields());
        return form;
    }

    /**
     * Sets the title.
     *
     * @param value the title
     * @return this form
     */
    public LeadForm name(String value) {
        this.name = Text.normalize(value);
        return this;
    }

    /**
     * Sets where the request came from (LEAD-2); {@link LeadSource#MANUAL} by default.
     *
     * @param value the source
     * @return this form
     */
    public LeadForm source(LeadSource value) {
        this.source = Objects.requireNonNull(value, "source");
        return this;
    }

    /**
     * Puts a new lead in Unsorted, the inbox of requests no one accepted yet (LEAD-3); ignored on an edit.
     *
     * @return this form
     */
    public LeadForm unsorted() {
        this.unsorted = true;
        return this;
    }

    /**
     * Sets the responsible user (by default the acting user); leads of one contact may have different ones.
     *
     * @param value the user
     * @return this form
     */
    public LeadForm responsible(UserId value) {
        this.responsible = value;
        return this;
    }

    /**
     * Sets the name of the person who sent the request.
     *
     * @param firstName the first name, or null
     * @param lastName the last name, or null
     * @return this form
     */
    public LeadForm person(String firstName, String lastName) {
        this.first = Text.normalize(firstName);
        this.last = Text.normalize(lastName);
        return this;
    }

    /**
     * Sets the middle name of the person who sent the request.
     *
     * @param value the middle name, or null
     * @return this form
     */
    public LeadForm middleName(String value) {
        this.middle = Text.normalize(value);
        return this;
    }







    /**
     * Sets the name of the company the request came from.
     *
     * @param value the name, or null for none
     * @return this form
     */
    public LeadForm companyName(String value) {
        this.companyName = Text.normalize(value);
        return this;
    }

    /**
     * Names the stored contact who sent the request, when it is known.
     *
     * @param value the contact, or null for none
     * @return this form
     */
    public LeadForm contact(ContactId value) {
        this.contact = value;
        return this;
    }

    /**
     * Names the stored company the request came from, when it is known.
     *
     * @param value the company, or null for none
     * @return this form
     */
    public LeadForm company(CompanyId value) {
        this.company = value;
        return this;
    }

    /**
     * Sets the expected amount.
     *
     * @param value the amount, or null for none
     * @return this form
     */
    public LeadForm budget(Money value) {
        this.budget = value;
        return this;
    }

    /**
     * Sets the web analytics values a web form captured (LEAD-2): set when the lead is created, read-only
     * afterwards.
     *
     * @param value the values
     * @return this form
     */
    public LeadForm utm(Utm value) {
        this.utm = Objects.requireNonNull(value, "utm");
        return this;
    }


}
