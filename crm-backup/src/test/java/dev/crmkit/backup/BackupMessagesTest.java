package dev.crmkit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("crm-backup's messages")
class BackupMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BackupMessages.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @Tag("IO-6")
    @DisplayName("every code has an English and a Russian text, and the sources use no code without one")
    void bothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(ru.stringPropertyNames());
        for (String code : en.stringPropertyNames()) {
            assertThat(ru.getProperty(code)).as(code).containsPattern("[а-яА-Я]").isNotEqualTo(en.getProperty(code));
            assertThat(BackupMessages.has(code)).isTrue();
        }
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\"(backup\\.[a-z_.]+)\"").matcher(
                Files.readString(Path.of("src/main/java/dev/crmkit/backup/Backup.java"))
                        + Files.readString(Path.of("src/main/java/dev/crmkit/backup/ArchiveVersion.java")));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(en.stringPropertyNames()).containsAll(used);
    }

    @Test
    @DisplayName("a refusal carries its reason, its code and the texts with their values")
    void refusal() {
        BackupException e = BackupException.of(BackupException.Reason.VERSION, null, "version", "backup.version.newer",
                new ArchiveVersion(2, 0), Backup.VERSION);
        assertThat(e.reason()).isEqualTo(BackupException.Reason.VERSION);
        assertThat(e.codes()).containsExactly("backup.version.newer");
        assertThat(e.violations().get(0).messageEn()).contains("2.0").contains("1.0");
        assertThat(e.violations().get(0).messageRu()).contains("2.0").contains("новее");
    }
}
