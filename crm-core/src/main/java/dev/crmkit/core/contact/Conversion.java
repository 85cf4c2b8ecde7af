package dev.crmkit.core.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.TextValue;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a lead becomes a deal (LEAD-3, LEAD-4): the pipeline (its first stage unless {@link #stage} is
 * given) and, optionally, the deal's name, responsible user and product group, a stored contact to use,
 * values that complete the contact made from the lead's data, and a company. By default the contact is the
 * lead's own, else a stored contact that its data duplicates (CON-5: reused, never duplicated), else a new
 * one; no company is made unless {@link #withCompany()} or {@link #company(CompanyId)} asks for one.
 * Not thread-safe.
 */
public final class Conversion {

    final PipelineId pipeline;
    StageId stage;
    @TextValue(max = Limits.NAME)
    String dealName;
    UserId responsible;
    ProductGroupId productGroup;
    ContactId contact;
    Consumer<? super ContactForm> completeContact = c -> { };
    boolean withCompany;
    CompanyId company;

    private Conversion(PipelineId pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /**
     * A conversion into a deal of a pipeline.
     *
     * @param pipeline the pipeline
     * @return the conversion
     */
    public static Conversion into(PipelineId pipeline) {
        return new Conversion(pipeline);
    }

    /**
     * Sets the open stage the deal starts at; the pipeline's first by default.
     *
     * @param value a stage of the pipeline
     * @return this conversion
     */
    public Conversion stage(StageId value) {
        this.stage = Objects.requireNonNull(value, "stage");
        return this;
    }

    /**
     * Names the deal; by default it takes the lead's title.
     *
     * @param value the name
     * @return this conversion
     */
    public Conversion dealName(String value) {
        this.dealName = Text.normalize(Objects.requireNonNull(value, "dealName"));
        return this;
    }

    /**
     * Sets the deal's responsible user; the lead's by default.
     *
     * @param value the user
     * @return this conversion
     */
    public Conversion responsible(UserId value) {
        this.responsible = Objects.requireNonNull(value, "responsible");
        return this;
    }

    /**
     * Sets the deal's product group (DEAL-8 counts open deals per product group).
     *
     * @param value the group
     * @return this conversion
     */
    public Conversion productGroup(ProductGroupId value) {
        this.productGroup = Objects.requireNonNull(value, "productGroup");
        return this;
    }

    /**
     * Uses a stored contact instead of the lead's own or a match of its data.
     *
     * @param value the contact
     * @return this conversion
     */
    public Conversion contact(ContactId value) {
        this.contact = Objects.requireNonNull(value, "contact");
        return this;
    }

    /**
     * Completes the contact made from the lead's data when no stored one is used, with values the policy
     * requires and the lead does not carry: {@code c -> c.birthDate(LocalDate.of(1990, 5, 17))}.
     *
     * @param edit what to set on the new contact's form
     * @return this conversion
     */
    public Conversion completeContact(Consumer<? super ContactForm> edit) {
        this.completeContact = Objects.requireNonNull(edit, "edit");
        return this;
    }

    /**
     * Also links the deal to a company: the lead's own, else a stored company the policy's company criteria
     * match by the lead's company name alone (none under the presets, whose criteria also need a phone or an
     * e-mail of the company), else a new one of that name. A contact the conversion makes is linked to it
     * too; a stored contact keeps its company.
     *
     * @return this conversion
     */
    public Conversion withCompany() {
        this.withCompany = true;
        return this;
    }

    /**
     * Links the deal, and a contact the conversion makes, to a stored company.
     *
     * @param value the company
     * @return this conversion
     */
    public Conversion company(CompanyId value) {
        this.company = Objects.requireNonNull(value, "company");
        this.withCompany = true;
        return this;
    }
}
