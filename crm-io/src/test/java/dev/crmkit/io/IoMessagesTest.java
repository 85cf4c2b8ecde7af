package dev.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IoMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStreamReader in = new InputStreamReader(IoMessages.class.getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    @DisplayName("every io.* code used in crm-io has an English and a Russian message, and both files have the same keys")
    void messages() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        assertThat(new TreeSet<>(ru.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        Pattern code = Pattern.compile("\"(io\\.[a-z_.]+)\"");
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(c -> assertThat(IoMessages.has(c)).as(c).isTrue());
    }
}
