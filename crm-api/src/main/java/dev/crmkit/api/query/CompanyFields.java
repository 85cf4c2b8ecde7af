package dev.crmkit.api.query;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.List;

/** The standard fields of a {@link Company} that filters and sorts may name (DEAL-11). */
public final class CompanyFields {

    /** The id. */
    public static final Field<Company, CompanyId> ID = Field.of("id", CompanyId.class, Company::id);
    /** The name. */
    public static final Field<Company, String> NAME = Field.of("name", String.class, Company::name);
    /** The responsible user. */
    public static final Field<Company, UserId> RESPONSIBLE = Field.of("responsible", UserId.class, Company::responsible);
    /** The access level (CON-8). */
    public static final Field<Company, AccessLevel> ACCESS = Field.of("access", AccessLevel.class, Company::access);
    /** The managers besides the responsible user (many-valued, CON-8). */
    public static final Field<Company, UserId> MANAGER = Field.many("manager", UserId.class, Company::managers);
    /** The contact type. */
    public static final Field<Company, ContactTypeId> TYPE = Field.optional("type", ContactTypeId.class, Company::type);
    /** The temperature level. */
    public static final Field<Company, TemperatureLevelId> TEMPERATURE =
            Field.optional("temperature", TemperatureLevelId.class, Company::temperature);
    /** When the company was created. */
    public static final Field<Company, Instant> CREATED = Field.of("created", Instant.class, Company::created);
    /** The tags (many-valued). */
    public static final Field<Company, String> TAG = Field.many("tag", String.class, Company::tags);


    /**
     * Every field above: the only ones a query of {@code Company} may filter and sort by, in every adapter.
     */
    public static final List<Field<Company, ?>> ALL = List.of(ID, NAME, RESPONSIBLE, ACCESS, MANAGER, TYPE, TEMPERATURE, CREATED,
            TAG);

    private CompanyFields() {
    }
}
