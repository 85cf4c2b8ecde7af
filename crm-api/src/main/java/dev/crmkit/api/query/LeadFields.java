package dev.crmkit.api.query;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.List;

/** The standard fields of a {@link Lead} that filters and sorts may name (DEAL-11). */
public final class LeadFields {

    /** The id. */
    public static final Field<Lead, LeadId> ID = Field.of("id", LeadId.class, Lead::id);
    /** The name. */
    public static final Field<Lead, String> NAME = Field.of("name", String.class, Lead::name);
    /** The status. */
    public static final Field<Lead, LeadStatus> STATUS = Field.of("status", LeadStatus.class, Lead::status);
    /** The source. */
    public static final Field<Lead, LeadSource> SOURCE = Field.of("source", LeadSource.class, Lead::source);
    /** The responsible user. */
    public static final Field<Lead, UserId> RESPONSIBLE = Field.of("responsible", UserId.class, Lead::responsible);
    /** The contact. */
    public static final Field<Lead, ContactId> CONTACT = Field.optional("contact", ContactId.class, Lead::contact);
    /** The company. */
    public static final Field<Lead, CompanyId> COMPANY = Field.optional("company", CompanyId.class, Lead::company);
    /** When the lead was created. */
    public static final Field<Lead, Instant> CREATED = Field.of("created", Instant.class, Lead::created);


    /**
     * Every field above: the only ones a query of {@code Lead} may filter and sort by, in every adapter.
     */
    public static final List<Field<Lead, ?>> ALL = List.of(ID, NAME, STATUS, SOURCE, RESPONSIBLE, CONTACT, COMPANY,
            CREATED);

    private LeadFields() {
    }
}
