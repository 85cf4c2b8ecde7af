package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.phone.PhoneNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Phone numbers")
class PhoneNumberTest {

    @ParameterizedTest(name = "''{0}'' has key 9017763434")
    @Tag("CON-4")
    @ValueSource(strings = {"+7 (901) 776-34-34", "8 901 776 34 34", "9017763434", "7901.776.34.34",
            "00 7 901 776 34 34", "+7\u00A0901\u00A0776\u201134\u201134", "\uFF18\uFF19\uFF10\uFF11\uFF17\uFF17\uFF16\uFF13\uFF14\uFF13\uFF14"})
    @DisplayName("CON-4: punctuation, spaces and country or trunk prefixes don't matter; the last 10 digits do")
    void sameKey(String raw) {
        PhoneNumber n = PhoneNumber.parse(raw);
        assertThat(n.matchKey()).isEqualTo("9017763434");
        assertThat(n.sameNumberAs(PhoneNumber.parse("+7 (901) 776-34-34"))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' → number {1}, extension {2}")
    @Tag("CON-4")
    @CsvSource(delimiter = '|', textBlock = """
            +7 495 123-45-67 доб. 12   | 74951234567 | 12
            +7 495 123-45-67, доп. 345 | 74951234567 | 345
            8 (495) 1234567 ext. 7     | 84951234567 | 7
            +1 212 555 0100 x12        | 12125550100 | 12
            +1 212 555 0100 #9         | 12125550100 | 9
            +7 495 123 45 67 EXT 44    | 74951234567 | 44
            """)
    @DisplayName("CON-4: an extension is kept apart and is not part of the number")
    void extension(String raw, String digits, String extension) {
        PhoneNumber n = PhoneNumber.parse(raw);
        assertThat(n.digits()).isEqualTo(digits);
        assertThat(n.extension()).contains(extension);
        assertThat(n.matchKey()).isEqualTo(digits.substring(digits.length() - 10));
        assertThat(PhoneNumber.parse(n.canonical())).isEqualTo(n);
    }

    @Test
    @Tag("CON-4")
    @DisplayName("CON-4: a number of fewer than 10 digits matches only the same digits")
    void shortNumbers() {
        assertThat(PhoneNumber.parse("12-34-56").matchKey()).isEqualTo("123456");
        assertThat(PhoneNumber.parse("12-34-56").sameNumberAs(PhoneNumber.parse("7 912 123 456"))).isFalse();
        assertThat(PhoneNumber.parse("+7 901 776 34 34").matchKey(7)).isEqualTo("7763434");
    }

    @Test
    @DisplayName("equality is on digits and extension, not on the raw text")
    void equality() {
        EqualityContract.check(PhoneNumber.parse("+7 (901) 776-34-34"), PhoneNumber.parse("7-901-776-34-34"),
                PhoneNumber.parse("8 901 776 34 34"), PhoneNumber.parse("+7 (901) 776-34-34 x1"));
        assertThat(PhoneNumber.parse(" +7 (901) 776-34-34 ").raw()).isEqualTo("+7 (901) 776-34-34");
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {"call me|phone.letters", "+7 901 CALL NOW|phone.letters",
            "---|phone.no_digits", "()|phone.no_digits", "'   '|phone.blank", "12abc34|phone.letters"})
    @DisplayName("letters other than an extension marker, or no digits, are typed violations")
    void invalid(String raw, String code) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly(code));
    }
}
