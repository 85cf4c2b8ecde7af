package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of the text rules over random mixes of letters, marks, spaces, controls, format
 * characters, surrogates and emoji. The seed is printed in every failure message; re-run one with
 * {@code -Dcrmkit.seed=<seed>}.
 */
@DisplayName("Properties of the text rules")
class TextPropertyTest {

    private static final int CASES = 5_000;
    private static final long SEED = Long.getLong("crmkit.seed", 20_261_102L);

    private static final int[] POOL = {'a', 'Z', '7', ' ', '.', 'é', 'Ж', 'ё', 0x0301, 0x0316, 0x0306, 0x00A0,
        0x2007, 0x202F, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x202E, 0x3164, 0x2800, 0xFE0F,
        0x034F, 0x0000, 0x0009, 0x000A, 0x000D, 0x007F, 0x0085, 0x2028, 0xD800, 0xDC00, 0x1F600, 0x1F3F4,
        0xE0067, 0xE007F, 0x1109A, 0x11099, 0x110BA, 0x1100, 0x1161, 0x11A8};

    private static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(POOL[r.nextInt(POOL.length)]);
        }
        return sb.toString();
    }

    @Test
    @DisplayName("normalize is idempotent, NFC when it can be, and never changes whether text is blank")
    void normalize() {
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String s = random(r);
            String n = Text.normalize(s);
            assertThat(Text.normalize(n)).as("seed %d case %d", SEED, i).isEqualTo(n);
            assertThat(Text.isBlank(n)).as("seed %d case %d", SEED, i).isEqualTo(Text.isBlank(s));
            assertThat(Normalizer.isNormalized(n, Normalizer.Form.NFC)).as("seed %d case %d", SEED, i).isTrue();
        }
    }

    @Test
    @DisplayName("a text that passes check has no NUL, no unpaired surrogate and survives UTF-8 unchanged")
    void checkedTextIsStorable() {
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String n = Text.normalize(random(r));
            if (Text.check("text", n, 1000, true).isEmpty()) {
                assertThat(n).as("seed %d case %d", SEED, i).doesNotContain("\u0000");
                byte[] utf8 = n.getBytes(StandardCharsets.UTF_8);
                assertThat(new String(utf8, StandardCharsets.UTF_8)).as("seed %d case %d", SEED, i)
                        .isEqualTo(n);
            }
        }
    }

    @Test
    @DisplayName("an excerpt is short, whole code points only, and free of controls and hiding characters")
    void excerpt() {
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String s = random(r).repeat(1 + r.nextInt(5));
            String e = Text.excerpt(s);
            assertThat(e.codePointCount(0, e.length())).as("seed %d case %d", SEED, i)
                    .isLessThanOrEqualTo(Limits.EXCERPT + 1);
            for (int cp : e.codePoints().toArray()) {
                int type = Character.getType(cp);
                assertThat(type).as("seed %d case %d: U+%04X", SEED, i, cp)
                        .isNotIn((int) Character.CONTROL, (int) Character.SURROGATE);
                assertThat(cp).as("seed %d case %d", SEED, i).isNotIn(0x200B, 0xFEFF, 0x202E, 0x2060);
            }
        }
    }
}
