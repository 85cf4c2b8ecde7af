package dev.crmkit.api.contact;

import dev.crmkit.api.phone.PhoneNumber;
import java.util.Objects;

/**
 * A phone number of a contact or company with its kind.
 *
 * @param number the number
 * @param kind work, mobile, …
 */
public record ContactPhone(PhoneNumber number, PhoneKind kind) {

    /** Rejects nulls. */
    public ContactPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Parses a work number.
     *
     * @param raw the number as written
     * @return the phone
     */
    public static ContactPhone work(String raw) {
        return new ContactPhone(PhoneNumber.parse(raw), PhoneKind.WORK);
    }

    /**
     * Parses a mobile number.
     *
     * @param raw the number as written
     * @return the phone
     */
    public static ContactPhone mobile(String raw) {
        return new ContactPhone(PhoneNumber.parse(raw), PhoneKind.MOBILE);
    }
}
