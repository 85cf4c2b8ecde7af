package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.phone.PhoneMatcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a merged contact looks like (CON-6): per field the survivor's value wins unless it is empty, then
 * the first other contact's that has one; phones are united by the policy's match key (one number in two
 * spellings is kept once, in the survivor's spelling), e-mails by their normalized form, tags, links and
 * custom fields too. Pure: it gets records and returns one, at the survivor's version.
 */
final class MergeRule {

    private MergeRule() {
    }

    static Contact merge(Contact survivor, List<Contact> others, PhoneMatcher matcher) {
        List<Contact> all = new ArrayList<>();
        all.add(survivor);
        all.addAll(others);
        PersonName name = new PersonName(first(all, c -> c.name().first()), first(all, c -> c.name().middle()),
                first(all, c -> c.name().last()));
        List<ContactPhone> phones = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        List<ContactEmail> emails = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<URI> links = new LinkedHashSet<>();
        Map<CustomFieldId, FieldValue> fields = new LinkedHashMap<>();
        for (Contact c : all) {
            for (ContactPhone p : c.phones()) {
                if (numbers.add(matcher.key(p.number()))) {
                    phones.add(p);
                }
            }
            for (ContactEmail e : c.emails()) {
                if (addresses.add(e.email().normalized())) {
                    emails.add(e);
                }
            }
            tags.addAll(c.tags());
            links.addAll(c.links());
            c.customFields().values().forEach(fields::putIfAbsent);
        }
        var b = survivor.toBuilder().name(name).phones(phones).emails(emails).tags(tags).links(links)
                .customFields(new CustomFieldValues(fields));
        first(all, Contact::company).ifPresent(b::company);
        first(all, Contact::birthDate).ifPresent(b::birthDate);
        first(all, Contact::position).ifPresent(b::position);
        first(all, Contact::type).ifPresent(b::type);
        first(all, Contact::temperature).ifPresent(b::temperature);
        first(all, Contact::currency).ifPresent(b::currency);
        first(all, Contact::photo).ifPresent(b::photo);
        first(all, Contact::address).ifPresent(b::address);
        first(all, Contact::description).ifPresent(b::description);
        return b.build();
    }

    private static <T> Optional<T> first(List<Contact> all, Function<Contact, Optional<T>> field) {
        return all.stream().map(field).flatMap(Optional::stream).findFirst();
    }
}
