package dev.crmkit.tck;

import static dev.crmkit.tck.XlsxBooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.Importer;
import dev.crmkit.io.StandardField;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files and mappings an import refuses (IO-1, IO-4), one bad input a test, on the adapter under test: each is
 * refused before any row with a typed error whose violation has an English and a Russian message, and nothing is
 * stored. (A number in a date column and a row of 1,000,000 CSV columns are rows reported while the import goes
 * on: {@link ImportFormatsKit} and {@link XlsxKit}.)
 */
abstract class ImportBadInputKit extends ImportKitBase {

    private static final String HEADER = row(1, "First name", "Last name", "Phone", "E-mail", "Birthday");

    /** Imports a file that must be refused with one violation of this code; returns it. */
    private Violation refusedFile(byte[] file, ImportOptions options, String code) {
        ValidationException e = failsAndChangesNothing(ValidationException.class, () -> Importer.of(crm).run(anna,
                new ByteArrayInputStream(file), ImportKit.PEOPLE, options));
        assertThat(e.codes()).containsExactly(code);
        Violation v = e.violations().get(0);
        assertThat(v.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
        assertThat(v.message(Locale.forLanguageTag("ru"))).isNotBlank().doesNotContain("{")
                .isNotEqualTo(v.message(Locale.ENGLISH));
        return v;
    }

    private Violation refusedFile(byte[] file, String code) {
        return refusedFile(file, ImportOptions.defaults(), code);
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a PNG image is refused as neither CSV nor .xlsx")
    void png() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThat(refusedFile(png, "io.file.not_supported").messageEn()).contains("PNG");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a PDF, even one that is all printable text, is refused as neither CSV nor .xlsx")
    void pdf() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
                + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(refusedFile(pdf, "io.file.not_supported").messageEn()).contains("PDF");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("an .xlsx zip bomb (a sheet of 16 MiB of blanks in a file of a few dozen KB) is refused")
    void zipBomb() {
        byte[] bomb = XlsxBooks.rows(HEADER + "<row r=\"2\">" + " ".repeat(16 * 1024 * 1024) + "</row>");
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusedFile(bomb, "io.xlsx.bomb").messageEn()).contains("xl/worksheets/sheet1.xml");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("an .xlsx whose sheet declares an external entity (XXE) is refused and the entity never read")
    void externalEntity() throws IOException {
        Path secret = Files.createTempFile("crmkit-xxe", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET");
            byte[] file = XlsxBooks.sheet("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                    + secret.toUri() + "\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                    + "main\"><sheetData>" + HEADER + "<row r=\"2\"><c t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>Petrov</t></is></c></row></sheetData></worksheet>");
            Violation v = refusedFile(file, "io.xlsx.doctype");
            assertThat(v.messageEn()).doesNotContain("TOP-SECRET");
            assertThat(contacts()).isEmpty();
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    @Tag("IO-4")
    @DisplayName("an .xlsx row of 1,000,000 columns is refused before it is held (a spreadsheet ends at column XFD)")
    void millionColumnsXlsx() {
        byte[] file = XlsxBooks.rows(HEADER + "<row r=\"2\">" + "<c/>".repeat(1_000_000) + "</row>");
        refusedFile(file, "io.xlsx.too_wide");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a mapping to a custom field that does not exist, or to a field the entity does not have, is refused")
    void unknownField() {
        CustomFieldId nowhere = CustomFieldId.of(UUID.fromString("00000000-0000-7000-8000-000000000015"));
        ValidationException e = failsAndChangesNothing(ValidationException.class, () -> importAs(anna,
                "First name,Last name,Phone,E-mail,Birthday,Region,Stage\nIvan,Petrov,,,,North,New\n",
                ImportKit.PEOPLE.column("Region", nowhere).column("Stage", StandardField.STAGE),
                ImportOptions.defaults()));
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.api.Assertions.tuple("mapping.Region", "io.mapping.unknown_field"),
                org.assertj.core.api.Assertions.tuple("mapping.Stage", "io.mapping.unknown_field"));
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.messageRu()).isNotBlank());
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a file declared UTF-8 that is not valid UTF-8 is refused")
    void invalidUtf8() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ImportKit.HEADER.getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'I', 'v', (byte) 0xC3, (byte) 0x28, ',', 'P', ',', ',', ',', '\n'});
        refusedFile(file.toByteArray(), ImportOptions.defaults().format(CsvFormat.detect().charset(
                StandardCharsets.UTF_8)), "io.file.charset");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a CSV file with a header only is refused")
    void headerOnlyCsv() {
        refusedFile((ImportKit.HEADER + "\n,,,,\n").getBytes(StandardCharsets.UTF_8), "io.file.header_only");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("an .xlsx file with a header only is refused")
    void headerOnlyXlsx() {
        refusedFile(XlsxBooks.rows(HEADER + row(2, "", "")), "io.file.header_only");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("an empty file, one of blank lines and an .xlsx with an empty sheet are refused as empty")
    void emptyFile() {
        refusedFile(new byte[0], "io.file.empty");
        refusedFile("\r\n\r\n".getBytes(StandardCharsets.UTF_8), "io.file.empty");
        refusedFile(XlsxBooks.rows(""), "io.file.empty");
    }
}
