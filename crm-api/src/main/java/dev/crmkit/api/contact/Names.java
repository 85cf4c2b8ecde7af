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
        String simple = simpleKey(name);
        return simple != null ? simple : foldedKey(name);
    }

    /**
     * The key of a name written only in printable ASCII, the Russian alphabet's block (U+0400 to U+045F) and plain
     * spaces, the common case, in one pass; null for any other name. For such names it is what {@link
     * #foldedKey} gives: NFC changes none of these characters, and each lower-cased on its own is what upper- then
     * lower-casing the whole name gives.
     */
    private static String simpleKey(String name) {
        char[] key = new char[name.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                space = n > 0;
                continue;
            }
            if (c > ' ' && c < 0x7F) {
                c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c >= 0x0400 && c <= 0x045F) {
                c = Character.toLowerCase(c);
                c = c == 'ё' ? 'е' : c;
            } else {
                return null;
            }
            if (space) {
                key[n++] = ' ';
                space = false;
            }
            key[n++] = c;
        }
        return new String(key, 0, n);
    }

    /** The key by the general way, for any text. */
    static String foldedKey(String name) {
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
