package dev.crmkit.core.field;

/**
 * What removing a custom field, or one option of a list field, does when records hold values of it (DEAL-3):
 * the caller chooses explicitly.
 */
public enum WhenUsed {
    /** Refuse the removal, naming how many records hold values ({@code field.in_use}). */
    REFUSE,
    /** Clear those values on every record, with a field event on each, in the same transaction. */
    CLEAR
}
