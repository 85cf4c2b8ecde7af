package dev.crmkit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Archive versions")
class ArchiveVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.0, true", "1.9, true", "1.123, true", "2.0, false", "3.1, false"})
    @Tag("IO-6")
    @DisplayName("a reader of 1.0 reads every 1.x, a newer minor version included, and no other major version")
    void reads(String text, boolean read) {
        ArchiveVersion v = ArchiveVersion.parse(text);
        assertThat(v).hasToString(text);
        assertThat(Backup.VERSION.reads(v)).isEqualTo(read);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "1", "1.", ".1", "0.9", "01.0", "1.01", "1.0.0", "v1.0", " 1.0", "1,0", "9999999999.0",
        "١.٠"})
    @Tag("IO-6")
    @DisplayName("a version that is not major.minor (major from 1, no leading zeros) is refused with its code")
    void invalid(String text) {
        BackupException e = catchThrowableOfType(BackupException.class, () -> ArchiveVersion.parse(text));
        assertThat(e.reason()).isEqualTo(BackupException.Reason.VERSION);
        assertThat(e.codes()).containsExactly("backup.version.invalid");
        assertThat(e.violations().get(0).path()).isEqualTo("version");
    }
}
