package dev.crmkit.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem with the input of an operation: where it is, a stable code, and a message in English
 * and Russian.
 *
 * <p>Codes such as {@code contact.phone.required} are stable API that callers may branch on; messages
 * are for people and may change.
 *
 * @param path the field path the problem is about, such as {@code emails[1]}, or empty for the whole input
 * @param code the stable code of the problem
 * @param messageEn the message in English
 * @param messageRu the message in Russian
 */
public record Violation(String path, String code, String messageEn, String messageRu) {

    private static final MessageCatalog API_MESSAGES = MessageCatalog.load(name -> Violation.class.getResourceAsStream(name));

    /** Rejects nulls and a blank code. */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(messageRu, "messageRu");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
    }

    /**
     * A violation with one of crm-api's own codes; its texts come from crm-api's messages.
     *
     * @param path the field path
     * @param code one of the codes in crm-api's {@code messages.properties}
     * @param args values for the message's placeholders
     * @return the violation
     */
    public static Violation of(String path, String code, Object... args) {
        return API_MESSAGES.violation(path, code, args);
    }

    /**
     * The message in the given language: Russian for {@code ru}, otherwise English.
     *
     * @param locale the reader's locale
     * @return the message
     */
    public String message(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? messageRu : messageEn;
    }

    /**
     * The same violation under a longer path, for a value checked as part of a larger input.
     *
     * @param prefix the path of the enclosing value, such as {@code contact}
     * @return a violation whose path is {@code prefix.path}
     */
    public Violation under(String prefix) {
        String nested = path.isEmpty() ? prefix : prefix + "." + path;
        return new Violation(nested, code, messageEn, messageRu);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + code + " (" + messageEn + ")";
    }
}
