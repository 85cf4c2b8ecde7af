package dev.crmkit.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crm-core's violation messages")
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CoreMessages.class.getResourceAsStream(name)) {
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
            for (int i = 0; i < 3; i++) {
                String placeholder = "{" + i + "}";
                assertThat(ru.getProperty(code).contains(placeholder)).as(code + " " + placeholder)
                        .isEqualTo(en.getProperty(code).contains(placeholder));
            }
        }
    }

    @Test
    @DisplayName("every code the sources use has texts (in crm-core's or crm-api's messages)")
    void everyUsedCodeHasTexts() throws IOException {
        Pattern annotation = Pattern.compile("\"\\{([a-z_]+\\.[a-z_.]+)}\"");
        Pattern call = Pattern.compile("(?:add|violation)\\(\\s*\"[^\"]*\",\\s*\"([a-z_]+\\.[a-z_.]+)\"");
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(f);
                for (Pattern p : new Pattern[] {annotation, call}) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        for (String code : used) {
            boolean core = CoreMessages.has(code);
            boolean api = false;
            if (!core) {
                try {
                    Violation.of("", code);
                    api = true;
                } catch (IllegalArgumentException e) {
                    api = false;
                }
            }
            assertThat(core || api).as("texts for " + code).isTrue();
        }
    }

    @Test
    @DisplayName("a constraint's code becomes a violation with both texts")
    void validator() {
        var violations = new CommandValidator().validate(dev.crmkit.core.user.UserForm.named(" "));
        assertThat(violations).extracting(Violation::code).containsExactly("user.name.blank");
        assertThat(violations.get(0).path()).isEqualTo("name");
        assertThat(violations.get(0).messageEn()).isEqualTo("The user needs a name.");
        assertThat(violations.get(0).messageRu()).isEqualTo("У пользователя должно быть имя.");
    }
}
