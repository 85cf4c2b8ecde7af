package dev.crmkit.api.contact;

/** The kind of an e-mail address. */
public enum EmailKind {
    /** A work address. */
    WORK,
    /** A private address. */
    PRIVATE,
    /** Any other address. */
    OTHER;
}
