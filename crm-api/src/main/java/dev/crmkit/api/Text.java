package dev.crmkit.api;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules for text that people type, in one place: how it is normalized, when it counts as blank, what
 * it may contain and how it is quoted in a message. Value objects use it in their factories and crm-core
 * for the texts of its command objects, so every adapter is asked to store only text all of them store.
 * All methods are static and thread-safe.
 *
 * <p>The rules, and why:
 * <ul>
 *   <li><b>NFC.</b> Text is stored in Unicode normalization form C, so {@code e} followed by the combining
 *       acute accent U+0301 and the precomposed {@code é} are one spelling.</li>
 *   <li><b>Trimmed.</b> Leading and trailing white space is removed, including no-break spaces
 *       (U+00A0, U+2007, U+202F), zero-width and other format characters (U+200B–U+200D, U+2060,
 *       U+FEFF…) and the Hangul fillers, which all look like nothing.</li>
 *   <li><b>Blank</b> means no visible code point: a name of only such characters is an empty name.</li>
 *   <li><b>No control characters</b> (C0, DEL, C1), except tab, CR and LF in multi-line texts. NUL in
 *       particular cannot be stored in PostgreSQL {@code text} and {@code jsonb} refuses even its escaped form.</li>
 *   <li><b>One line</b> for single-line texts: no CR, LF, U+2028 or U+2029.</li>
 *   <li><b>No unpaired surrogates</b>: they are not characters, cannot be encoded in UTF-8 and come
 *       back from PostgreSQL as {@code ?}.</li>
 *   <li><b>At most {@value Limits#COMBINING_MARKS} combining marks in a row</b> (UAX #15's stream-safe
 *       bound): no language needs more, and normalizing longer runs takes quadratic time.</li>
 *   <li><b>Format characters inside codes.</b> Names and prose may contain format characters inside:
 *       the zero-width (non-)joiners belong to the spelling of Persian and Indic words and of emoji, and
 *       bidirectional marks to mixed-direction text. Codes (e-mail addresses, phone numbers, call ids,
 *       integration names, UTM values, option keys, postal codes) identify something and must not
 *       contain anything invisible, or {@code ivan@hooves.example} with a zero-width space
 *       after {@code iv} could pose as {@code ivan@hooves.example}; {@link #checkCode} refuses them there. Name match keys
 *       ({@code Names.matchKey}) ignore invisible characters, so they cannot hide a duplicate name
 *       either.</li>
 * </ul>
 *
 * <p>Violation codes (stable API): {@code text.too_long} (max, actual), {@code text.control_character}
 * (code point, position), {@code text.line_break} (position), {@code text.unpaired_surrogate} (position),
 * {@code text.format_character} (code point, position), {@code text.combining_marks} (max, position).
 * Positions count code points from 1. Each code is reported at most once per text, at its first
 * occurrence.
 */
public final class Text {

    private static final char ELLIPSIS = '…';
    private static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /**
     * Normalizes text as typed: NFC, then leading and trailing white space, no-break spaces, format
     * characters and fillers removed.
     *
     * <p>Text with more than {@value Limits#COMBINING_MARKS} combining marks in a row is only trimmed,
     * not NFC-normalized (that would take time quadratic in the run's length); {@link #check} refuses it
     * with {@code text.combining_marks}, so it is never stored. The cost is linear in the length.
     *
     * @param raw the text, or null
     * @return the normalized text; null for null
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw;
        if (!isNfcInert(s) && longestCombiningRun(s) <= Limits.COMBINING_MARKS
                && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return strip(s);
    }

    /**
     * Whether text has no visible code point: it is empty or holds only white space, no-break spaces,
     * format characters such as zero-width spaces, fillers, variation selectors or control characters.
     *
     * @param s the text, or null
     * @return true for null and for text that shows nothing
     */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isVisible(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * Whether a code point shows something. White space, no-break spaces, format characters, control
     * characters, fillers (U+115F, U+1160, U+3164, U+FFA0, U+2800), the combining grapheme joiner,
     * variation selectors and unpaired surrogates do not.
     *
     * @param codePoint a code point
     * @return true when it is visible
     */
    public static boolean isVisible(int codePoint) {
        if (isTrimmable(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && codePoint != 0x034F && !isVariationSelector(codePoint);
    }

    /**
     * The length of text in code points, the unit of every text bound in {@link Limits}.
     *
     * @param s the text
     * @return the number of code points
     */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Checks normalized text against the rules of a name or prose: its length, control characters, line
     * breaks (for single-line text), unpaired surrogates and runs of combining marks. Format characters
     * are allowed inside (see the class description); blankness is the caller's to check, since only the
     * caller knows whether the text is required.
     *
     * @param path the field path for the violations, such as {@code name}
     * @param normalized text as returned by {@link #normalize(String)}
     * @param maxCodePoints the longest the text may be, from {@link Limits}
     * @param multiLine true when tabs and line breaks are allowed (descriptions, comments, message bodies)
     * @return every problem found, each code at most once; empty when the text is fine
     */
    public static List<Violation> check(String path, String normalized, int maxCodePoints, boolean multiLine) {
        return scan(path, normalized, maxCodePoints, multiLine, true);
    }

    /**
     * Checks normalized text against the rules of a code (an identifier such as a call id, an integration
     * name, a UTM value or an option key): the rules of a single-line {@link #check}, and no format
     * characters ({@code text.format_character}) anywhere, since an invisible character inside an
     * identifier can only hide something.
     *
     * @param path the field path for the violations
     * @param normalized text as returned by {@link #normalize(String)}
     * @param maxCodePoints the longest the code may be, from {@link Limits}
     * @return every problem found, each code at most once; empty when the code is fine
     */
    public static List<Violation> checkCode(String path, String normalized, int maxCodePoints) {
        return scan(path, normalized, maxCodePoints, false, false);
    }

    private static List<Violation> scan(String path, String s, int max, boolean multiLine, boolean formatAllowed) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(s, "normalized");
        if (max < 1) {
            throw new IllegalArgumentException("maxCodePoints must be at least 1, was " + max);
        }
        int count = 0;
        int control = 0;
        int controlAt = 0;
        int lineBreakAt = 0;
        int surrogateAt = 0;
        int format = 0;
        int formatAt = 0;
        int marksAt = 0;
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (cp >= ' ' && cp < 0x7F || cp >= 0x400 && cp <= 0x4FF && (cp < 0x483 || cp > 0x489)) {
                // Printable ASCII and Cyrillic letters, the common case: nothing to check.
                run = 0;
                continue;
            }
            int type = Character.getType(cp);
            if (isCombiningMark(cp, type)) {
                if (++run > Limits.COMBINING_MARKS && marksAt == 0) {
                    marksAt = count;
                }
                continue;
            }
            run = 0;
            if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
                if (!multiLine && lineBreakAt == 0) {
                    lineBreakAt = count;
                }
            } else if (type == Character.CONTROL) {
                if (!(multiLine && cp == '\t') && controlAt == 0) {
                    control = cp;
                    controlAt = count;
                }
            } else if (type == Character.SURROGATE) {
                if (surrogateAt == 0) {
                    surrogateAt = count;
                }
            } else if (type == Character.FORMAT && !formatAllowed && formatAt == 0) {
                format = cp;
                formatAt = count;
            }
        }
        if (count <= max && controlAt == 0 && lineBreakAt == 0 && surrogateAt == 0 && formatAt == 0 && marksAt == 0) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(1);
        if (count > max) {
            violations.add(Violation.of(path, "text.too_long", max, count));
        }
        if (controlAt > 0) {
            violations.add(Violation.of(path, "text.control_character", codePointName(control), controlAt));
        }
        if (lineBreakAt > 0) {
            violations.add(Violation.of(path, "text.line_break", lineBreakAt));
        }
        if (surrogateAt > 0) {
            violations.add(Violation.of(path, "text.unpaired_surrogate", surrogateAt));
        }
        if (formatAt > 0) {
            violations.add(Violation.of(path, "text.format_character", codePointName(format), formatAt));
        }
        if (marksAt > 0) {
            violations.add(Violation.of(path, "text.combining_marks", Limits.COMBINING_MARKS, marksAt));
        }
        return violations;
    }

    /**
     * Text fit to quote in a message: at most {@value Limits#EXCERPT} code points, then {@code …} when
     * there was more, never splitting a surrogate pair. Tabs and line breaks become spaces; control
     * characters, unpaired surrogates and format characters other than the zero-width joiners of emoji
     * and scripts become U+FFFD, so a quoted value can neither hide nor break the message around it.
     * It reads no further than it quotes, so it is cheap for text of any length.
     *
     * @param s the text
     * @return the excerpt
     */
    public static String excerpt(String s) {
        Objects.requireNonNull(s, "s");
        StringBuilder sb = new StringBuilder(Math.min(s.length(), Limits.EXCERPT + 1));
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            if (n == Limits.EXCERPT) {
                return sb.append(ELLIPSIS).toString();
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            n++;
            int type = Character.getType(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
                sb.append(' ');
            } else if (type == Character.CONTROL || type == Character.SURROGATE
                    || type == Character.FORMAT && cp != 0x200C && cp != 0x200D && !isEmojiTag(cp)) {
                sb.append(REPLACEMENT);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /**
     * A number fit to quote in a message: its plain form when that is short ({@code 15000.00}), its
     * scientific form otherwise ({@code 1E+999999999}, never expanded), then {@linkplain #excerpt(String)
     * excerpted}.
     *
     * @param n the number
     * @return the excerpt
     */
    public static String excerpt(BigDecimal n) {
        Objects.requireNonNull(n, "n");
        boolean shortPlain = Math.abs((long) n.scale()) <= Limits.EXCERPT && n.precision() <= Limits.EXCERPT;
        return excerpt(shortPlain ? n.toPlainString() : n.toString());
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isTrimmable(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isTrimmable(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** White space, space separators, format characters (but the tags of emoji flags) and fillers. */
    private static boolean isTrimmable(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT && !isEmojiTag(cp)
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    /** The tag characters that spell the subdivision flags of emoji, such as Scotland's. */
    private static boolean isEmojiTag(int cp) {
        return cp >= 0xE0020 && cp <= 0xE007F;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF || cp >= 0x180B && cp <= 0x180D;
    }

    /** Combining marks, except the combining grapheme joiner, which exists to break long runs of them. */
    private static boolean isCombiningMark(int cp, int type) {
        return (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) && cp != 0x034F;
    }

    /**
     * Whether text is made only of characters that NFC never changes and that never combine with the
     * character before them: everything below U+0300 (the first combining mark) and the Cyrillic block
     * but its combining marks (verified exhaustively against {@link Normalizer}). Such text is in NFC;
     * this is the common case of Latin and Russian text, checked without a table lookup.
     */
    private static boolean isNfcInert(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isNfcInert(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNfcInert(char c) {
        return c < 0x300 || c >= 0x400 && c <= 0x4FF && (c < 0x483 || c > 0x489);
    }

    private static int longestCombiningRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x300 && isCombiningMark(cp, Character.getType(cp))) {
                if (++run > longest) {
                    longest = run;
                }
            } else {
                run = 0;
            }
        }
        return longest;
    }

    private static String codePointName(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
