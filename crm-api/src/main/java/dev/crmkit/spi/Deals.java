package dev.crmkit.spi;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import java.util.List;

/** The deals (DEAL-1). */
public interface Deals extends Store<DealId, Deal> {

    /**
     * The deals that list a contact, in id order.
     *
     * @param contact the contact
     * @return its deals
     */
    List<Deal> byContact(ContactId contact);

    /**
     * The deals of a company, in id order.
     *
     * @param company the company
     * @return its deals
     */
    List<Deal> byCompany(CompanyId company);
}
