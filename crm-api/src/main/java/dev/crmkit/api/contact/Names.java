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
        String n = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c == 'ё' ? 'е' : c);
            }
        }
        return sb.toString();
    }
}
