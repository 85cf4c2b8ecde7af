package dev.crmkit.core.policy;

/** Who may move a closed (Won or Lost) deal back to an open stage. */
public enum ReopenRule {
    /** Nobody: a closed deal stays closed; a new deal is made instead. */
    NEVER,
    /** Only administrators. */
    ADMINS_ONLY,
    /** Any user who may edit the deal. */
    ANYONE
}
