package dev.crmkit.api.deal;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.HasCustomFields;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A potential sale moving through the stages of one pipeline (DEAL-1, DEAL-9): in exactly one pipeline,
 * at one stage of it, with exactly one responsible user. Whether the stage belongs to the pipeline and
 * whether a loss reason goes with the Lost stage is checked by crm-core, which knows the pipelines.
 * Build one with {@link #builder()}.
 *
 * @param id the deal's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the deal was created
 * @param updated when it last changed
 * @param name the deal's name, never blank
 * @param pipeline the pipeline the deal is in
 * @param stage the current stage, one of the pipeline's
 * @param stageEntered when the deal entered its current stage
 * @param responsible the one responsible user (DEAL-1)
 * @param contacts the contacts of the deal, the main one first, each once
 * @param company the company of the deal
 * @param productGroup the product group (DEAL-5, DEAL-8)
 * @param source where the deal came from
 * @param budget the budget with its type (DEAL-9)
 * @param expectedClose the expected close date
 * @param products product lines (DEAL-9)
 * @param closed when the deal entered Won or Lost; empty while it is open
 * @param lossReason why the deal was lost (DEAL-9)
 * @param lead the lead the deal came from
 * @param restrictedTo when not empty, only these users (and admins) may see the deal (USER-5)
 * @param tags free tags, in the order given
 * @param customFields values of custom fields
 */
@WithBuilder
public record Deal(DealId id, long version, Instant created, Instant updated, String name, PipelineId pipeline,
                   StageId stage, Instant stageEntered, UserId responsible, List<ContactId> contacts,
                   Optional<CompanyId> company, Optional<ProductGroupId> productGroup, Optional<LeadSource> source,
                   Optional<Budget> budget, Optional<LocalDate> expectedClose, List<ProductLine> products,
                   Optional<Instant> closed, Optional<LossReasonId> lossReason, Optional<LeadId> lead,
                   Set<UserId> restrictedTo, Set<String> tags, CustomFieldValues customFields)
        implements Entity<DealId>, HasCustomFields, DealBuilder.ToBuilder {

    /** Checks the invariants and copies the collections. */
    public Deal {
        Checks.present("id, created, updated, pipeline, stage, stageEntered, responsible, company, productGroup, "
                + "source, budget, expectedClose, closed, lossReason, lead, customFields", id, created, updated,
                pipeline, stage, stageEntered, responsible, company, productGroup, source, budget, expectedClose,
                closed, lossReason, lead, customFields);
        Checks.notBlank(name, "name");
        contacts = List.copyOf(contacts);
        if (contacts.stream().distinct().count() != contacts.size()) {
            throw new IllegalArgumentException("a deal lists each contact once: " + contacts);
        }
        products = List.copyOf(products);
        restrictedTo = Checks.orderedCopy(restrictedTo);
        tags = Checks.orderedCopy(tags);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static DealBuilder builder() {
        return new DealBuilder();
    }

    /**
     * Whether the deal is open: not yet Won or Lost.
     *
     * @return true while it is open
     */
    public boolean isOpen() {
        return closed.isEmpty();
    }
}
