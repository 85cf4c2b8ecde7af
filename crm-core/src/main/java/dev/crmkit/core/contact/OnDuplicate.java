package dev.crmkit.core.contact;

/** What to do when a new or changed contact or company duplicates stored ones (CON-5). */
public enum OnDuplicate {
    /** Refuse with a {@code DuplicateException} naming the stored records (the default). */
    REJECT,
    /** Store it anyway, where the policy's criteria allow it; otherwise still refuse. */
    CREATE_ANYWAY,
    /**
     * Merge it into the best stored match instead (CON-5's third choice, through CON-6's merge rules): the
     * stored record keeps its values and gains what only the new one has; the call returns it.
     */
    MERGE
}
