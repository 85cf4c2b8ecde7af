package dev.crmkit.api.field;

/**
 * A record that carries custom-field values (DEAL-3): leads, contacts, companies and deals. Queries filter
 * and sort them by those values through {@link dev.crmkit.api.query.CustomFieldQuery}.
 */
public interface HasCustomFields {

    /**
     * The record's custom-field values.
     *
     * @return the values
     */
    CustomFieldValues customFields();
}
