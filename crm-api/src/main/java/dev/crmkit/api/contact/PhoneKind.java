package dev.crmkit.api.contact;

/** The kind of a phone number. */
public enum PhoneKind {
    /** A work number. */
    WORK,
    /** A mobile number. */
    MOBILE,
    /** A home number. */
    HOME,
    /** A fax number. */
    FAX,
    /** Any other number. */
    OTHER;
}
