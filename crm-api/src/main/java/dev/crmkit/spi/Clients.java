package dev.crmkit.spi;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.Client;
import java.util.List;
import java.util.Set;

/**
 * The lookups duplicate detection needs (CON-3 to CON-5), the same for contacts and companies.
 *
 * @param <I> the id type
 * @param <E> the record type
 */
public interface Clients<I extends EntityId, E extends Entity<I> & Client> extends Store<I, E> {

    /**
     * The records with a phone whose {@link dev.crmkit.api.phone.PhoneNumber#indexKey() index key} is one of
     * {@code keys}, in id order.
     *
     * @param keys index keys
     * @return the records, each once
     */
    List<E> byPhoneKeys(Set<String> keys);

    /**
     * The records with an e-mail whose {@link dev.crmkit.api.contact.Email#normalized() normalized form} is one
     * of {@code emails}, in id order.
     *
     * @param emails normalized addresses
     * @return the records, each once
     */
    List<E> byEmails(Set<String> emails);

    /**
     * The records whose name has the {@link dev.crmkit.api.contact.Names#matchKey(String) match key}
     * {@code key}, in id order.
     *
     * @param key a name match key
     * @return the records
     */
    List<E> byNameKey(String key);
}
