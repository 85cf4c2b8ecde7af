package dev.crmkit.core.policy;

/** Who may move a closed (Won or Lost) deal back to an open stage. */
public enum Reopening {
    /** Nobody: a closed deal stays closed; a new deal is made instead. */
    NOBODY,
    /** Administrators only. */
    ADMINS,
    /** Any user who may edit the deal. */
    ANYONE
}
