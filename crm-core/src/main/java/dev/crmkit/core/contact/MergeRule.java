package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.user.UserId;
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
        List<Contact> all = all(survivor, others);
        PersonName name = new PersonName(first(all, c -> c.name().first()), first(all, c -> c.name().middle()),
                first(all, c -> c.name().last()));
        Union u = Union.of(all, matcher);
        var b = survivor.toBuilder().name(name).phones(u.phones).emails(u.emails).tags(u.tags).links(u.links)
                .managers(u.managers(survivor)).customFields(new CustomFieldValues(u.fields));
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

    /** A merged company, by the same rules: the survivor's name stays. */
    static Company merge(Company survivor, List<Company> others, PhoneMatcher matcher) {
        List<Company> all = all(survivor, others);
        Union u = Union.of(all, matcher);
        var b = survivor.toBuilder().phones(u.phones).emails(u.emails).tags(u.tags).links(u.links)
                .managers(u.managers(survivor)).customFields(new CustomFieldValues(u.fields));
        first(all, Company::type).ifPresent(b::type);
        first(all, Company::temperature).ifPresent(b::temperature);
        first(all, Company::currency).ifPresent(b::currency);
        first(all, Company::photo).ifPresent(b::photo);
        first(all, Company::address).ifPresent(b::address);
        first(all, Company::description).ifPresent(b::description);
        return b.build();
    }

    /** The many-valued fields of clients united: phones by match key, e-mails by normalized form. */
    private static final class Union {
        final List<ContactPhone> phones = new ArrayList<>();
        final List<ContactEmail> emails = new ArrayList<>();
        final Set<String> tags = new LinkedHashSet<>();
        final Set<URI> links = new LinkedHashSet<>();
        final Map<CustomFieldId, FieldValue> fields = new LinkedHashMap<>();
        /** Everyone who managed one of the records (CON-8): they keep seeing what it became. */
        final Set<UserId> managed = new LinkedHashSet<>();

        Set<UserId> managers(Client survivor) {
            Set<UserId> all = new LinkedHashSet<>(managed);
            all.remove(survivor.responsible());
            return all;
        }

        static Union of(List<? extends Client> all, PhoneMatcher matcher) {
            Union u = new Union();
            Set<String> numbers = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            for (Client c : all) {
                for (ContactPhone p : c.phones()) {
                    if (numbers.add(matcher.key(p.number()))) {
                        u.phones.add(p);
                    }
                }
                for (ContactEmail e : c.emails()) {
                    if (addresses.add(e.email().normalized())) {
                        u.emails.add(e);
                    }
                }
                u.tags.addAll(c.tags());
                u.links.addAll(c.links());
                c.customFields().values().forEach(u.fields::putIfAbsent);
                u.managed.add(c.responsible());
                u.managed.addAll(c.managers());
            }
            return u;
        }
    }

    private static <C> List<C> all(C survivor, List<C> others) {
        List<C> all = new ArrayList<>();
        all.add(survivor);
        all.addAll(others);
        return all;
    }

    private static <C, T> Optional<T> first(List<C> all, Function<C, Optional<T>> field) {
        return all.stream().map(field).flatMap(Optional::stream).findFirst();
    }
}
