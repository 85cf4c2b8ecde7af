package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Text rules")
class TextTest {

    private static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).collect(Collectors.toList());
    }

    /** Turns {@code <U+XXXX>} into the code point, so invisible characters stay readable in the table. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("<U+", i);
            if (open < 0) {
                sb.append(s, i, s.length());
                break;
            }
            int close = s.indexOf('>', open);
            sb.append(s, i, open).appendCodePoint(Integer.parseInt(s.substring(open + 3, close), 16));
            i = close + 1;
        }
        return sb.toString();
    }

    @Test
    @DisplayName("normalize applies NFC, so two spellings of one text are one")
    void nfc() {
        assertThat(Text.normalize("Rene\u0301e")).isEqualTo("Renée").isEqualTo(Text.normalize("Renée"));
        assertThat(Text.normalize("\u0419")).isEqualTo("Й");
        assertThat(Text.normalize("И\u0306")).isEqualTo("Й");
        assertThat(Text.normalize(null)).isNull();
    }

    @Test
    @DisplayName("the fast path of normalize is exact: Latin-1 and Cyrillic neither change under NFC nor combine backwards")
    void fastPathIsExact() {
        for (int c = 0; c <= 0x4FF; c++) {
            if (c >= 0x300 && c < 0x400 || c >= 0x483 && c <= 0x489) {
                continue;
            }
            String cs = String.valueOf((char) c);
            for (int b = 0; b < 0x700; b++) {
                // Latin, combining marks, Greek, Cyrillic, Armenian, Hebrew, Arabic; then Hangul jamo.
                String bs = String.valueOf((char) (b < 0x600 ? b : 0x1100 + b - 0x600));
                assertThat(Normalizer.normalize(bs + cs, Normalizer.Form.NFC))
                        .as("U+%04X after U+%04X", c, b).isEqualTo(Normalizer.normalize(bs, Normalizer.Form.NFC) + cs);
            }
        }
        assertThat(Text.normalize("Пётр Иванов")).isEqualTo("Пётр Иванов");
        assertThat(Text.normalize("Пе\u0308тр")).isEqualTo("Пётр");
    }

    @ParameterizedTest(name = "''{0}'' → ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            <U+00A0>Ivan<U+00A0>                                                 | Ivan
            <U+2007><U+202F> Ivan <U+3000>                                       | Ivan
            <U+200B><U+200C><U+200D>Ivan<U+2060><U+FEFF>                         | Ivan
            <U+3164>Ivan<U+115F><U+1160><U+FFA0><U+2800>                         | Ivan
            <U+0009><U+000A>Ivan<U+000D><U+000A>                                 | Ivan
            Iv<U+200B>an                                                         | Iv<U+200B>an
            Ivan Petrov                                                          | Ivan Petrov
            <U+2764><U+FE0F>                                                     | <U+2764><U+FE0F>
            Team <U+1F3F4><U+E0067><U+E0062><U+E0073><U+E0063><U+E0074><U+E007F> | Team <U+1F3F4><U+E0067><U+E0062><U+E0073><U+E0063><U+E0074><U+E007F>
            <U+1F468><U+200D><U+1F469><U+200D><U+1F467>                          | <U+1F468><U+200D><U+1F469><U+200D><U+1F467>
            <U+0000>Ivan                                                         | <U+0000>Ivan
            """)
    @DisplayName("normalize trims white space, no-break spaces, format characters and fillers at both ends only")
    void trims(String raw, String normalized) {
        assertThat(Text.normalize(unescape(raw))).isEqualTo(unescape(normalized));
    }

    @ParameterizedTest(name = "''{0}'' is blank")
    @ValueSource(strings = {"", " ", "<U+00A0>", "<U+2007><U+202F>", "<U+200B><U+200B>", "<U+2060><U+FEFF>",
            "<U+200C><U+200D>", "<U+00AD>", "<U+3164>", "<U+2800>", "<U+FE0F>", "<U+034F>", "<U+0009><U+000A>",
            "<U+0000>", "<U+007F>", "<U+2028>", "<U+E0020>", "<U+D800>"})
    @DisplayName("text of only invisible characters is blank")
    void blank(String s) {
        assertThat(Text.isBlank(unescape(s))).isTrue();
        assertThat(Text.isBlank(Text.normalize(unescape(s)))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not blank")
    @ValueSource(strings = {"a", "<U+00A0>a", "Ё", "<U+1F600>", "<U+0301>", "·", "<U+200B>.", "0"})
    @DisplayName("one visible code point makes text not blank")
    void notBlank(String s) {
        assertThat(Text.isBlank(unescape(s))).isFalse();
    }

    @Test
    @DisplayName("null counts as blank")
    void nullBlank() {
        assertThat(Text.isBlank(null)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' (multi-line {1}, code {2}) → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Ivan Petrov                                                      | false | false |
            Iv<U+0000>an                                                     | false | false | text.control_character
            Iv<U+0000>an                                                     | true  | false | text.control_character
            Ivan<U+007F>                                                     | false | false | text.control_character
            Ivan<U+0085>                                                     | true  | false | text.control_character
            Ivan<U+009B>                                                     | true  | false | text.control_character
            Ivan<U+001B>[31m                                                 | true  | false | text.control_character
            a<U+0009>b                                                       | false | false | text.control_character
            a<U+0009>b                                                       | true  | false |
            a<U+000A>b                                                       | false | false | text.line_break
            a<U+000D><U+000A>b                                               | true  | false |
            a<U+2028>b                                                       | false | false | text.line_break
            a<U+2029>b                                                       | true  | false |
            a<U+D800>b                                                       | false | false | text.unpaired_surrogate
            a<U+DC00>b                                                       | true  | false | text.unpaired_surrogate
            a<U+1F600>b                                                      | false | true  |
            Iv<U+200B>an                                                     | false | false |
            Iv<U+200B>an                                                     | false | true  | text.format_character
            Iv<U+FEFF>an                                                     | false | true  | text.format_character
            Iv<U+202E>an                                                     | false | true  | text.format_character
            Iv<U+00AD>an                                                     | false | true  | text.format_character
            <U+0645><U+06CC><U+200C><U+062E><U+0648><U+0627><U+0647><U+0645> | false | false |
            """)
    @DisplayName("check refuses what no adapter stores alike: controls, line breaks in one line, broken characters")
    void rules(String text, boolean multiLine, boolean code, String expected) {
        String s = unescape(text);
        List<Violation> found = code ? Text.checkCode("name", s, 100) : Text.check("name", s, 100, multiLine);
        if (expected == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(codes(found)).containsExactly(expected);
            assertThat(found.get(0).path()).isEqualTo("name");
        }
    }

    @Test
    @DisplayName("length is counted in code points: an emoji is one, a combined é is one after NFC")
    void length() {
        assertThat(Text.check("name", "😀".repeat(255), Limits.NAME, false)).isEmpty();
        assertThat(Text.check("name", Text.normalize("e\u0301".repeat(255)), Limits.NAME, false)).isEmpty();
        List<Violation> tooLong = Text.check("name", "x".repeat(256), Limits.NAME, false);
        assertThat(codes(tooLong)).containsExactly("text.too_long");
        assertThat(tooLong.get(0).messageEn()).isEqualTo("The text is 256 characters long; at most 255 are allowed.");
        assertThat(tooLong.get(0).message(Locale.forLanguageTag("ru"))).contains("256").contains("255");
        assertThat(Text.length("a😀é")).isEqualTo(3);
    }

    @Test
    @DisplayName("every problem is reported at once, each code once, with the character and its position")
    void everyProblemOnce() {
        String s = "a" + "\u0000".repeat(1000) + "\n\uD800\u200B" + "b".repeat(300);
        List<Violation> found = Text.checkCode("comment", s, 100);
        assertThat(codes(found)).containsExactly("text.too_long", "text.control_character", "text.line_break",
                "text.unpaired_surrogate", "text.format_character");
        assertThat(found.get(1).messageEn()).isEqualTo("The text contains the control character U+0000 at position 2.");
        assertThat(found.get(4).messageEn()).contains("U+200B").contains("1,004");
        assertThat(found.get(4).messageRu()).contains("U+200B").contains("невидимый");
    }

    @Test
    @DisplayName("a run of more than 30 combining marks is refused and not normalized (NFC would take quadratic time)")
    void combiningMarks() {
        String thirty = "a" + "\u0316\u0301".repeat(15);
        assertThat(Text.check("name", Text.normalize(thirty), Limits.NAME, false)).isEmpty();
        assertThat(Normalizer.isNormalized(Text.normalize(thirty), Normalizer.Form.NFC)).isTrue();
        String zalgo = "a" + "\u0301\u0316".repeat(100_000);
        String normalized = Text.normalize(zalgo);
        assertThat(normalized).as("left as typed").isEqualTo(zalgo);
        assertThat(codes(Text.check("name", normalized, Limits.NAME, false)))
                .containsExactly("text.too_long", "text.combining_marks");
        assertThat(Text.check("name", "a" + "\u0301".repeat(31), Limits.NAME, false).get(0).messageEn())
                .isEqualTo("The text has more than 30 combining marks in a row at position 32.");
    }

    @Test
    @DisplayName("an excerpt quotes at most 64 code points, never splits a surrogate pair and neutralizes invisible characters")
    void excerpt() {
        assertThat(Text.excerpt("ivan@hooves.example")).isEqualTo("ivan@hooves.example");
        String mb = "a".repeat(1_000_000);
        assertThat(Text.excerpt(mb)).isEqualTo("a".repeat(64) + "…");
        assertThat(Text.excerpt("x".repeat(64))).isEqualTo("x".repeat(64));
        String emoji = "a" + "😀".repeat(100);
        String cut = Text.excerpt(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(65);
        assertThat(cut).isEqualTo("a" + "😀".repeat(63) + "…");
        assertThat(Text.excerpt("iv\u200Ban\u0000\n\uD800@x")).isEqualTo("iv\uFFFDan\uFFFD \uFFFD@x");
        assertThat(Text.excerpt("\uD83D\uDC68\u200D\uD83D\uDC69")).as("emoji joiners kept").isEqualTo("👨\u200D👩");
    }

    @ParameterizedTest(name = "{0} is quoted as {1}")
    @CsvSource({"15000.00,15000.00", "1E+999999999,1E+999999999", "1E-999999999,1E-999999999", "-0.5,-0.5",
            "1E+3,1000"})
    @DisplayName("a number is quoted plainly when short and never expanded when huge")
    void excerptNumber(String value, String quoted) {
        assertThat(Text.excerpt(new BigDecimal(value))).isEqualTo(quoted);
    }
}
