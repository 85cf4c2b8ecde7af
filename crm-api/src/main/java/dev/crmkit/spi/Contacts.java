package dev.crmkit.spi;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import java.util.List;

/** The contacts (persons) (CON-1), with the lookups duplicate detection needs. */
public interface Contacts extends Clients<ContactId, Contact> {

    /**
     * The contacts linked to a company, in id order.
     *
     * @param company the company
     * @return its contacts
     */
    List<Contact> byCompany(CompanyId company);
}
