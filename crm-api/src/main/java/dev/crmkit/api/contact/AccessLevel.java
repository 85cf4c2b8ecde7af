package dev.crmkit.api.contact;

/** Who may see and edit a contact or company besides its managers (CON-8). */
public enum AccessLevel {
    /** Only its managers (and admins). */
    PRIVATE,
    /** Every user may read it; only its managers edit it. */
    SHARED_READ,
    /** Every user may read and edit it. */
    SHARED_WRITE;
}
