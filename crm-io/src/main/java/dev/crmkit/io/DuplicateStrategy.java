package dev.crmkit.io;

/**
 * What an import does with a row that duplicates a stored contact or company, or an earlier row of the same
 * file, under the policy's duplicate rules (IO-3, CON-5).
 */
public enum DuplicateStrategy {
    /** Leave the stored record as it is; the row counts as skipped. */
    SKIP,
    /**
     * Add the row's values to the best stored match (names and other single values replaced, phones, e-mails
     * and tags added when new); the row counts as updated, or as skipped when it adds nothing.
     */
    UPDATE,
    /** Store the row as a new record anyway, where the policy allows it; otherwise the row fails. */
    CREATE_ANYWAY
}
