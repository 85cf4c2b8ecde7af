package dev.crmkit.core.contact;

import java.util.List;

import dev.crmkit.api.contact.PersonName;

import dev.crmkit.api.lead.Lead;

import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.EnumSet;
import java.util.HashSet;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.phone.PhoneMatcher;
import java.time.LocalDate;
import java.util.Set;

/**
 * What duplicate rules compare of a contact or company: its name key, its phones by the policy's
 * matcher (and by index key, for lookups), its normalized e-mails and its birth date.
 *
 * @param name the name's match key, empty when there is none
 * @param phones the phones' matcher keys
 * @param phoneIndex the phones' index keys
 * @param emails the normalized e-mails
 * @param birthDate the birth date, or null
 */
record MatchKeys(String name, Set<String> phones, Set<String> phoneIndex, Set<String> emails, LocalDate birthDate) {

    static MatchKeys of(Contact c, PhoneMatcher matcher) {
        return of(c, matcher, EnumSet.allOf(MatchField.class));
    }

    static MatchKeys of(Company c, PhoneMatcher matcher) {
        return of(c, matcher, EnumSet.allOf(MatchField.class));
    }

    /** Only the keys of the given fields (the others empty): what duplicate checks and scans need. */
    static MatchKeys of(Contact c, PhoneMatcher matcher, Set<MatchField> fields) {
        return of(c, fields.contains(MatchField.NAME) ? c.name().matchKey() : "",
                fields.contains(MatchField.BIRTH_DATE) ? c.birthDate().orElse(null) : null, matcher, fields);
    }

    /** Only the keys of the given fields; a company has no birth date. */
    static MatchKeys of(Company c, PhoneMatcher matcher, Set<MatchField> fields) {
        return of(c, fields.contains(MatchField.NAME) ? Names.matchKey(c.name()) : "", null, matcher, fields);
    }

    /** The keys of the contact data a lead carries (LEAD-4): no name key when it names no person. */
    static MatchKeys of(Lead l, PhoneMatcher matcher, Set<MatchField> fields) {
        return of(l.phones(), l.emails(), fields.contains(MatchField.NAME) ? l.person().map(PersonName::matchKey)
                .orElse("") : "", null, matcher, fields);
    }

    private static MatchKeys of(Client c, String name, LocalDate birthDate, PhoneMatcher matcher,
                                Set<MatchField> fields) {
        return of(c.phones(), c.emails(), name, birthDate, matcher, fields);
    }

    private static MatchKeys of(List<ContactPhone> numbers, List<ContactEmail> addresses, String name,
                                LocalDate birthDate, PhoneMatcher matcher, Set<MatchField> fields) {
        Set<String> phones = Set.of();
        Set<String> index = Set.of();
        if (fields.contains(MatchField.PHONE) && !numbers.isEmpty()) {
            if (numbers.size() == 1) {
                PhoneNumber n = numbers.get(0).number();
                phones = Set.of(matcher.key(n));
                index = Set.of(n.indexKey());
            } else {
                phones = new HashSet<>();
                index = new HashSet<>();
                for (ContactPhone p : numbers) {
                    phones.add(matcher.key(p.number()));
                    index.add(p.number().indexKey());
                }
            }
        }
        Set<String> emails = Set.of();
        if (fields.contains(MatchField.EMAIL) && !addresses.isEmpty()) {
            if (addresses.size() == 1) {
                emails = Set.of(addresses.get(0).email().normalized());
            } else {
                emails = new HashSet<>();
                for (ContactEmail e : addresses) {
                    emails.add(e.email().normalized());
                }
            }
        }
        return new MatchKeys(name, phones, index, emails, birthDate);
    }
}
