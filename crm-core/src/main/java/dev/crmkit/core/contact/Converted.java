package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.lead.Lead;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lead became when it was converted or accepted (LEAD-3, LEAD-4), as stored.
 *
 * @param lead the lead, marked converted or accepted, with references to the rest
 * @param contact the contact: a stored one reused, or made from the lead's data
 * @param contactReused whether the contact was stored before (the lead's own, the one asked for, or a
 *        duplicate of the lead's data), rather than made by the conversion
 * @param company the company, when one was asked for
 * @param deal the deal made from the lead
 */
public record Converted(Lead lead, Contact contact, boolean contactReused, Optional<Company> company, Deal deal) {

    /** Rejects nulls. */
    public Converted {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(deal, "deal");
    }
}
