package dev.crmkit.api.contact;

import dev.crmkit.api.Text;
import java.util.Locale;
import java.util.Objects;

/**
 * The match key of a person's or company's name (CON-5): Unicode NFC, case folded, ё taken as е,
 * white space (no-break spaces included) collapsed and invisible characters (zero-width spaces and other
 * format characters, fillers) ignored, so "Пётр  Иванов", "петр иванов" and "Пётр Ива" + U+200B + "нов"
 * are one name. Adapters index it; rules compare it.
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
        String n = Text.normalize(name).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if (c > ' ' && c < 0x7F || c >= 0x0400 && c <= 0x04FF) {
                // Printable ASCII and Cyrillic, the common case, without a table lookup.
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.appendCodePoint(c == 'ё' ? 'е' : c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else if (Text.isVisible(c)) {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.appendCodePoint(c == 'ё' ? 'е' : c);
            }
        }
        return sb.toString();
    }
}
