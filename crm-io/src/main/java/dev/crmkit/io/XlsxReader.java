package dev.crmkit.io;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an .xlsx workbook one row at a time (IO-1), with fastexcel's reader, into the same rows
 * {@link CsvReader} gives, so an import of either goes through the same pipeline. Each cell becomes the text the
 * importer parses by its field: a text cell as it is; a number as its exact decimal digits ({@code 79017763434},
 * never {@code 7.9017763434E10}, so a phone a spreadsheet stored as a number comes back as digits); a number
 * formatted as a date as {@code yyyy-MM-dd} (with {@code THH:mm} when it has a time of day); a checkbox as
 * {@code true} or {@code false}; a formula as the value the spreadsheet last computed for it (never the formula);
 * an error as its code (such as {@code #N/A}). Row numbers are the spreadsheet's. A row wider than
 * {@link Limits#IMPORT_COLUMNS} is cut there and marked too wide, as in CSV.
 *
 * <p>Before fastexcel reads anything, the file is checked ({@code XlsxGuard}): at most
 * {@link Limits#IMPORT_XLSX_BYTES} bytes and {@link Limits#IMPORT_XLSX_PARTS} parts, no zip bomb (parts expanding
 * more than {@link Limits#IMPORT_XLSX_RATIO} times or past {@link Limits#IMPORT_XLSX_EXPANDED} bytes in all), no
 * document type declaration (so no external entity is ever resolved), no cell past column
 * {@link Limits#XLSX_COLUMNS} and no cell longer than {@link Limits#IMPORT_CELL}. Memory: the file itself (a zip
 * keeps its table of contents at the end, so it cannot be streamed), the shared strings read so far and one row.
 * Not thread-safe.
 */
public final class XlsxReader implements Closeable {

    /** Excel's built-in number formats that are dates or times (ids 14 to 22). */
    private static final int FIRST_DATE_FORMAT = 14;
    private static final int LAST_DATE_FORMAT = 22;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.|_.|\\*.");

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private long number;

    private XlsxReader(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    /**
     * Reads and checks a workbook, ready to read its first sheet.
     *
     * @param in the file's bytes; read to the end and closed
     * @return the reader, before the first row
     * @throws ValidationException {@code io.file.empty} for an empty file; {@code io.xlsx.too_large},
     *         {@code io.xlsx.not_workbook} (not a zip, or a zip without a workbook or sheet),
     *         {@code io.xlsx.too_many_parts}, {@code io.xlsx.bomb}, {@code io.xlsx.doctype}, {@code io.xlsx.too_wide}
     *         or {@code io.xlsx.cell_too_long} for a file refused as the class describes
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static XlsxReader open(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] file;
        try (in) {
            file = in.readNBytes(Limits.IMPORT_XLSX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file", e);
        }
        if (file.length == 0) {
            throw IoMessages.invalid("", "io.file.empty");
        }
        if (file.length > Limits.IMPORT_XLSX_BYTES) {
            throw IoMessages.invalid("", "io.xlsx.too_large", Limits.IMPORT_XLSX_BYTES);
        }
        XlsxGuard.check(file);
        // With cell formats (to tell dates from numbers) fastexcel needs the styles part, which every spreadsheet
        // program writes; a workbook without one is read without formats, so its numbers stay numbers.
        return open(file, true).or(() -> open(file, false))
                .orElseThrow(() -> IoMessages.invalid("", "io.xlsx.not_workbook"));
    }

    private static Optional<XlsxReader> open(byte[] file, boolean formats) {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(formats, true));
            return Optional.of(new XlsxReader(workbook, workbook.getFirstSheet().openStream()));
        } catch (IOException | RuntimeException notAWorkbook) {
            closeQuietly(workbook);
            return Optional.empty();
        }
    }

    /**
     * The number of the last row read, as the spreadsheet numbers it (the header is usually row 1).
     *
     * @return the number, 0 before the first row
     */
    public long rowsRead() {
        return number;
    }

    /**
     * Reads the next row of the first sheet. Rows the sheet leaves out (it stores only rows with something in
     * them) are not returned; the numbers of the rows returned say where they are.
     *
     * @return the row, or empty at the end of the sheet
     * @throws ValidationException {@code io.xlsx.unreadable} when the sheet cannot be read on (its row number is
     *         in the message)
     */
    public Optional<CsvRow> next() {
        Row row;
        try {
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            row = rows.next();
        } catch (RuntimeException unreadable) {
            // fastexcel's reader fails in many ways on a broken sheet (its own exception, number formats, indexes
            // of shared strings or formulas that are not there): each is the same to the import
            throw IoMessages.invalid("", "io.xlsx.unreadable", number + 1);
        }
        number = row.getRowNum() > number ? row.getRowNum() : number + 1;
        int count = row.getCellCount();
        int kept = Math.min(count, Limits.IMPORT_COLUMNS);
        List<String> cells = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            cells.add(text(row.getCell(i)));
        }
        return Optional.of(new CsvRow(number, cells, count > Limits.IMPORT_COLUMNS));
    }

    /**
     * Closes the workbook.
     *
     * @throws UncheckedIOException when closing fails
     */
    @Override
    public void close() {
        try (workbook) {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the workbook", e);
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook == null) {
            return;
        }
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the file is refused anyway
        }
    }

    /** A cell as the text the importer parses. */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.ERROR) {
            return Objects.requireNonNullElse(cell.getRawValue(), "");
        }
        Object value = cell.getValue();
        if (value == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER && date(cell.getDataFormatId(), cell.getDataFormatString())) {
            try {
                return date(cell.asDate());
            } catch (RuntimeException notADate) {
                return number((BigDecimal) value);
            }
        }
        if (value instanceof BigDecimal) {
            return number((BigDecimal) value);
        }
        return value.toString();
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDateTime value) {
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    /** Whether a cell's number format shows a date or a time: a built-in one, or one with days, years, hours or seconds. */
    static boolean date(Integer id, String format) {
        if (id != null && id >= FIRST_DATE_FORMAT && id <= LAST_DATE_FORMAT) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String plain = QUOTED.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        return plain.indexOf('y') >= 0 || plain.indexOf('d') >= 0 || plain.indexOf('h') >= 0 || plain.indexOf('s') >= 0;
    }
}
