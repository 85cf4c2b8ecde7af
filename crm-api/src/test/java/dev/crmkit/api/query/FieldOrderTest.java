package dev.crmkit.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Field order")
class FieldOrderTest {

    private static final Field<String, String> TEXT = Field.of("text", String.class, s -> s);
    /** Code points around the places where UTF-16 and code point order part. */
    private static final int[] POOL = {0x41, 0x7A, 0x416, 0xD7FF, 0xE000, 0xFF01, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};

    @Test
    @DisplayName("strings compare by code point, which is UTF-8 byte order (PostgreSQL's C collation), on seeded random strings")
    void stringsCompareByCodePoint() {
        long seed = Long.getLong("seed", 20261102L);
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String a = text(random);
            String b = random.nextInt(4) == 0 ? a + text(random) : text(random);
            int expected = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
            assertThat(Integer.signum(TEXT.compare(a, b))).as("seed %d: %s vs %s", seed, a, b).isEqualTo(expected);
            assertThat(Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)))).as("UTF-8 bytes, seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("U+FF01 sorts before an emoji, which String.compareTo puts first")
    void fullwidthBeforeEmoji() {
        assertThat(TEXT.compare("\uFF01", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF01".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(TEXT.compare("a", "ab")).isNegative();
        assertThat(TEXT.compare("ab", "ab")).isZero();
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(POOL[random.nextInt(POOL.length)]);
        }
        return sb.toString();
    }
}
