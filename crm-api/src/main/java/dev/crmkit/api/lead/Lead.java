package dev.crmkit.api.lead;

import dev.crmkit.api.Entity;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.HasCustomFields;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An inbound request or potential sale (LEAD-1), possibly still in the Unsorted inbox (LEAD-3); once
 * converted it keeps references to what it became (LEAD-4). Build one with {@link #builder()}.
 *
 * @param id the lead's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the lead was created
 * @param updated when it last changed
 * @param name a short title of the request, never blank
 * @param source where the request came from (LEAD-2)
 * @param status the lead's status
 * @param responsible the responsible user
 * @param person the name of the person who made the request, as given
 * @param phones the phones given with the request
 * @param emails the e-mails given with the request
 * @param companyName the company named with the request
 * @param contact the contact that made the request, when known
 * @param company the company of the request, when known
 * @param budget the expected amount
 * @param utm web analytics values captured with a web form (LEAD-2), read-only once set
 * @param convertedDeal the deal this lead became (LEAD-4)
 * @param convertedContact the contact this lead became (LEAD-4)
 * @param convertedCompany the company this lead became (LEAD-4)
 * @param decided when it was accepted, declined, linked or converted (LEAD-3, LEAD-4)
 * @param decidedBy who accepted, declined, linked or converted it
 * @param tags free tags, in the order given
 * @param customFields values of custom fields
 */
@WithBuilder
public record Lead(LeadId id, long version, Instant created, Instant updated, String name, LeadSource source,
                   LeadStatus status, UserId responsible, Optional<PersonName> person, List<ContactPhone> phones,
                   List<ContactEmail> emails, Optional<String> companyName, Optional<ContactId> contact,
                   Optional<CompanyId> company, Optional<Money> budget, Utm utm, Optional<DealId> convertedDeal,
                   Optional<ContactId> convertedContact, Optional<CompanyId> convertedCompany,
                   Optional<Instant> decided, Optional<UserId> decidedBy, Set<String> tags,
                   CustomFieldValues customFields)
        implements Entity<LeadId>, HasCustomFields, LeadBuilder.ToBuilder {

    /** Checks the invariants and copies the tags. */
    public Lead {
        Checks.present("id, created, updated, source, status, responsible, person, companyName, contact, company, "
                + "budget, utm, convertedDeal, convertedContact, convertedCompany, decided, decidedBy, customFields",
                id, created, updated, source, status, responsible, person, companyName, contact, company, budget, utm,
                convertedDeal, convertedContact, convertedCompany, decided, decidedBy, customFields);
        Checks.notBlank(name, "name");
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        tags = Checks.orderedCopy(tags);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static LeadBuilder builder() {
        return new LeadBuilder();
    }

    /**
     * Whether the lead is still to be handled: new or waiting in Unsorted, not yet accepted, declined,
     * linked or converted.
     *
     * @return true while it is open
     */
    public boolean isOpen() {
        return status == LeadStatus.NEW || status == LeadStatus.UNSORTED;
    }
}
