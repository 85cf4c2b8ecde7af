package dev.crmkit.io;

import dev.crmkit.api.MessageCatalog;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;

/** The English and Russian texts of crm-io's problem codes ({@code messages.properties} of this package). */
final class IoMessages {

    private static final MessageCatalog CATALOG = MessageCatalog.load(IoMessages.class::getResourceAsStream);

    private IoMessages() {
    }

    static Violation violation(String path, String code, Object... args) {
        return CATALOG.violation(path, code, args);
    }

    static ValidationException invalid(String path, String code, Object... args) {
        return ValidationException.of(violation(path, code, args));
    }

    static boolean has(String code) {
        return CATALOG.has(code);
    }
}
