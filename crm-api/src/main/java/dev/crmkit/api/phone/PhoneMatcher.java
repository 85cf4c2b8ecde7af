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
     * The key of a number as a long, for code that compares many numbers (a duplicate scan) without a string each:
     * when the key is 1 to 17 ASCII digits, their value times 32 plus their count (so {@code "0123"} and {@code
     * "123"} differ); -1 for any other key. Two numbers have equal numeric keys of at least 0 exactly when they have
     * equal keys. The default works it out from {@link #key}; the matchers of {@link #lastDigits} compute it from the
     * digits directly.
     *
     * @param number the number
     * @return the numeric key, or -1
     */
    default long numericKey(PhoneNumber number) {
        return numeric(key(number));
    }

    /**
     * A key of 1 to 17 ASCII digits as a number with its length folded in, -1 for any other key (see {@link
     * #numericKey}); 17 digits times 32 still fit a long, 18 would not.
     *
     * @param key a key
     * @return the numeric key, or -1
     */
    static long numeric(String key) {
        if (key.isEmpty() || key.length() > 17) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v * 32 + key.length();
    }

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
        return new PhoneMatcher() {
            @Override
            public String key(PhoneNumber number) {
                return number.matchKey(digits);
            }

            @Override
            public long numericKey(PhoneNumber number) {
                return number.matchCode(digits);
            }

            @Override
            public String toString() {
                return "PhoneMatcher.lastDigits(" + digits + ")";
            }
        };
    }
}
