package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The record a merge leaves (CON-6): per field the survivor wins unless its value is empty, then the
 * first of the others that has one; phones, e-mails, tags and links are united without duplicates;
 * custom fields the survivor lacks come from the others. Pure.
 */
final class MergeRule {

    private MergeRule() {
    }

    static Contact merge(Contact survivor, List<Contact> others, Instant now) {
        List<Contact> all = new ArrayList<>();
        all.add(survivor);
        all.addAll(others);
        PersonName name = new PersonName(first(all, c -> c.name().first()), first(all, c -> c.name().middle()),
                first(all, c -> c.name().last()));
        List<ContactPhone> phones = new ArrayList<>();
        LinkedHashSet<Object> seenPhones = new LinkedHashSet<>();
        List<ContactEmail> emails = new ArrayList<>();
        LinkedHashSet<Object> seenEmails = new LinkedHashSet<>();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        LinkedHashSet<URI> links = new LinkedHashSet<>();
        Map<CustomFieldId, FieldValue> fields = new LinkedHashMap<>();
        for (Contact c : all) {
            for (ContactPhone p : c.phones()) {
                if (seenPhones.add(p.number())) {
                    phones.add(p);
                }
            }
            for (ContactEmail e : c.emails()) {
                if (seenEmails.add(e.email())) {
                    emails.add(e);
                }
            }
            tags.addAll(c.tags());
            links.addAll(c.links());
            c.customFields().values().forEach(fields::putIfAbsent);
        }
        return survivor.toBuilder().version(survivor.version() + 1).updated(now).name(name)
                .company(first(all, Contact::company)).birthDate(first(all, Contact::birthDate))
                .position(first(all, Contact::position)).type(first(all, Contact::type))
                .temperature(first(all, Contact::temperature)).currency(first(all, Contact::currency))
                .photo(first(all, Contact::photo)).address(first(all, Contact::address))
                .description(first(all, Contact::description)).phones(phones).emails(emails).tags(tags).links(links)
                .customFields(new dev.crmkit.api.field.CustomFieldValues(fields)).build();
    }

    private static <T> Optional<T> first(List<Contact> all, Function<Contact, Optional<T>> field) {
        return all.stream().map(field).flatMap(Optional::stream).findFirst();
    }
}
