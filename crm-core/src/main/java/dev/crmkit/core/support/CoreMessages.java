package dev.crmkit.core.support;

import dev.crmkit.api.MessageCatalog;
import dev.crmkit.api.Violation;

/** The English and Russian texts of crm-core's violation codes. */
public final class CoreMessages {

    private static final MessageCatalog CATALOG = MessageCatalog.load(name -> CoreMessages.class.getResourceAsStream(name));

    private CoreMessages() {
    }

    /**
     * A violation with one of crm-core's codes.
     *
     * @param path the field path
     * @param code the code
     * @param args placeholder values
     * @return the violation
     */
    public static Violation violation(String path, String code, Object... args) {
        return CATALOG.violation(path, code, args);
    }

    /**
     * Whether crm-core has texts for a code.
     *
     * @param code the code
     * @return true when it has
     */
    public static boolean has(String code) {
        return CATALOG.has(code);
    }
}
