package dev.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("IO-4")
class CsvReaderTest {

    private static List<List<String>> read(byte[] bytes, CsvFormat format) {
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), format)) {
            List<List<String>> rows = new ArrayList<>();
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get().cells());
            }
            return rows;
        }
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String codeOf(Throwable e) {
        return ((ValidationException) e).codes().get(0);
    }

    @Test
    @DisplayName("UTF-8 with and without a byte order mark and Windows-1251 read the same Cyrillic rows")
    void charsets() {
        String text = "Имя,Телефон\r\nИван Петров,+7 901 776-34-34\r\n";
        List<List<String>> expected = List.of(List.of("Имя", "Телефон"), List.of("Иван Петров", "+7 901 776-34-34"));
        assertThat(read(bytes(text, StandardCharsets.UTF_8), CsvFormat.detect())).isEqualTo(expected);
        assertThat(read(withBom(text), CsvFormat.detect())).isEqualTo(expected);
        assertThat(read(bytes(text, CsvFormat.WINDOWS_1251), CsvFormat.detect())).isEqualTo(expected);
        assertThat(read(bytes(text, CsvFormat.WINDOWS_1251), CsvFormat.detect().charset(CsvFormat.WINDOWS_1251)))
                .isEqualTo(expected);
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes(text, CsvFormat.WINDOWS_1251)),
                CsvFormat.detect())) {
            assertThat(reader.charset()).isEqualTo(CsvFormat.WINDOWS_1251);
        }
    }

    @Test
    @DisplayName("comma, semicolon and tab are detected from the header, outside quotes")
    void separators() {
        assertThat(read(bytes("a,b\n1,2\n", StandardCharsets.UTF_8), CsvFormat.detect()))
                .containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(read(bytes("a;b;\"c,d,e\"\n1,5;2;3\n", StandardCharsets.UTF_8), CsvFormat.detect()))
                .containsExactly(List.of("a", "b", "c,d,e"), List.of("1,5", "2", "3"));
        assertThat(read(bytes("a\tb\n1\t2,3\n", StandardCharsets.UTF_8), CsvFormat.detect()))
                .containsExactly(List.of("a", "b"), List.of("1", "2,3"));
        assertThat(read(bytes("a;b\n1;2\n", StandardCharsets.UTF_8), CsvFormat.detect().separator(',')))
                .containsExactly(List.of("a;b"), List.of("1;2"));
    }

    @Test
    @DisplayName("quoted cells keep separators, line breaks and doubled quotes; CRLF ends rows; a multi-line cell is one row")
    void quoting() {
        String text = "name,note\r\n\"Ivan, Jr.\",\"line one\r\nline \"\"two\"\"\"\r\nAnna,plain\r\n";
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes(text, StandardCharsets.UTF_8)),
                CsvFormat.detect())) {
            reader.next();
            CsvRow second = reader.next().orElseThrow();
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.cells()).containsExactly("Ivan, Jr.", "line one\r\nline \"two\"");
            CsvRow third = reader.next().orElseThrow();
            assertThat(third.number()).isEqualTo(3);
            assertThat(third.cells()).containsExactly("Anna", "plain");
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    @DisplayName("empty trailing rows and rows of empty cells read as blank rows")
    void blankRows() {
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(
                bytes("a,b\n1,2\n,\n\n , \n", StandardCharsets.UTF_8)), CsvFormat.detect())) {
            List<Boolean> blank = new ArrayList<>();
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                blank.add(row.get().blank());
            }
            assertThat(blank.subList(0, 2)).containsExactly(false, false);
            assertThat(blank.subList(2, blank.size())).isNotEmpty().containsOnly(true);
        }
    }

    @Test
    @DisplayName("rows are read one at a time: after the first row of a 200 MB file, little more than the detection sample was read")
    void streaming() {
        CountingRows file = new CountingRows(2_000_000);
        try (CsvReader reader = CsvReader.open(file, CsvFormat.detect())) {
            assertThat(reader.next().orElseThrow().cells()).containsExactly("name", "phone", "note");
            CsvRow first = reader.next().orElseThrow();
            assertThat(first.cells().get(0)).isEqualTo("Name 1");
            assertThat(file.served).isLessThan(CsvReader.SAMPLE + 256 * 1024);
            long rows = 2;
            while (reader.next().isPresent()) {
                rows++;
            }
            assertThat(rows).isEqualTo(2_000_001);
            assertThat(file.served).isGreaterThan(100_000_000L);
        }
    }

    @Test
    @DisplayName("a row of 1,000,000 columns is cut at the limit and marked too wide, the next row still reads")
    void hugeRow() {
        StringBuilder text = new StringBuilder("a,b\n");
        text.append("x,".repeat(999_999)).append("x\n").append("1,2\n");
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes(text.toString(), StandardCharsets.UTF_8)),
                CsvFormat.detect())) {
            reader.next();
            CsvRow wide = reader.next().orElseThrow();
            assertThat(wide.tooWide()).isTrue();
            assertThat(wide.cells()).hasSize(Limits.IMPORT_COLUMNS);
            assertThat(reader.next().orElseThrow().cells()).containsExactly("1", "2");
        }
    }

    @Test
    @DisplayName("an empty file, a binary file, an xlsx (zip) and UTF-16 are refused as not CSV")
    void notCsv() {
        assertThatThrownBy(() -> read(new byte[0], CsvFormat.detect())).satisfies(e ->
                assertThat(codeOf(e)).isEqualTo("io.file.empty"));
        byte[] binary = new byte[4096];
        new java.util.Random(15).nextBytes(binary);
        binary[10] = 0;
        assertThatThrownBy(() -> read(binary, CsvFormat.detect())).satisfies(e ->
                assertThat(codeOf(e)).isEqualTo("io.file.not_text"));
        assertThatThrownBy(() -> read(new byte[] {'P', 'K', 3, 4, 'x', 'l'}, CsvFormat.detect())).satisfies(e ->
                assertThat(codeOf(e)).isEqualTo("io.file.not_text"));
        assertThatThrownBy(() -> read(bytes("a,b\n", StandardCharsets.UTF_16), CsvFormat.detect())).satisfies(e ->
                assertThat(codeOf(e)).isEqualTo("io.file.not_text"));
    }

    @Test
    @DisplayName("invalid UTF-8 in a file declared UTF-8 is refused at the start, or reported at its row later on")
    void invalidUtf8() {
        byte[] start = {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> read(start, CsvFormat.detect().charset(StandardCharsets.UTF_8))).satisfies(e ->
                assertThat(codeOf(e)).isEqualTo("io.file.charset"));
        ByteArrayOutputStream late = new ByteArrayOutputStream();
        late.writeBytes("name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10_000; i++) {
            late.writeBytes(("Row number " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        late.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(late.toByteArray()), CsvFormat.detect())) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> {
                while (reader.next().isPresent()) {
                    assertThat(reader.rowsRead()).isLessThanOrEqualTo(10_001);
                }
            }).satisfies(e -> {
                assertThat(codeOf(e)).isEqualTo("io.file.charset");
                assertThat(((ValidationException) e).violations().get(0).messageEn()).contains("UTF-8");
            });
        }
    }

    /** A CSV file generated as it is read, counting the bytes served. */
    private static final class CountingRows extends InputStream {
        private final int rows;
        private int next;
        private byte[] current = "name,phone,note\n".getBytes(StandardCharsets.UTF_8);
        private int at;
        long served;

        CountingRows(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == current.length) {
                if (next == rows) {
                    return -1;
                }
                next++;
                current = ("Name " + next + ",+7 901 " + (1_000_000 + next) + ",\"" + "x".repeat(60) + "\"\n")
                        .getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            served++;
            return current[at++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
