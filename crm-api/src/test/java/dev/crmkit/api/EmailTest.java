package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.Email;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("E-mail addresses")
class EmailTest {

    @Test
    @DisplayName("identity is trimmed and case-insensitive; the text is kept as written")
    void identity() {
        Email a = Email.parse("  Ivan.Petrov@Example.COM ");
        EqualityContract.check(a, Email.parse("ivan.petrov@example.com"), Email.parse("ivan.petrov@example.org"));
        assertThat(a.value()).isEqualTo("Ivan.Petrov@Example.COM");
        assertThat(a.normalized()).isEqualTo("ivan.petrov@example.com");
        assertThat(a.domain()).isEqualTo("example.com");
    }

    @Test
    @DisplayName("an international domain is compared in its ASCII form")
    void idn() {
        Email cyrillic = Email.parse("info@пример.рф");
        assertThat(cyrillic.domain()).isEqualTo("xn--e1afmkfd.xn--p1ai");
        assertThat(cyrillic).isEqualTo(Email.parse("INFO@xn--e1afmkfd.xn--p1ai"));
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"ivan.example.com", "ivan @example.com", "ivan@exa mple.com", "ivan@@example.com",
            "ivan@home@example.com", "@example.com", "ivan@", "ivan@localhost", "ivan@-example.com",
            "ivan@example..com", ".ivan@example.com", "iv..an@example.com", "ivan<@example.com", "ivan@exam_ple.com"})
    @DisplayName("text that is not an address is a typed violation")
    void invalid(String raw) {
        assertThatThrownBy(() -> Email.parse(raw))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    Violation v = ((ValidationException) e).violations().get(0);
                    assertThat(v.code()).isEqualTo("email.invalid");
                    assertThat(v.messageEn()).contains(raw);
                    assertThat(v.messageRu()).contains("не адрес");
                });
    }

    @Test
    @DisplayName("a blank address has its own code; null is a programming error")
    void blank() {
        assertThatThrownBy(() -> Email.parse("   "))
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("email.blank"));
        assertThatThrownBy(() -> Email.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
