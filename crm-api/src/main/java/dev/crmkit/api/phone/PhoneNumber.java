package dev.crmkit.api.phone;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The words that mark an extension at the end of a number, in any letters' case, each perhaps followed by a dot;
     * {@code x} and {@code #} mark one too.
     */
    private static final List<String> EXTENSION_WORDS = List.of("доб", "доп", "ext", "extension", "вн");
    private static final String SEPARATORS = " -.()/+\u2010\u2011\u2012\u2013\u2014\u2212";

    private final String raw;
    /**
     * The digits as the number "1" followed by them ("0123" is 10123), so that leading zeros count: at most 17 digits
     * ({@link Limits#PHONE_DIGITS} and an international {@code 00}), so it fits a long. A long here instead of a string
     * of the digits saves about 48 bytes a number, which at a million contacts is 50 MiB of an in-memory store.
     */
    private final long digitsCode;
    /** How many digits {@link #digitsCode} holds (fits the padding of the object, so it costs no memory). */
    private final byte length;
    private final String extension;

    private PhoneNumber(String raw, String digits, String extension) {
        this(raw, encode(digits), digits.length(), extension);
    }

    private PhoneNumber(String raw, long digitsCode, int length, String extension) {
        this.raw = raw;
        this.digitsCode = digitsCode;
        this.length = (byte) length;
        this.extension = extension;
    }

    private static long encode(String digits) {
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalStateException("more than " + MAX_DIGITS + " digits passed the bounds: " + digits.length());
        }
        long code = 1;
        for (int i = 0; i < digits.length(); i++) {
            code = code * 10 + (digits.charAt(i) - '0');
        }
        return code;
    }

    /** The most digits a number keeps: the bound and a {@code 00} international prefix. */
    private static final int MAX_DIGITS = Limits.PHONE_DIGITS + 2;

    /**
     * Parses a number: spaces (including non-breaking ones), dashes, dots, parentheses, a leading
     * {@code +}, full-width digits and an extension are accepted. The text is NFC-normalized and trimmed
     * ({@link Text#normalize(String)}); control and format characters inside are refused, since a
     * zero-width space is no separator and could hide a different number.
     *
     * <p>Bounds ({@link Limits}): at most {@value Limits#PHONE_INPUT} characters as written (checked before
     * anything else), at most {@value Limits#PHONE_DIGITS} digits before the extension (E.164; a leading
     * {@code 00} written instead of {@code +} is not counted) and at most
     * {@value Limits#PHONE_EXTENSION_DIGITS} digits of extension.
     *
     * @param raw the text
     * @return the number
     * @throws NullPointerException if raw is null
     * @throws ValidationException {@code text.too_long}, {@code text.control_character},
     *         {@code text.format_character}, {@code text.unpaired_surrogate}, {@code phone.blank},
     *         {@code phone.letters} (letters other than an extension marker), {@code phone.no_digits},
     *         {@code phone.too_long}, {@code phone.extension.too_long}
     */
    public static PhoneNumber parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > Limits.PHONE_INPUT && Text.length(raw) > Limits.PHONE_INPUT) {
            throw ValidationException.of(Violation.of("", "text.too_long", Limits.PHONE_INPUT, Text.length(raw)));
        }
        PhoneNumber plain = parsePlain(raw);
        if (plain != null) {
            return plain;
        }
        String normalized = Text.normalize(raw);
        String text = normalizeCharacters(normalized);
        if (text == null) {
            // Only text with a suspicious character pays for the full check, which names the problem.
            List<Violation> characters = Text.checkCode("phone", normalized, Limits.PHONE_INPUT);
            if (!characters.isEmpty()) {
                throw new ValidationException(characters);
            }
            text = normalizeCharacters(normalized, false);
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw ValidationException.of(Violation.of("", "phone.blank"));
        }
        String extension = "";
        int[] marked = plain(text) ? null : extension(text);
        if (marked != null && marked[0] > 0) {
            extension = text.substring(marked[1], marked[2]);
            text = text.substring(0, marked[0]).strip();
            while (!text.isEmpty() && (text.endsWith(",") || text.endsWith(";"))) {
                text = text.substring(0, text.length() - 1).strip();
            }
        }
        StringBuilder digits = new StringBuilder(text.length());
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw ValidationException.of(Violation.of("", "phone.letters", Text.excerpt(normalized)));
            } else if (c == '+' && digits.length() == 0) {
                plus = true;
            }
        }
        if (digits.length() == 0) {
            throw ValidationException.of(Violation.of("", "phone.no_digits", Text.excerpt(normalized)));
        }
        return checked(normalized, digits.toString(), extension, plus);
    }

    /**
     * The number, once its digits and extension are within bounds.
     *
     * @param plus whether a {@code +} was written before the first digit, so a leading {@code 00} is part
     *             of the number rather than an international prefix
     */
    private static PhoneNumber checked(String normalized, String digits, String extension, boolean plus) {
        int significant = !plus && digits.startsWith("00") ? digits.length() - 2 : digits.length();
        boolean tooLong = significant > Limits.PHONE_DIGITS;
        boolean extensionTooLong = extension.length() > Limits.PHONE_EXTENSION_DIGITS;
        if (tooLong || extensionTooLong) {
            List<Violation> violations = new ArrayList<>(2);
            if (tooLong) {
                violations.add(Violation.of("", "phone.too_long", Text.excerpt(normalized), Limits.PHONE_DIGITS,
                        significant));
            }
            if (extensionTooLong) {
                violations.add(Violation.of("", "phone.extension.too_long", Text.excerpt(normalized),
                        Limits.PHONE_EXTENSION_DIGITS, extension.length()));
            }
            throw new ValidationException(violations);
        }
        return new PhoneNumber(normalized, digits, extension);
    }

    /**
     * The common case in one pass: ASCII digits and separators only (no extension, no other characters).
     * Returns null for anything else, which the full parse handles; both give the same result here.
     */
    private static PhoneNumber parsePlain(String raw) {
        int n = raw.length();
        long code = 1;
        int count = 0;
        boolean doubleZero = false;
        boolean plus = false;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == MAX_DIGITS) {
                    return null; // too long whatever its prefix: the full parse names the problem
                }
                doubleZero = count == 0 ? c == '0' : count == 1 ? doubleZero && c == '0' : doubleZero;
                code = code * 10 + (c - '0');
                count++;
            } else if (!isAsciiSeparator(c)) {
                return null;
            } else if (c == '+' && count == 0) {
                plus = true;
            }
        }
        int significant = !plus && doubleZero && count >= 2 ? count - 2 : count;
        if (count == 0 || significant > Limits.PHONE_DIGITS) {
            return null;
        }
        // The digits go straight into the number's code, without a string of them in between.
        return new PhoneNumber(raw.strip(), code, count, "");
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

    /**
     * Finds an extension written at the end: a marker ({@link #EXTENSION_WORDS} perhaps with a dot, {@code x} or
     * {@code #}), spaces, ASCII digits, spaces, the end. It reads the text once from the end instead of running a
     * regular expression over it. Returns where the marker starts and where the digits start and end, or null.
     */
    static int[] extension(String text) {
        int i = text.length();
        while (i > 0 && isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        int digitsEnd = i;
        while (i > 0 && text.charAt(i - 1) >= '0' && text.charAt(i - 1) <= '9') {
            i--;
        }
        if (i == digitsEnd) {
            return null;
        }
        int digitsStart = i;
        while (i > 0 && isRegexSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == 0) {
            return null;
        }
        char last = text.charAt(i - 1);
        if (last == 'x' || last == 'X' || last == '#') {
            return new int[] {i - 1, digitsStart, digitsEnd};
        }
        int wordEnd = last == '.' ? i - 1 : i;
        for (String word : EXTENSION_WORDS) {
            int start = wordEnd - word.length();
            if (start >= 0 && text.regionMatches(true, start, word, 0, word.length())) {
                return new int[] {start, digitsStart, digitsEnd};
            }
        }
        return null;
    }

    /** A white space character as a regular expression's {@code \\s} means it: ASCII only. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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

    /**
     * Folds every Unicode decimal digit to ASCII and every space-like character to a space; returns null
     * when it meets a character that {@link Text#checkCode} may refuse (a control, format, surrogate or
     * combining character, a line break, a tab).
     */
    private static String normalizeCharacters(String raw) {
        return normalizeCharacters(raw, true);
    }

    private static String normalizeCharacters(String raw, boolean stopAtSuspicious) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (stopAtSuspicious && (c < ' ' || c >= 0x7F && isSuspicious(c))) {
                return null;
            }
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

    private static boolean isSuspicious(char c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }

    /**
     * The text as given, NFC-normalized and trimmed (see {@link Text#normalize(String)}).
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
        return lastDigits(Integer.MAX_VALUE);
    }

    /** The last {@code n} digits (all of them when there are fewer), decoded from {@link #digitsCode}. */
    private String lastDigits(int n) {
        byte[] text = new byte[Math.min(n, length)];
        long code = digitsCode;
        for (int i = text.length - 1; i >= 0; i--) {
            text[i] = (byte) ('0' + code % 10);
            code /= 10;
        }
        return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
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
        return lastDigits(n);
    }

    /**
     * {@link PhoneMatcher#numericKey} of the match key of {@code n} digits, from the digits' code without a string:
     * the value of the last {@code n} digits (all when fewer) times 32 plus how many they are.
     */
    long matchCode(int n) {
        int count = Math.min(n, length);
        long value = count == length ? digitsCode - POWERS[length] : digitsCode % POWERS[count];
        return value * 32 + count;
    }

    /** Ten to the power of each index, up to {@link #MAX_DIGITS}. */
    private static final long[] POWERS = new long[MAX_DIGITS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
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
        return extension.isEmpty() ? digits() : digits() + " ext. " + extension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber && ((PhoneNumber) o).digitsCode == digitsCode
                && ((PhoneNumber) o).extension.equals(extension);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(digitsCode) * 31 + extension.hashCode();
    }

    @Override
    public String toString() {
        return raw.isEmpty() ? canonical() : raw;
    }
}
