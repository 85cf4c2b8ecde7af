package dev.crmkit.api.phone;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number as people write it, with the digits that identify it and an optional extension.
 *
 * <p>Two numbers are compared on their {@linkplain #matchKey() match key}, the last ten digits
 * (CON-4): {@code +7 (901) 776-34-34}, {@code 8 901 776 34 34} and {@code 9017763434} are one number. An
 * extension ({@code доб. 12}, {@code ext. 12}, {@code x12}, {@code #12}) is kept apart and is not part of
 * the number. Equality is on the digits and extension, not on the raw text.
 */
public final class PhoneNumber {

    /** The number of trailing digits compared by default (CON-4). */
    public static final int DEFAULT_MATCH_DIGITS = 10;

    private static final Pattern EXTENSION = Pattern.compile(
            "(?:(?:доб|доп|ext|extension|вн)\\.?|x|#)\\s*(\\d+)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String SEPARATORS = " -.()/+\u2010\u2011\u2012\u2013\u2014\u2212";

    private final String raw;
    private final String digits;
    private final String extension;

    private PhoneNumber(String raw, String digits, String extension) {
        this.raw = raw;
        this.digits = digits;
        this.extension = extension;
    }

    /**
     * Parses a number: spaces (including non-breaking ones), dashes, dots, parentheses, a leading
     * {@code +}, full-width digits and an extension are accepted.
     *
     * @param raw the text
     * @return the number
     * @throws NullPointerException if raw is null
     * @throws ValidationException {@code phone.blank}, {@code phone.letters} (letters other than an
     *         extension marker) or {@code phone.no_digits}
     */
    public static PhoneNumber parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        PhoneNumber plain = parsePlain(raw);
        if (plain != null) {
            return plain;
        }
        String text = normalizeCharacters(raw).strip();
        if (text.isEmpty()) {
            throw ValidationException.of(Violation.of("phone", "phone.blank"));
        }
        String extension = "";
        Matcher m = plain(text) ? null : EXTENSION.matcher(text);
        if (m != null && m.find() && m.start() > 0) {
            extension = m.group(1);
            text = text.substring(0, m.start()).strip();
            while (!text.isEmpty() && (text.endsWith(",") || text.endsWith(";"))) {
                text = text.substring(0, text.length() - 1).strip();
            }
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw ValidationException.of(Violation.of("phone", "phone.letters", raw));
            }
        }
        if (digits.length() == 0) {
            throw ValidationException.of(Violation.of("phone", "phone.no_digits", raw));
        }
        return new PhoneNumber(raw.strip(), digits.toString(), extension);
    }

    /**
     * The common case in one pass: ASCII digits and separators only (no extension, no other characters).
     * Returns null for anything else, which the full parse handles; both give the same result here.
     */
    private static PhoneNumber parsePlain(String raw) {
        int n = raw.length();
        char[] digits = new char[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
            } else if (!isAsciiSeparator(c)) {
                return null;
            }
        }
        return count == 0 ? null : new PhoneNumber(raw.strip(), new String(digits, 0, count), "");
    }

    private static boolean isAsciiSeparator(char c) {
        switch (c) {
            case ' ':
            case '-':
            case '.':
            case '(':
            case ')':
            case '/':
            case '+':
                return true;
            default:
                return false;
        }
    }

    /** Whether the text is only digits and separators, so it cannot hold an extension marker. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && SEPARATORS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Folds every Unicode decimal digit to ASCII and every space-like character to a space. */
    private static String normalizeCharacters(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isDigit(c)) {
                sb.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                sb.append(' ');
            } else if (c == '\uFF0B') {
                sb.append('+');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The text as given, trimmed.
     *
     * @return the raw text
     */
    public String raw() {
        return raw;
    }

    /**
     * Every digit of the number in order, without the extension.
     *
     * @return the digits, never empty
     */
    public String digits() {
        return digits;
    }

    /**
     * The extension, if one was written.
     *
     * @return the extension's digits
     */
    public Optional<String> extension() {
        return extension.isEmpty() ? Optional.empty() : Optional.of(extension);
    }

    /**
     * The match key with the default ten digits (CON-4).
     *
     * @return the last ten digits, or all of them when there are fewer
     */
    public String matchKey() {
        return matchKey(DEFAULT_MATCH_DIGITS);
    }

    /**
     * The match key: the last {@code n} digits, or all of them when there are fewer.
     *
     * @param n how many trailing digits to compare, at least 1
     * @return the key
     */
    public String matchKey(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        return digits.length() <= n ? digits : digits.substring(digits.length() - n);
    }

    /** How many trailing digits the {@linkplain #indexKey() index key} keeps. */
    public static final int INDEX_DIGITS = 7;

    /**
     * The key storage adapters index phones by: the last seven digits (all of them when fewer). It is
     * coarse on purpose: every number that the CON-4 rule, a longer match key or a region-aware matcher
     * would call the same has the same index key, so lookups by it find every candidate and the matcher
     * in force decides.
     *
     * @return the index key
     */
    public String indexKey() {
        return matchKey(INDEX_DIGITS);
    }

    /**
     * Whether two numbers are the same number by their default match keys (CON-4).
     *
     * @param other another number
     * @return true when the match keys are equal
     */
    public boolean sameNumberAs(PhoneNumber other) {
        return matchKey().equals(other.matchKey());
    }

    /**
     * A canonical text of the number: its digits, then {@code  ext. N} when it has an extension.
     * Parsing it gives an equal value.
     *
     * @return the canonical text
     */
    public String canonical() {
        return extension.isEmpty() ? digits : digits + " ext. " + extension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber && ((PhoneNumber) o).digits.equals(digits)
                && ((PhoneNumber) o).extension.equals(extension);
    }

    @Override
    public int hashCode() {
        return digits.hashCode() * 31 + extension.hashCode();
    }

    @Override
    public String toString() {
        return raw.isEmpty() ? canonical() : raw;
    }
}
