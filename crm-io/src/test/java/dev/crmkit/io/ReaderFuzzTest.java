package dev.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the readers of imported files (IO-4, IO-1): whatever the bytes, a reader gives rows within the bounds
 * (at most {@link Limits#IMPORT_COLUMNS} cells of at most {@link Limits#IMPORT_CELL} characters, numbers rising) or
 * refuses the file with its documented typed error, one violation of its documented codes; nothing else comes out.
 * In CI the seeds in {@code src/test/resources/dev/crmkit/io/ReaderFuzzTestInputs/} are replayed as ordinary tests;
 * run {@code JAZZER_FUZZ=1 mvn test -pl crm-io -Dtest=ReaderFuzzTest} to fuzz for real.
 */
class ReaderFuzzTest {

    private static final Set<String> CSV_CODES = Set.of("io.file.empty", "io.file.not_supported", "io.file.not_text",
            "io.file.charset", "io.file.unreadable");
    private static final Set<String> XLSX_CODES = Set.of("io.file.empty", "io.xlsx.too_large", "io.xlsx.not_workbook",
            "io.xlsx.too_many_parts", "io.xlsx.bomb", "io.xlsx.doctype", "io.xlsx.too_wide", "io.xlsx.cell_too_long",
            "io.xlsx.unreadable");

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] file) {
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(file), CsvFormat.detect())) {
            long last = 0;
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                last = bounded(row.get(), last);
            }
        } catch (ValidationException e) {
            refused(e, CSV_CODES);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void xlsx(byte[] file) {
        try (XlsxReader reader = XlsxReader.open(new ByteArrayInputStream(file))) {
            long last = 0;
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                last = bounded(row.get(), last);
            }
        } catch (ValidationException e) {
            refused(e, XLSX_CODES);
        }
    }

    private static long bounded(CsvRow row, long last) {
        assertThat(row.number()).isGreaterThan(last);
        assertThat(row.cells()).hasSizeLessThanOrEqualTo(Limits.IMPORT_COLUMNS);
        for (String cell : row.cells()) {
            assertThat(cell.length()).isLessThanOrEqualTo(Limits.IMPORT_CELL);
        }
        return row.number();
    }

    private static void refused(ValidationException e, Set<String> codes) {
        assertThat(e.codes()).hasSize(1).isSubsetOf(codes);
        assertThat(e.violations().get(0).messageEn()).isNotBlank().hasSizeLessThan(400);
        assertThat(e.violations().get(0).messageRu()).isNotBlank().hasSizeLessThan(400);
    }
}
