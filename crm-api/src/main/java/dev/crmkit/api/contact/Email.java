package dev.crmkit.api.contact;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;

/**
 * An e-mail address. Its identity is case-insensitive and ignores surrounding spaces; an international
 * domain is compared in its ASCII (punycode) form, so {@code Ivan@Пример.рф} and
 * {@code ivan@xn--e1afmkfd.xn--p1ai} are the same address.
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
     * @param raw the text; surrounding spaces are ignored
     * @return the address
     * @throws NullPointerException if raw is null
     * @throws ValidationException {@code email.blank} or {@code email.invalid}
     */
    public static Email parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String text = raw.strip();
        if (text.isEmpty()) {
            throw ValidationException.of(Violation.of("email", "email.blank"));
        }
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1 || !validLocal(text.substring(0, at))) {
            throw invalid(raw);
        }
        String local = text.substring(0, at);
        String asciiDomain;
        try {
            asciiDomain = IDN.toASCII(text.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(raw);
        }
        if (!validDomain(asciiDomain)) {
            throw invalid(raw);
        }
        return new Email(text, local.toLowerCase(Locale.ROOT) + "@" + asciiDomain);
    }

    private static ValidationException invalid(String raw) {
        return ValidationException.of(Violation.of("email", "email.invalid", raw));
    }

    private static boolean validLocal(String local) {
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c) || LOCAL_FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        if (domain.length() > 253) {
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
     * The address as given, trimmed.
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
