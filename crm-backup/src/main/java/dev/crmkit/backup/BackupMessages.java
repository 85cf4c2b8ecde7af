package dev.crmkit.backup;

import dev.crmkit.api.MessageCatalog;
import dev.crmkit.api.Violation;

/** The English and Russian texts of crm-backup's problem codes ({@code messages.properties} of this package). */
final class BackupMessages {

    private static final MessageCatalog CATALOG = MessageCatalog.load(BackupMessages.class::getResourceAsStream);

    private BackupMessages() {
    }

    static Violation violation(String path, String code, Object... args) {
        return CATALOG.violation(path, code, args);
    }

    static boolean has(String code) {
        return CATALOG.has(code);
    }
}
