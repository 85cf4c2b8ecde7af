package dev.crmkit.spi;

import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadId;
import java.util.List;

/** The leads, including those in the Unsorted inbox (LEAD-1, LEAD-3). */
public interface Leads extends Store<LeadId, Lead> {

    /**
     * The leads of a contact, in id order.
     *
     * @param contact the contact
     * @return its leads
     */
    List<Lead> byContact(ContactId contact);
}
