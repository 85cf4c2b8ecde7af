package dev.crmkit.api.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The extension at the end of a number (CON-4) is found by reading the text once from the end; on seeded texts it
 * finds what this regular expression, the rule written out, finds. Re-run a failure with {@code -Dcrmkit.seed=<seed>}.
 */
@Tag("CON-4")
@DisplayName("CON-4 phone extensions: the one-pass search agrees with the rule's regular expression")
class PhoneExtensionTest {

    private static final long SEED = Long.getLong("crmkit.seed", 20_261_204L);
    private static final Pattern RULE = Pattern.compile("(?:(?:доб|доп|ext|extension|вн)\\.?|x|#)\\s*(\\d+)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> PIECES = List.of("доб", "ДОБ", "Доп", "ext", "EXT", "Extension", "extensio",
            "вн", "ВН", "x", "X", "#", ".", ". ", " ", "  ", "\t", ",", ";", "-", "(", ")", "+", "tel", "e", "ı", "ſ",
            "İ", "ё", "ex", "xt", "дo6");

    @Test
    @DisplayName("on seeded texts the marker, digits and their places are the regular expression's")
    void agreesWithTheRule() {
        Random r = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(8);
            for (int j = 0; j < n; j++) {
                if (r.nextBoolean()) {
                    int digits = 1 + r.nextInt(4);
                    for (int d = 0; d < digits; d++) {
                        sb.append((char) ('0' + r.nextInt(10)));
                    }
                } else {
                    sb.append(PIECES.get(r.nextInt(PIECES.size())));
                }
            }
            String text = sb.toString();
            Matcher m = RULE.matcher(text);
            int[] expected = m.find() ? new int[] {m.start(), m.start(1), m.end(1)} : null;
            assertThat(PhoneNumber.extension(text)).as("seed %d: '%s'", SEED, text).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("numbers with an extension keep it apart, whatever its marker")
    void extensionsKeptApart() {
        for (String written : List.of("+7 901 776-34-34 доб. 12", "8 (901) 776 34 34 ДОБ12", "+7 901 776 34 34 ext 12",
                "+7 901 776 34 34, Ext. 12", "+7 901 776 34 34 x12", "+7 901 776 34 34 #12", "+7 901 776 34 34 вн.12",
                "+7 901 776 34 34 extension 12")) {
            PhoneNumber p = PhoneNumber.parse(written);
            assertThat(p.matchKey()).as(written).isEqualTo("9017763434");
            assertThat(p.extension()).as(written).contains("12");
        }
    }
}
