package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of phone match keys (CON-4). The seed is printed in every failure message; re-run
 * one with {@code -Dcrmkit.seed=<seed>}.
 */
@Tag("CON-4")
@DisplayName("CON-4 properties of phone match keys")
class PhonePropertyTest {

    private static final int CASES = 5_000;
    private static final long SEED = Long.getLong("crmkit.seed", 20_261_102L);

    /** Writes a ten-digit national number the way a person or an import might. */
    static String spell(String national, Random r) {
        StringBuilder sb = new StringBuilder();
        sb.append(switch (r.nextInt(5)) {
            case 0 -> "+7 ";
            case 1 -> "8 ";
            case 2 -> "00 7 ";
            case 3 -> "7";
            default -> "";
        });
        String[] seps = {"", " ", "-", ".", "\u00A0", "\u2011"};
        boolean brackets = r.nextBoolean();
        for (int i = 0; i < national.length(); i++) {
            if (i == 0 && brackets) {
                sb.append('(');
            }
            char d = national.charAt(i);
            sb.append(r.nextInt(8) == 0 ? (char) ('\uFF10' + (d - '0')) : d);
            if (i == 2 && brackets) {
                sb.append(") ");
            } else if (i < national.length() - 1 && r.nextInt(3) == 0) {
                sb.append(seps[r.nextInt(seps.length)]);
            }
        }
        switch (r.nextInt(6)) {
            case 0:
                sb.append(" доб. ").append(r.nextInt(999));
                break;
            case 1:
                sb.append(" ext. ").append(r.nextInt(999));
                break;
            case 2:
                sb.append(" x").append(r.nextInt(999));
                break;
            default:
                break;
        }
        return sb.toString();
    }

    static String national(Random r) {
        StringBuilder sb = new StringBuilder().append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < 10; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    @Test
    @DisplayName("every spelling of a ten-digit number yields that number as its key")
    void spellingsShareTheKey() {
        Random r = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String national = national(r);
            String written = spell(national, r);
            assertThat(PhoneNumber.parse(written).matchKey()).as("seed %d: %s", SEED, written).isEqualTo(national);
        }
    }

    @Test
    @DisplayName("different ten-digit numbers yield different keys")
    void differentNumbersDifferentKeys() {
        Random r = new Random(SEED);
        Map<String, String> byKey = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            String national = national(r);
            String key = PhoneNumber.parse(spell(national, r)).matchKey();
            String before = byKey.putIfAbsent(key, national);
            assertThat(before == null || before.equals(national)).as("seed %d: %s and %s share %s", SEED, before,
                    national, key).isTrue();
        }
    }

    @Test
    @DisplayName("plain ASCII text gives the same number or the same refusal on the one-pass path as on the full parse")
    void plainPathAgreesWithTheFullParse() {
        Random r = new Random(SEED);
        String alphabet = "0123456789 -.()/+";
        for (int i = 0; i < CASES; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(24);
            for (int j = 0; j < n; j++) {
                sb.append(r.nextInt(3) == 0 ? alphabet.charAt(r.nextInt(alphabet.length())) : (char) ('0' + r.nextInt(10)));
            }
            String plain = sb.toString();
            // A no-break space is folded to a space, but only the full parse folds it: the same text by the long way.
            String full = plain + "\u00A0";
            Object viaPlain = outcome(plain);
            Object viaFull = outcome(full);
            assertThat(viaPlain).as("seed %d: '%s'", SEED, plain).isEqualTo(viaFull);
        }
    }

    @Test
    @DisplayName("at the digit bounds the one-pass path and the full parse agree: an international 00, a plus, 15 to 18 digits")
    void plainPathAtTheBounds() {
        String fifteen = "123456789012345";
        for (String plain : List.of("00" + fifteen, "00" + fifteen + "6", "+00" + fifteen, "0 0" + fifteen, "0 0" + fifteen + "6",
                fifteen, fifteen + "6", fifteen + "67", fifteen + "678", "00", "0", "+0", "+00")) {
            assertThat(outcome(plain)).as("'%s'", plain).isEqualTo(outcome(plain + "\u00A0"));
        }
        assertThat(PhoneNumber.parse("00" + fifteen).digits()).isEqualTo("00" + fifteen);
        assertThat(outcome(fifteen + "6")).isEqualTo(List.of("phone.too_long"));
        assertThat(outcome("+00" + fifteen)).isEqualTo(List.of("phone.too_long"));
    }

    /** The digits, extension and match key a text parses to, or the codes of its refusal. */
    private static Object outcome(String text) {
        try {
            PhoneNumber p = PhoneNumber.parse(text);
            return List.of(p.digits(), p.extension(), p.matchKey(), p.indexKey(), p.matchKey(3));
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::code).toList();
        }
    }

    @Test
    @DisplayName("a built-in matcher's numeric key is its key read as a number with its length, and tells the same numbers apart")
    void numericKeysFollowTheKeys() {
        Random r = new Random(SEED);
        List<PhoneMatcher> matchers = List.of(PhoneMatcher.lastDigits(7), PhoneMatcher.lastDigits(10),
                PhoneMatcher.lastDigits(18));
        Map<Long, String> byNumeric = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            StringBuilder digits = new StringBuilder();
            int n = 1 + r.nextInt(15);
            for (int j = 0; j < n; j++) {
                digits.append((char) ('0' + (r.nextInt(4) == 0 ? 0 : r.nextInt(10))));
            }
            PhoneNumber number = PhoneNumber.parse((r.nextBoolean() ? "+" : "") + digits);
            for (PhoneMatcher m : matchers) {
                String key = m.key(number);
                assertThat(m.numericKey(number)).as("seed %d: %s by %s", SEED, number, m)
                        .isEqualTo(PhoneMatcher.numeric(key)).isNotNegative();
                String before = byNumeric.putIfAbsent(m.numericKey(number), key);
                assertThat(before == null || before.equals(key)).as("seed %d: %s and %s", SEED, before, key).isTrue();
            }
        }
        PhoneMatcher eighteen = number -> "1" + "0".repeat(17 - Math.min(17, number.digits().length())) + number.digits();
        assertThat(eighteen.numericKey(PhoneNumber.parse("1"))).as("18 digits would overflow: no numeric key")
                .isEqualTo(-1);
        assertThat(PhoneMatcher.numeric("100000000000000000")).isEqualTo(-1);
        assertThat(PhoneMatcher.numeric("676460752303423488")).isEqualTo(-1);
        assertThat(PhoneMatcher.numeric("99999999999999999")).as("17 digits fit").isPositive();
        PhoneMatcher custom = number -> "x" + number.digits();
        assertThat(custom.numericKey(PhoneNumber.parse("123"))).as("a key that is not digits").isEqualTo(-1);
        assertThat(PhoneMatcher.numeric("0123")).isNotEqualTo(PhoneMatcher.numeric("123"));
    }
}
