package dev.crmkit.api.contact;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;

/**
 * An e-mail address. Its identity is case-insensitive and ignores surrounding spaces; an international
 * domain is compared in its ASCII (punycode) form, so {@code Ivan@Пример.рф} and
 * {@code ivan@xn--e1afmkfd.xn--p1ai} are the same address. The text is NFC-normalized, so two spellings
 * of one address ({@code e} followed by the combining acute accent U+0301, and {@code é}) are one address.
 * It may contain no white space, control, format (zero-width) or other invisible character inside, so
 * {@code ivan@hooves.example} with a zero-width space (U+200B) after {@code iv} cannot pose as
 * {@code ivan@hooves.example}.
 */
public final class Email {

    private static final String LOCAL_FORBIDDEN = "()<>[]\\,;:\"";

    private final String value;
    private final String normalized;

    private Email(String value, String normalized) {
        this.value = value;
        this.normalized = normalized;
    }

    /**
     * Parses an address as a person or an import wrote it.
     *
     * <p>Bounds ({@link Limits}): at most {@value Limits#EMAIL_INPUT} characters as written (checked
     * before anything else), at most {@value Limits#EMAIL_LENGTH} once trimmed, both as written and with
     * its ASCII domain, at most {@value Limits#EMAIL_LOCAL_PART} before the {@code @} and
     * {@value Limits#EMAIL_DOMAIN} in the ASCII domain.
     *
     * @param raw the text; surrounding spaces (including no-break and zero-width ones) are ignored
     * @return the address
     * @throws NullPointerException if raw is null
     * @throws ValidationException {@code email.blank}, {@code email.too_long},
     *         {@code email.local_part.too_long} or {@code email.invalid}
     */
    public static Email parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > Limits.EMAIL_INPUT && Text.length(raw) > Limits.EMAIL_INPUT) {
            throw tooLong(Text.length(raw));
        }
        String text = Text.normalize(raw);
        if (text.isEmpty()) {
            throw ValidationException.of(Violation.of("", "email.blank"));
        }
        int length = Text.length(text);
        if (length > Limits.EMAIL_LENGTH) {
            throw tooLong(length);
        }
        if (!Text.checkCode("email", text, Limits.EMAIL_LENGTH).isEmpty() || hasInvisible(text)) {
            throw invalid(raw);
        }
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            throw invalid(raw);
        }
        String local = text.substring(0, at);
        int localLength = Text.length(local);
        if (localLength > Limits.EMAIL_LOCAL_PART) {
            throw ValidationException.of(Violation.of("", "email.local_part.too_long",
                    Limits.EMAIL_LOCAL_PART, localLength));
        }
        if (!validLocal(local)) {
            throw invalid(raw);
        }
        String asciiDomain;
        try {
            asciiDomain = IDN.toASCII(text.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(raw);
        }
        if (!validDomain(asciiDomain)) {
            throw invalid(raw);
        }
        String identity = local.toLowerCase(Locale.ROOT) + "@" + asciiDomain;
        int identityLength = Text.length(identity);
        if (identityLength > Limits.EMAIL_LENGTH) {
            throw tooLong(identityLength);
        }
        // Most addresses are written in their normal form already: one string then serves as both.
        return new Email(text, identity.equals(text) ? text : identity);
    }

    private static ValidationException tooLong(int length) {
        return ValidationException.of(Violation.of("", "email.too_long", Limits.EMAIL_LENGTH, length));
    }

    private static ValidationException invalid(String raw) {
        return ValidationException.of(Violation.of("", "email.invalid", Text.excerpt(raw)));
    }

    /** Whether the text holds a code point that shows nothing: a space, a zero-width character, a filler. */
    private static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Text.isVisible(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            if (LOCAL_FORBIDDEN.indexOf(local.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        if (domain.length() > Limits.EMAIL_DOMAIN) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The address as given, NFC-normalized and trimmed.
     *
     * @return the address
     */
    public String value() {
        return value;
    }

    /**
     * The identity of the address: lower case with an ASCII domain.
     *
     * @return the normalized address
     */
    public String normalized() {
        return normalized;
    }

    /**
     * The domain in ASCII, lower case.
     *
     * @return the domain, such as {@code example.com}
     */
    public String domain() {
        return normalized.substring(normalized.indexOf('@') + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Email && ((Email) o).normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
