package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.HashSet;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.phone.PhoneMatcher;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

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
        return of(c.name().matchKey(), c, matcher, c.birthDate().orElse(null));
    }

    /** Only the keys of the given fields (the others empty): what duplicate checks and scans need. */
    static MatchKeys of(Contact c, PhoneMatcher matcher, Set<MatchField> fields) {
        Set<String> phones = Set.of();
        Set<String> index = Set.of();
        if (fields.contains(MatchField.PHONE) && !c.phones().isEmpty()) {
            if (c.phones().size() == 1) {
                PhoneNumber n = c.phones().get(0).number();
                phones = Set.of(matcher.key(n));
                index = Set.of(n.indexKey());
            } else {
                phones = new HashSet<>();
                index = new HashSet<>();
                for (ContactPhone p : c.phones()) {
                    phones.add(matcher.key(p.number()));
                    index.add(p.number().indexKey());
                }
            }
        }
        Set<String> emails = Set.of();
        if (fields.contains(MatchField.EMAIL) && !c.emails().isEmpty()) {
            if (c.emails().size() == 1) {
                emails = Set.of(c.emails().get(0).email().normalized());
            } else {
                emails = new HashSet<>();
                for (ContactEmail e : c.emails()) {
                    emails.add(e.email().normalized());
                }
            }
        }
        return new MatchKeys(fields.contains(MatchField.NAME) ? c.name().matchKey() : "", phones, index, emails,
                fields.contains(MatchField.BIRTH_DATE) ? c.birthDate().orElse(null) : null);
    }

    static MatchKeys of(Company c, PhoneMatcher matcher) {
        return of(Names.matchKey(c.name()), c, matcher, null);
    }

    private static MatchKeys of(String name, Client c, PhoneMatcher matcher, LocalDate birthDate) {
        return new MatchKeys(name,
                c.phones().stream().map(p -> matcher.key(p.number())).collect(Collectors.toUnmodifiableSet()),
                c.phones().stream().map(p -> p.number().indexKey()).collect(Collectors.toUnmodifiableSet()),
                c.emails().stream().map(e -> e.email().normalized()).collect(Collectors.toUnmodifiableSet()),
                birthDate);
    }
}
