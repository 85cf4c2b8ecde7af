package dev.crmkit.api;

import static dev.crmkit.api.TextTest.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.phone.PhoneNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bounds and characters of phone numbers")
class PhoneBoundsTest {

    private static ValidationException violation(String raw) {
        return Refusals.refused(() -> PhoneNumber.parse(raw));
    }

    @ParameterizedTest(name = "''{0}'' has {1} digits")
    @Tag("CON-4")
    @CsvSource(delimiter = '|', textBlock = """
            +123 456 789 012 345                                         | 123456789012345
            123456789012345                                              | 123456789012345
            +1 234 567 890 123 45 ext. 1234567890                        | 123456789012345
            00 123 456 789 012 345                                       | 00123456789012345
            <U+00A0>+7<U+00A0>901<U+00A0>776<U+2011>34<U+2011>34<U+00A0> | 79017763434
            <U+200B>+7 901 776 34 34<U+FEFF>                             | 79017763434
            """)
    @DisplayName("E.164: up to 15 digits before the extension, an international 00 not counted; invisible ends trimmed")
    void accepted(String raw, String digits) {
        PhoneNumber n = PhoneNumber.parse(unescape(raw));
        assertThat(n.digits()).isEqualTo(digits);
        assertThat(PhoneNumber.parse(n.canonical())).isEqualTo(n);
        assertThat(Text.isVisible(n.raw().codePointAt(0))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +1234 567 890 123 456              | phone.too_long
            1234567890123456                   | phone.too_long
            <U+00A0>1234567890123456           | phone.too_long
            +00 123 456 789 012 345            | phone.too_long
            001 234 567 890 123 456            | phone.too_long
            +7 901 776 34 34 ext. 12345678901  | phone.extension.too_long
            +1234 567 890 123 456 x12345678901 | phone.too_long,phone.extension.too_long
            12<U+0000>34                       | text.control_character
            +7 901<U+0009>776 34 34            | text.control_character
            +7 901<U+000A>776 34 34            | text.line_break
            +7 901<U+200B>776 34 34            | text.format_character
            +7 901 776<U+2060>34 34            | text.format_character
            +7 901 776 34 34<U+D800>x          | text.unpaired_surrogate
            <U+200B><U+00A0>                   | phone.blank
            """)
    @DisplayName("too many digits, control and format characters are typed violations; a zero-width space is no separator")
    void refused(String raw, String codes) {
        assertThat(violation(unescape(raw)).codes()).containsExactly(codes.split(","));
    }

    @Test
    @DisplayName("the 16-digit message names the count and the bound in both languages")
    void message() {
        Violation v = violation("+1234 567 890 123 456").violations().get(0);
        assertThat(v.path()).isEmpty();
        assertThat(v.messageEn()).isEqualTo("'+1234 567 890 123 456' has 16 digits; a phone number has at most 15 before the extension.");
        assertThat(v.messageRu()).contains("16").contains("15");
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {65, 1_000_000})
    @DisplayName("text longer than any phone number is refused before parsing, with a short message")
    void longInput(int length) {
        String raw = "+7 901 776 34 34" + " ".repeat(length - 16);
        ValidationException e = violation(raw);
        assertThat(e.codes()).containsExactly("text.too_long");
        assertThat(e.violations().get(0).messageEn()).contains(String.format(java.util.Locale.ENGLISH, "%,d", length));
        assertThat(violation("1".repeat(1_000_000)).codes()).containsExactly("text.too_long");
    }

    @Test
    @DisplayName("the number is quoted trimmed, with invisible characters shown as U+FFFD")
    void quoted() {
        assertThat(violation(" 12\u000034 ").violations().get(0).messageEn())
                .isEqualTo("The text contains the control character U+0000 at position 3.");
        assertThat(violation("  +7 901 call me  ").violations().get(0).messageEn())
                .isEqualTo("'+7 901 call me' contains letters that are not part of a phone number.");
    }

    @Test
    @DisplayName("parse(null) names its parameter")
    void nullRaw() {
        assertThatThrownBy(() -> PhoneNumber.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("raw");
    }
}
