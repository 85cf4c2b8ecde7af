package dev.crmkit.api.contact;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The match key of a person's or company's name (CON-5): Unicode NFC, case folded, ё taken as е,
 * spaces collapsed, so "Пётр  Иванов" and "петр иванов" are one name. Adapters index it; rules compare it.
 */
public final class Names {

    private Names() {
    }

    /**
     * The match key of a name.
     *
     * @param name the name as written
     * @return the key; empty for a blank name
     */
    public static String matchKey(String name) {
        Objects.requireNonNull(name, "name");
        String n = Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        n = n.replace('ё', 'е');
        return n.strip().replaceAll("\\s+", " ");
    }
}
