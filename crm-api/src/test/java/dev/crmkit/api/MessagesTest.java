package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Violation messages")
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Violation.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @DisplayName("every code has an English and a Russian text with the same placeholders")
    void bothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String code : en.stringPropertyNames()) {
            for (int i = 0; i < 4; i++) {
                String placeholder = "{" + i + "}";
                assertThat(ru.getProperty(code).contains(placeholder)).as(code + " " + placeholder)
                        .isEqualTo(en.getProperty(code).contains(placeholder));
            }
            assertThat(ru.getProperty(code)).as(code + " is Russian").containsPattern("[а-яА-Я]");
        }
    }

    @Test
    @DisplayName("a violation carries its path, code and both texts; an unknown code is a programming error")
    void violation() {
        Violation v = Violation.of("emails[1]", "email.invalid", "x");
        assertThat(v.path()).isEqualTo("emails[1]");
        assertThat(v.messageEn()).isEqualTo("'x' is not an e-mail address.");
        assertThat(v.messageRu()).isEqualTo("«x» — не адрес электронной почты.");
        assertThat(v.under("contact").path()).isEqualTo("contact.emails[1]");
        ValidationException e = ValidationException.of(v, Violation.of("name", "name.blank"));
        assertThat(e.getMessage()).contains("emails[1]: email.invalid").contains("name: name.blank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Violation.of("", "no.such.code"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
