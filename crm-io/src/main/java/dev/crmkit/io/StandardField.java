package dev.crmkit.io;

import dev.crmkit.api.EntityType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The standard fields a column can be imported into, each for the entity types that have it. A cell of
 * {@link #PHONE}, {@link #EMAIL} or {@link #TAG} may hold several values separated by semicolons; dates are
 * {@code yyyy-MM-dd} or {@code dd.MM.yyyy}.
 */
public enum StandardField {
    /** A contact's name as one text (its first name part), a company's, a lead's or a deal's name. */
    NAME("name", EntityType.CONTACT, EntityType.COMPANY, EntityType.LEAD, EntityType.DEAL),
    /** A person's first name. */
    FIRST_NAME("first_name", EntityType.CONTACT, EntityType.LEAD),
    /** A person's middle name. */
    MIDDLE_NAME("middle_name", EntityType.CONTACT, EntityType.LEAD),
    /** A person's last name. */
    LAST_NAME("last_name", EntityType.CONTACT, EntityType.LEAD),
    /** Phones (work phones), separated by semicolons. */
    PHONE("phone", EntityType.CONTACT, EntityType.COMPANY, EntityType.LEAD),
    /** E-mail addresses (work addresses), separated by semicolons. */
    EMAIL("email", EntityType.CONTACT, EntityType.COMPANY, EntityType.LEAD),
    /** Tags, separated by semicolons. */
    TAG("tag", EntityType.CONTACT, EntityType.COMPANY, EntityType.LEAD, EntityType.DEAL),
    /** A contact's job title. */
    POSITION("position", EntityType.CONTACT),
    /** A contact's birth date. */
    BIRTH_DATE("birth_date", EntityType.CONTACT),
    /** A contact's or company's description. */
    DESCRIPTION("description", EntityType.CONTACT, EntityType.COMPANY),
    /** A lead's company name, as the client gave it. */
    COMPANY_NAME("company_name", EntityType.LEAD),
    /** A deal's stage, by the name of an open stage of the import's pipeline (the first stage when empty). */
    STAGE("stage", EntityType.DEAL),
    /** A deal's expected close date. */
    EXPECTED_CLOSE("expected_close", EntityType.DEAL),
    /** A deal's responsible user, by e-mail or by name (one active user must have it; the importing user when empty). */
    RESPONSIBLE("responsible", EntityType.DEAL),
    /** A deal's budget amount, a decimal with a point ({@code 1054.50}); its currency is {@link #CURRENCY}'s. */
    BUDGET("budget", EntityType.DEAL),
    /** The ISO 4217 code of a deal's budget ({@code USD}); the policy's report currency when empty. */
    CURRENCY("currency", EntityType.DEAL),
    /** A deal's company, by the exact name of one stored company the importing user may see. */
    COMPANY("company", EntityType.DEAL);

    private final String key;
    private final Set<EntityType> entities;

    StandardField(String key, EntityType first, EntityType... more) {
        this.key = key;
        this.entities = EnumSet.of(first, more);
    }

    /**
     * The field's name in problems and in the header of an export.
     *
     * @return a lower-case name such as {@code first_name}
     */
    public String key() {
        return key;
    }

    /**
     * Whether records of a type have this field.
     *
     * @param entity the entity type
     * @return true when an import of that type can fill it
     */
    public boolean appliesTo(EntityType entity) {
        return entities.contains(entity);
    }
}
