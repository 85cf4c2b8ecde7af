package dev.crmkit.api.phone;

/**
 * Decides when two phone numbers are the same number, by giving each a key: equal keys, same number.
 * The default compares the last ten digits (CON-4); a region-aware matcher (module crm-phone-e164)
 * compares E.164 forms. Implementations must be thread-safe, and any two numbers with equal keys must
 * have equal {@linkplain PhoneNumber#indexKey() index keys}, so storage lookups find every candidate.
 */
@FunctionalInterface
public interface PhoneMatcher {

    /**
     * The key of a number.
     *
     * @param number the number
     * @return its key
     */
    String key(PhoneNumber number);

    /**
     * Compares the last {@code digits} digits, all of them when a number has fewer (CON-4).
     *
     * @param digits how many, at least {@value PhoneNumber#INDEX_DIGITS}
     * @return the matcher
     */
    static PhoneMatcher lastDigits(int digits) {
        if (digits < PhoneNumber.INDEX_DIGITS) {
            throw new IllegalArgumentException("compare at least " + PhoneNumber.INDEX_DIGITS + " digits, not " + digits);
        }
        return number -> number.matchKey(digits);
    }
}
