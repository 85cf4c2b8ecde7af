package dev.crmkit.api.contact;

/** A field that duplicate rules compare (CON-5). */
public enum MatchField {
    /** The full name, by its match key. */
    NAME,
    /** A phone number, by the policy's phone matcher (CON-4). */
    PHONE,
    /** An e-mail address, case-insensitive. */
    EMAIL,
    /** The birth date. */
    BIRTH_DATE
}
