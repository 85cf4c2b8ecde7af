package dev.crmkit.spi;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The contacts (persons) (CON-1), with the lookups duplicate detection needs. */
public interface Contacts extends Clients<ContactId, Contact> {

    /**
     * The contacts linked to a company, in id order.
     *
     * @param company the company
     * @return its contacts
     */
    List<Contact> byCompany(CompanyId company);

    /**
     * The contacts whose name has the {@linkplain dev.crmkit.api.contact.Names#matchKey(String) match key} {@code key}
     * and who were born on {@code day}, in id order: what a duplicate check under a rule of the name with the birth
     * date (Bitrix24's) looks up, so that namesakes born on other days are not read. The default filters {@link
     * #byNameKey}; an adapter that can look both up at once overrides it, with the same result.
     *
     * @param key a name match key
     * @param day the birth date
     * @return the contacts, each once
     */
    default List<Contact> byNameKeyAndBirthDate(String key, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return byNameKey(key).stream().filter(c -> c.birthDate().filter(day::equals).isPresent()).toList();
    }
}
