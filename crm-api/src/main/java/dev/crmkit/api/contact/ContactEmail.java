package dev.crmkit.api.contact;

import java.util.Objects;

/**
 * An e-mail address of a contact or company with its kind.
 *
 * @param email the address
 * @param kind work, private or other
 */
public record ContactEmail(Email email, EmailKind kind) {

    /** Rejects nulls. */
    public ContactEmail {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Parses a work address.
     *
     * @param raw the address as written
     * @return the e-mail
     */
    public static ContactEmail work(String raw) {
        return new ContactEmail(Email.parse(raw), EmailKind.WORK);
    }

    /**
     * Parses a private address.
     *
     * @param raw the address as written
     * @return the e-mail
     */
    public static ContactEmail personal(String raw) {
        return new ContactEmail(Email.parse(raw), EmailKind.PRIVATE);
    }
}
