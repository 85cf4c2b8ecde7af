package dev.crmkit.api.query;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The standard fields of a {@link Contact} that filters and sorts may name (DEAL-11). */
public final class ContactFields {

    /** The id. */
    public static final Field<Contact, ContactId> ID = Field.of("id", ContactId.class, Contact::id);
    /** The full name. */
    public static final Field<Contact, String> NAME = Field.of("name", String.class, c -> c.name().full());
    /** The company. */
    public static final Field<Contact, CompanyId> COMPANY = Field.optional("company", CompanyId.class, Contact::company);
    /** The responsible user. */
    public static final Field<Contact, UserId> RESPONSIBLE = Field.of("responsible", UserId.class, Contact::responsible);
    /** The access level (CON-8). */
    public static final Field<Contact, AccessLevel> ACCESS = Field.of("access", AccessLevel.class, Contact::access);
    /** The managers besides the responsible user (many-valued, CON-8). */
    public static final Field<Contact, UserId> MANAGER = Field.many("manager", UserId.class, Contact::managers);
    /** The contact type. */
    public static final Field<Contact, ContactTypeId> TYPE = Field.optional("type", ContactTypeId.class, Contact::type);
    /** The temperature level. */
    public static final Field<Contact, TemperatureLevelId> TEMPERATURE =
            Field.optional("temperature", TemperatureLevelId.class, Contact::temperature);
    /** The birth date. */
    public static final Field<Contact, LocalDate> BIRTH_DATE =
            Field.optional("birthDate", LocalDate.class, Contact::birthDate);
    /** When the contact was created. */
    public static final Field<Contact, Instant> CREATED = Field.of("created", Instant.class, Contact::created);
    /** When the contact was last changed. */
    public static final Field<Contact, Instant> UPDATED = Field.of("updated", Instant.class, Contact::updated);
    /** The tags (many-valued). */
    public static final Field<Contact, String> TAG = Field.many("tag", String.class, Contact::tags);


    /**
     * Every field above: the only ones a query of {@code Contact} may filter and sort by, in every adapter.
     */
    public static final List<Field<Contact, ?>> ALL = List.of(ID, NAME, COMPANY, RESPONSIBLE, ACCESS, MANAGER, TYPE, TEMPERATURE,
            BIRTH_DATE, CREATED, UPDATED, TAG);

    private ContactFields() {
    }
}
