package dev.crmkit.api;

import static dev.crmkit.api.TextTest.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.contact.Email;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bounds and characters of e-mail addresses")
class EmailBoundsTest {

    private static ValidationException violation(String raw) {
        return Refusals.refused(() -> Email.parse(raw));
    }

    @ParameterizedTest(name = "''{0}'' is email.invalid")
    @ValueSource(strings = {"iv<U+200B>an@hooves.example", "iv<U+200C>an@hooves.example", "iv<U+200D>an@hooves.example",
            "iv<U+2060>an@hooves.example", "iv<U+FEFF>an@hooves.example", "iv<U+00AD>an@hooves.example",
            "iv<U+202E>an@hooves.example", "ivan@hoo<U+200B>ves.example", "ivan@hoo<U+00AD>ves.example",
            "iv<U+3164>an@hooves.example", "ivan<U+00A0>@hooves.example", "iv<U+0000>an@hooves.example",
            "ivan@hooves.example<U+0000>", "iv<U+D800>an@hooves.example", "ivan@hooves<U+000A>.example",
            "iv<U+0009>an@hooves.example", "ivan@hooves.exampl<U+0065><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301><U+0301>"})
    @DisplayName("zero-width, format, control and other invisible characters cannot hide inside an address")
    void invisible(String raw) {
        ValidationException e = violation(unescape(raw));
        assertThat(e.codes()).containsExactly("email.invalid");
        assertThat(e.violations().get(0).messageEn()).doesNotContain("\u0000").doesNotContain("\u200B");
    }

    @Test
    @DisplayName("a zero-width space beside a real address is not a second, different address")
    void noHiddenDuplicate() {
        assertThatThrownBy(() -> Email.parse("iv\u200Ban@hooves.example")).isInstanceOf(ValidationException.class);
        assertThat(Email.parse("\u200B\u00A0ivan@hooves.example\uFEFF ")).isEqualTo(Email.parse("ivan@hooves.example"));
        assertThat(Email.parse("\u200B\u00A0ivan@hooves.example\uFEFF ").value()).isEqualTo("ivan@hooves.example");
    }

    @Test
    @DisplayName("NFC: two spellings of one address are one address")
    void nfc() {
        Email combined = Email.parse("rene\u0301e@cafe\u0301.example");
        Email precomposed = Email.parse("renée@café.example");
        EqualityContract.check(combined, precomposed, Email.parse("renee@cafe.example"));
        assertThat(combined.value()).isEqualTo("renée@café.example");
        assertThat(combined.normalized()).isEqualTo(precomposed.normalized());
    }

    @Test
    @DisplayName("at most 64 characters before the @ and 254 in all")
    void lengths() {
        String local64 = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".ex";
        assertThat(Email.parse(local64 + "@example.com").normalized()).startsWith(local64);
        assertThat(violation("a".repeat(65) + "@example.com").codes()).containsExactly("email.local_part.too_long");
        String max = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
        assertThat(max).hasSize(254);
        assertThat(Email.parse(max).value()).isEqualTo(max);
        ValidationException tooLong = violation("a" + max);
        assertThat(tooLong.codes()).containsExactly("email.too_long");
        assertThat(tooLong.violations().get(0).messageEn())
                .isEqualTo("The e-mail address is 255 characters long; at most 254 are allowed.");
        assertThat(tooLong.violations().get(0).messageRu()).contains("255").contains("254");
    }

    @Test
    @DisplayName("a 1 MB address gives a short message, without being parsed")
    void megabyte() {
        String mb = "a".repeat(1_000_000) + "@hooves.example";
        assertThat(violation(mb).codes()).containsExactly("email.too_long");
        assertThat(violation(" ".repeat(1_000_000) + "ivan@hooves.example").codes()).containsExactly("email.too_long");
        String invalid = "x".repeat(300);
        ValidationException e = violation(invalid);
        assertThat(e.codes()).containsExactly("email.too_long");
        ValidationException quoted = violation("@".repeat(200));
        assertThat(quoted.codes()).containsExactly("email.invalid");
        assertThat(quoted.violations().get(0).messageEn()).isEqualTo("'" + "@".repeat(64) + "…' is not an e-mail address.");
    }

    @Test
    @DisplayName("parse(null) names its parameter")
    void nullRaw() {
        assertThatThrownBy(() -> Email.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("raw");
    }
}
