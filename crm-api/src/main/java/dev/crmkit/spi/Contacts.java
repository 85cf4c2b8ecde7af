package dev.crmkit.spi;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import java.util.List;
import java.util.Set;

/** The contacts (persons) (CON-1). */
public interface Contacts extends Store<ContactId, Contact> {

    /**
     * The contacts linked to a company, in id order.
     *
     * @param company the company
     * @return its contacts
     */
    List<Contact> byCompany(CompanyId company);

    /**
     * The records with a phone whose {@link dev.crmkit.api.phone.PhoneNumber#indexKey() index key} is one of
     * {@code keys}, in id order (duplicate detection, CON-4, CON-5).
     *
     * @param keys index keys
     * @return the records, each once
     */
    List<Contact> byPhoneKeys(Set<String> keys);

    /**
     * The records with an e-mail whose {@link dev.crmkit.api.contact.Email#normalized() normalized form} is one
     * of {@code emails}, in id order (CON-3, CON-5).
     *
     * @param emails normalized addresses
     * @return the records, each once
     */
    List<Contact> byEmails(Set<String> emails);

    /**
     * The records whose name has the {@link dev.crmkit.api.contact.Names#matchKey(String) match key}
     * {@code key}, in id order (CON-5).
     *
     * @param key a name match key
     * @return the records
     */
    List<Contact> byNameKey(String key);
}
