package dev.crmkit.api.contact;

import dev.crmkit.api.Entity;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.HasCustomFields;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person the organization deals with (CON-1), possibly working for a {@link Company}, with the
 * attributes of CON-9. Build one with {@link #builder()}.
 *
 * @param id the contact's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the contact was created
 * @param updated when it last changed
 * @param name the person's name
 * @param company the company the person belongs to (CON-1)
 * @param birthDate the birth date
 * @param position the job title
 * @param phones phone numbers with their kinds
 * @param emails e-mail addresses with their kinds
 * @param tags free tags, in the order given
 * @param responsible the responsible user
 * @param type the contact type from the admin list (CON-9)
 * @param temperature the temperature level from the admin list (CON-9)
 * @param currency the currency the client pays in
 * @param photo a reference to a photo
 * @param links web site and social network links
 * @param address the postal address
 * @param description free text about the person
 * @param access who besides its managers may see and edit it (CON-8)
 * @param managers the users besides the responsible one who manage it: they see it when it is private and
 *        edit it when it is shared read-only (CON-8)
 * @param customFields values of custom fields
 */
@WithBuilder
public record Contact(ContactId id, long version, Instant created, Instant updated, PersonName name,
                      Optional<CompanyId> company, Optional<LocalDate> birthDate, Optional<String> position,
                      List<ContactPhone> phones, List<ContactEmail> emails, Set<String> tags, UserId responsible,
                      Optional<ContactTypeId> type, Optional<TemperatureLevelId> temperature,
                      Optional<Currency> currency, Optional<URI> photo, List<URI> links, Optional<Address> address,
                      Optional<String> description, AccessLevel access, Set<UserId> managers, CustomFieldValues customFields)
        implements Entity<ContactId>, Client, HasCustomFields, ContactBuilder.ToBuilder {

    /** Checks the invariants and copies the collections. */
    public Contact {
        Checks.present("id, created, updated, name, company, birthDate, position, responsible, type, temperature, "
                + "currency, photo, address, description, access, customFields", id, created, updated, name, company,
                birthDate, position, responsible, type, temperature, currency, photo, address, description, access,
                customFields);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        tags = Checks.orderedCopy(tags);
        links = List.copyOf(links);
        managers = managers == null ? Set.of() : Checks.orderedCopy(managers);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static ContactBuilder builder() {
        return new ContactBuilder();
    }
}
