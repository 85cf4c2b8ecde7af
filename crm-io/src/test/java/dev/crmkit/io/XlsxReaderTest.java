package dev.crmkit.io;

import static dev.crmkit.io.XlsxFiles.row;
import static dev.crmkit.io.XlsxFiles.utf8;
import static dev.crmkit.io.XlsxFiles.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class XlsxReaderTest {

    private static List<CsvRow> rows(byte[] file) {
        try (XlsxReader reader = XlsxReader.open(new ByteArrayInputStream(file))) {
            List<CsvRow> rows = new ArrayList<>();
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
            return rows;
        }
    }

    private static ValidationException refused(byte[] file) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> rows(file));
        assertThat(e).as("refused with a typed error").isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
            assertThat(v.message(Locale.forLanguageTag("ru"))).isNotBlank().doesNotContain("{");
        });
        return e;
    }

    private static byte[] written(java.util.function.Consumer<Worksheet> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            cells.accept(workbook.newWorksheet("Sheet1"));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    @Tag("IO-1")
    @DisplayName("typed cells come as the texts the fields parse: a numeric phone as its digits, dates as yyyy-MM-dd, flags as true/false")
    void typedCells() {
        byte[] file = written(sheet -> {
            sheet.value(0, 0, "Phone");
            sheet.value(0, 1, "Born");
            sheet.value(0, 2, "Staff");
            sheet.value(0, 3, "VIP");
            sheet.value(0, 4, "Note");
            sheet.value(1, 0, 79017763434L);
            sheet.value(1, 1, LocalDate.of(1990, 5, 17));
            sheet.style(1, 1).format("dd.mm.yyyy").set();
            sheet.value(1, 2, new BigDecimal("12.50"));
            sheet.value(1, 3, true);
            sheet.value(1, 4, "Иван, \"Петров\"");
            sheet.value(2, 0, 7.9017763434E10);
            sheet.value(2, 2, 45123);
        });
        List<CsvRow> rows = rows(file);
        assertThat(rows).extracting(CsvRow::number).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).cells()).containsExactly("Phone", "Born", "Staff", "VIP", "Note");
        assertThat(rows.get(1).cells()).containsExactly("79017763434", "1990-05-17", "12.5", "true", "Иван, \"Петров\"");
        assertThat(rows.get(2).cells()).containsExactly("79017763434", "", "45123");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a formula comes as the value last computed, an error as its code, a date format with a time of day as yyyy-MM-ddTHH:mm")
    void formulasErrorsTimes() {
        List<CsvRow> rows = rows(workbook("<row r=\"1\"><c r=\"A1\"><f>1+2</f><v>3</v></c>"
                + "<c r=\"B1\" t=\"str\"><f>\"=\"&amp;\"x\"</f><v>=x</v></c><c r=\"C1\" t=\"e\"><v>#N/A</v></c>"
                + "<c r=\"D1\" s=\"2\"><v>45429</v></c><c r=\"E1\" s=\"1\"><v>45429.5</v></c>"
                + "<c r=\"F1\" t=\"b\"><v>0</v></c></row>"));
        assertThat(rows).singleElement().extracting(CsvRow::cells).asList()
                .containsExactly("3", "=x", "#N/A", "2024-05-17", "2024-05-17T12:00", "false");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("rows keep the spreadsheet's numbers; left-out and empty rows are not returned or read as blank")
    void rowNumbers() {
        List<CsvRow> rows = rows(workbook(row(1, "name") + row(4, "Ivan") + "<row r=\"5\"><c r=\"A5\"/></row>"
                + "<row r=\"9\"><c r=\"C9\" t=\"inlineStr\"><is><t>far</t></is></c></row>"));
        assertThat(rows).extracting(CsvRow::number).containsExactly(1L, 4L, 5L, 9L);
        assertThat(rows.get(2).blank()).isTrue();
        assertThat(rows.get(3).cells()).containsExactly("", "", "far");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a row wider than the import's column limit is cut there and marked too wide, as in CSV")
    void tooManyColumns() {
        StringBuilder wide = new StringBuilder("<row r=\"2\">");
        for (int i = 0; i <= Limits.IMPORT_COLUMNS; i++) {
            wide.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
        }
        List<CsvRow> rows = rows(workbook(row(1, "a") + wide + "</row>" + row(3, "b")));
        assertThat(rows.get(1).tooWide()).isTrue();
        assertThat(rows.get(1).cells()).hasSize(Limits.IMPORT_COLUMNS);
        assertThat(rows.get(2).cells()).containsExactly("b");
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a row of 1,000,000 columns is refused before fastexcel holds it: no cell may be past column XFD")
    void millionColumns() {
        StringBuilder sheet = new StringBuilder(row(1, "a")).append("<row r=\"2\">");
        sheet.append("<c/>".repeat(1_000_000)).append("</row>");
        assertThat(refused(workbook(sheet.toString())).codes()).containsExactly("io.xlsx.too_wide");
        assertThat(refused(workbook("<row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")).codes())
                .containsExactly("io.xlsx.too_wide");
        assertThat(rows(workbook("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")))
                .singleElement().satisfies(r -> assertThat(r.tooWide()).isTrue());
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a zip bomb (a 1 MB file whose sheet inflates to 1 GiB) is refused after its first MiB of XML")
    void zipBomb() throws IOException {
        byte[] chunk = deflatedSpaces(1024 * 1024);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] head = deflatedHead();
        data.write(head);
        for (int i = 0; i < 1024; i++) {
            data.write(chunk);
        }
        data.write(new byte[] {3, 0});
        Map<String, byte[]> parts = XlsxFiles.parts(row(1, "a"));
        parts.remove("xl/worksheets/sheet1.xml");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry bomb = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
            bomb.setMethod(ZipArchiveEntry.DEFLATED);
            bomb.setCompressedSize(data.size());
            bomb.setSize(1024L * 1024 * 1024 + 100);
            bomb.setCrc(0);
            zip.addRawArchiveEntry(bomb, new ByteArrayInputStream(data.toByteArray()));
        }
        assertThat(file.size()).isLessThan(2 * 1024 * 1024);
        ValidationException e = refused(file.toByteArray());
        assertThat(e.codes()).containsExactly("io.xlsx.bomb");
        assertThat(e.violations().get(0).messageEn()).contains("xl/worksheets/sheet1.xml");
    }

    /** The deflated start of a sheet, ending on a byte boundary so that more blocks can follow. */
    private static byte[] deflatedHead() {
        return deflate(utf8(XlsxFiles.sheet("").replace("</sheetData></worksheet>", "<row r=\"1\"> ")));
    }

    private static byte[] deflatedSpaces(int size) {
        return deflate(" ".repeat(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Raw deflate blocks, not final, flushed to a byte boundary: such chunks can be put one after another. */
    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    @Tag("IO-1")
    @DisplayName("an external entity (XXE) or any document type declaration is refused and never resolved")
    void externalEntities() throws IOException {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("crmkit-xxe", ".txt");
        try {
            java.nio.file.Files.writeString(secret, "TOP-SECRET");
            String doctype = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                    + "\">]>";
            String sheet = XlsxFiles.sheet(row(1, "&xxe;")).replaceFirst("<\\?xml[^>]*\\?>", doctype);
            Map<String, byte[]> parts = XlsxFiles.parts("");
            parts.put("xl/worksheets/sheet1.xml", utf8(sheet));
            ValidationException e = refused(XlsxFiles.zip(parts));
            assertThat(e.codes()).containsExactly("io.xlsx.doctype");
            assertThat(e.getMessage()).doesNotContain("TOP-SECRET");

            Map<String, byte[]> laughs = XlsxFiles.parts(row(1, "x"));
            laughs.put("xl/styles.xml", utf8("<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><styleSheet>&b;</styleSheet>"));
            assertThat(refused(XlsxFiles.zip(laughs)).codes()).containsExactly("io.xlsx.doctype");
        } finally {
            java.nio.file.Files.delete(secret);
        }
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a cell longer than the import's cell limit is refused before fastexcel holds it")
    void longCell() {
        assertThat(refused(workbook(row(1, "x".repeat(Limits.IMPORT_CELL + 1)))).codes())
                .containsExactly("io.xlsx.cell_too_long");
        assertThat(rows(workbook(row(1, "x".repeat(Limits.IMPORT_CELL)))).get(0).cell(0))
                .hasSize(Limits.IMPORT_CELL);
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a zip that is no workbook, a cut-off file, too many parts and a file past the size limit are refused")
    void notWorkbooks() {
        assertThat(refused(XlsxFiles.zip(Map.of("hello.txt", utf8("hello")))).codes())
                .containsExactly("io.xlsx.not_workbook");
        byte[] whole = workbook(row(1, "a"));
        assertThat(refused(java.util.Arrays.copyOf(whole, whole.length / 2)).codes())
                .containsExactly("io.xlsx.not_workbook");
        Map<String, byte[]> many = XlsxFiles.parts(row(1, "a"));
        for (int i = 0; i < Limits.IMPORT_XLSX_PARTS; i++) {
            many.put("xl/media/image" + i + ".png", new byte[] {1});
        }
        assertThat(refused(XlsxFiles.zip(many)).codes()).containsExactly("io.xlsx.too_many_parts");
        ValidationException large = catchThrowableOfType(ValidationException.class, () -> XlsxReader.open(
                new Zeros(Limits.IMPORT_XLSX_BYTES + 10L)));
        assertThat(large.codes()).containsExactly("io.xlsx.too_large");
        assertThat(catchThrowableOfType(ValidationException.class, () -> XlsxReader.open(
                new ByteArrayInputStream(new byte[0]))).codes()).containsExactly("io.file.empty");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a sheet that breaks midway gives its rows before the break, then a typed error naming the row")
    void brokenMidway() {
        try (XlsxReader reader = XlsxReader.open(new ByteArrayInputStream(workbook(row(1, "a") + row(2, "b")
                + "<row r=\"3\"><c r=\"A3\" t=\"zz\"><v>7</v></c></row>")))) {
            assertThat(reader.next().orElseThrow().cells()).containsExactly("a");
            assertThat(reader.next().orElseThrow().cells()).containsExactly("b");
            ValidationException e = catchThrowableOfType(ValidationException.class, reader::next);
            assertThat(e.codes()).containsExactly("io.xlsx.unreadable");
            assertThat(e.violations().get(0).messageEn()).contains("row 3");
        }
    }

    @Test
    @DisplayName("date formats are told from number formats, quoted and bracketed parts ignored")
    void dateFormats() {
        assertThat(XlsxReader.date(14, null)).isTrue();
        assertThat(XlsxReader.date(164, "dd/mm/yyyy")).isTrue();
        assertThat(XlsxReader.date(165, "[$-409]h:mm AM/PM")).isTrue();
        assertThat(XlsxReader.date(0, "General")).isFalse();
        assertThat(XlsxReader.date(166, "#,##0.00\" pcs\"")).isFalse();
        assertThat(XlsxReader.date(167, "0.00E+00")).isFalse();
        assertThat(XlsxReader.date(null, null)).isFalse();
    }

    /** A stream of a zip's first bytes and then zeros. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
