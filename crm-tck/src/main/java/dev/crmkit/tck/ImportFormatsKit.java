package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import dev.crmkit.io.RowProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Files as spreadsheets write them, and files that are not what they claim (IO-4) on the adapter under test. */
abstract class ImportFormatsKit extends ImportKitBase {

    private ImportReport run(byte[] file, ImportOptions options) {
        return Importer.of(crm).run(anna, new ByteArrayInputStream(file), ImportKit.PEOPLE, options);
    }

    private void refusedFile(byte[] file, ImportOptions options, String code) {
        refused(ValidationException.class, () -> run(file, options), code);
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a Windows-1251 file with semicolons, CRLF and a quoted multi-line cell with doubled quotes imports as written")
    void windows1251() {
        String text = "First name;Last name;Phone;E-mail;Birthday;Note\r\n\"Иван\";\"Петров\";+7 901 776-34-34;;;"
                + "\"первая строка\r\nвторая; \"\"в кавычках\"\"\"\r\nОльга;\"Сидорова\";;;;\r\n";
        ImportReport report = Importer.of(crm).run(anna, new ByteArrayInputStream(text.getBytes(CsvFormat.WINDOWS_1251)),
                ImportKit.PEOPLE.column("Note", dev.crmkit.io.StandardField.DESCRIPTION), ImportOptions.defaults());
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(contacts()).extracting(c -> c.name().full()).containsExactlyInAnyOrder("Иван Петров",
                "Ольга Сидорова");
        Contact ivan = contacts().stream().filter(c -> c.name().full().equals("Иван Петров")).findFirst().orElseThrow();
        assertThat(ivan.description().orElseThrow()).startsWith("первая строка").endsWith("вторая; \"в кавычках\"")
                .containsPattern("строка\\R+вторая");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("UTF-8 with a byte order mark and tabs imports, and empty trailing rows are ignored")
    void utf8BomTabs() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes("First name\tLast name\tPhone\tE-mail\tBirthday\nАнна\tИванова\t\t\t\n\t\t\t\t\n\n\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportReport report = run(file.toByteArray(), ImportOptions.defaults());
        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.created()).isEqualTo(1);
        assertThat(contacts()).extracting(c -> c.name().full()).containsExactly("Анна Иванова");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a phone Excel wrote as 7.9017763434E+10 is recovered; one that lost digits is reported")
    void scientificPhones() {
        ImportReport report = run((ImportKit.HEADER + "Ivan,Petrov,7.9017763434E+10,,\nOlga,Sidorova,7.90177E+10,,\n")
                .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        Contact ivan = contacts().get(0);
        assertThat(ivan.phones()).extracting(p -> p.number().digits()).containsExactly("79017763434");
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .containsExactly(tuple(3L, "Phone", "io.value.phone_lost"));
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a number in a date column is reported at its row and column")
    void numberInDate() {
        ImportReport report = run((ImportKit.HEADER + "Ivan,Petrov,,,45123\n").getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .containsExactly(tuple(2L, "Birthday", "io.value.date"));
        assertThat(contacts()).isEmpty();
    }

    @Test
    @Tag("IO-4")
    @DisplayName("an empty file, a header only, a binary file and invalid UTF-8 are refused and change nothing")
    void badFiles() {
        refusedFile(new byte[0], ImportOptions.defaults(), "io.file.empty");
        refusedFile("\n\n".getBytes(StandardCharsets.UTF_8), ImportOptions.defaults(), "io.file.empty");
        refusedFile(ImportKit.HEADER.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults(), "io.file.header_only");
        byte[] binary = new byte[2048];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 0;
        refusedFile(binary, ImportOptions.defaults(), "io.file.not_text");
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(ImportKit.HEADER.getBytes(StandardCharsets.UTF_8));
        invalid.writeBytes(new byte[] {'I', 'v', (byte) 0xC3, (byte) 0x28, ',', 'P', '\n'});
        refusedFile(invalid.toByteArray(), ImportOptions.defaults().format(CsvFormat.detect()
                .charset(StandardCharsets.UTF_8)), "io.file.charset");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("invalid UTF-8 deep in a file stops the import, and the report names the last row done")
    void invalidUtf8Midway() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ImportKit.HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 2_000; i++) {
            file.writeBytes(("Person" + i + ",Surname" + " ".repeat(40) + ",,,\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes(new byte[] {(byte) 0xFF, ',', 'x', '\n'});
        dev.crmkit.io.ImportStoppedException stopped = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.crmkit.io.ImportStoppedException.class,
                () -> run(file.toByteArray(), ImportOptions.defaults().asDryRun()));
        assertThat(stopped).isNotNull();
        assertThat(stopped.report().lastRowDone()).as("the decoder reads ahead, so the stop may come a buffer early")
                .isBetween(1L, 2_001L);
        assertThat(stopped.report().created()).isEqualTo(stopped.report().lastRowDone() - 1);
        assertThat(stopped.report().failed()).isZero();
        assertThat(((ValidationException) stopped.getCause()).codes()).containsExactly("io.file.charset");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a row of 1,000,000 columns is reported as too wide and the rows around it are imported")
    void millionColumns() {
        StringBuilder text = new StringBuilder(ImportKit.HEADER).append("Ivan,Petrov,,,\n");
        text.append("x,".repeat(999_999)).append("x\n").append("Anna,Ivanova,,,\n");
        ImportReport report = run(text.toString().getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::code)
                .containsExactly(tuple(3L, "io.row.too_many_columns"));
    }
}
