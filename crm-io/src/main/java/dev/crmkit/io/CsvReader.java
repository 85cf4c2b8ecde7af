package dev.crmkit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a CSV file one row at a time (IO-4), with Jackson's CSV parser: memory holds one row and a fixed
 * buffer, whatever the file's size. The character set and separator are given or detected from the first
 * {@value #SAMPLE} bytes (see {@link CsvFormat}); a byte order mark is skipped; quoted cells may hold separators,
 * line breaks and doubled quotes; lines end in LF or CRLF. The text is decoded strictly: a byte sequence that is
 * not valid in the character set is an error, never a replacement character. Not thread-safe.
 */
public final class CsvReader implements Closeable {

    /** How many bytes from the start of the file detection reads. */
    static final int SAMPLE = 64 * 1024;

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Limits.IMPORT_CELL).build())
            .build();

    private final CsvParser parser;
    private final Charset charset;
    private final char separator;
    private long rows;

    private CsvReader(CsvParser parser, Charset charset, char separator) {
        this.parser = parser;
        this.charset = charset;
        this.separator = separator;
    }

    /**
     * Opens a file for reading, detecting what the format leaves open.
     *
     * @param in the file's bytes; closed with this reader
     * @param format the character set and separator, each given or detected
     * @return the reader, before the first row
     * @throws ValidationException {@code io.file.empty} for an empty file, {@code io.file.not_supported} for one
     *         that begins as a PNG, JPEG, GIF, PDF, old Excel (.xls) or gzip file does, {@code io.file.not_text} for
     *         another binary one (a zero byte, a zip archive such as .xlsx, a UTF-16 byte order mark; read an .xlsx
     *         with {@link XlsxReader}), {@code io.file.charset} when
     *         the start of the file is not valid text in the given character set
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static CsvReader open(InputStream in, CsvFormat format) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, SAMPLE);
            buffered.mark(SAMPLE);
            byte[] sample = buffered.readNBytes(SAMPLE);
            buffered.reset();
            boolean complete = sample.length < SAMPLE;
            if (sample.length == 0) {
                in.close();
                throw IoMessages.invalid("", "io.file.empty");
            }
            Optional<String> binaryFormat = FileKinds.unsupported(sample);
            if (binaryFormat.isPresent()) {
                in.close();
                throw IoMessages.invalid("", "io.file.not_supported", binaryFormat.get());
            }
            if (binary(sample)) {
                in.close();
                throw IoMessages.invalid("", "io.file.not_text");
            }
            int bom = startsWithUtf8Bom(sample) ? 3 : 0;
            Charset charset = format.charset().orElseGet(() -> bom > 0 || validUtf8(sample, bom, complete)
                    ? StandardCharsets.UTF_8 : CsvFormat.WINDOWS_1251);
            if (!valid(charset, sample, charset.equals(StandardCharsets.UTF_8) ? bom : 0, complete)) {
                in.close();
                throw IoMessages.invalid("", "io.file.charset", charset.name(), 1);
            }
            if (charset.equals(StandardCharsets.UTF_8)) {
                buffered.skipNBytes(bom);
            }
            char separator = format.separator().orElseGet(() -> detectSeparator(new String(sample, bom,
                    sample.length - bom, charset)));
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CsvParser parser = FACTORY.createParser(new InputStreamReader(buffered, decoder));
            parser.disable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            return new CsvReader(parser, charset, separator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file", e);
        }
    }

    /**
     * The character set the file is read in.
     *
     * @return the given or detected character set
     */
    public Charset charset() {
        return charset;
    }

    /**
     * The column separator.
     *
     * @return the given or detected separator
     */
    public char separator() {
        return separator;
    }

    /**
     * The number of rows read so far (the header counts as row 1).
     *
     * @return the number of the last row read, 0 before the first
     */
    public long rowsRead() {
        return rows;
    }

    /**
     * Reads the next row.
     *
     * @return the row, or empty at the end of the file
     * @throws ValidationException {@code io.file.charset} when the text is not valid in the character set,
     *         {@code io.file.unreadable} when it is not CSV (such as a quote never closed or a cell longer than
     *         {@link Limits#IMPORT_CELL}); the row number is in the message
     * @throws UncheckedIOException when the stream cannot be read
     */
    public Optional<CsvRow> next() {
        long number = rows + 1;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            if (token != JsonToken.START_ARRAY) {
                throw IoMessages.invalid("", "io.file.unreadable", number, token);
            }
            List<String> cells = new ArrayList<>();
            boolean tooWide = false;
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
                if (cells.size() < Limits.IMPORT_COLUMNS) {
                    cells.add(parser.getText());
                } else {
                    tooWide = true;
                }
            }
            rows = number;
            return Optional.of(new CsvRow(number, cells, tooWide));
        } catch (CharacterCodingException e) {
            throw IoMessages.invalid("", "io.file.charset", charset.name(), number);
        } catch (JsonProcessingException e) {
            throw IoMessages.invalid("", "io.file.unreadable", number, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read row " + number, e);
        }
    }

    /**
     * Closes the file.
     *
     * @throws UncheckedIOException when closing fails
     */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the file", e);
        }
    }

    private static boolean binary(byte[] sample) {
        if (sample.length >= 2 && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
                || (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
            return true;
        }
        if (sample.length >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
            return true;
        }
        int control = 0;
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 10 > sample.length;
    }

    private static boolean startsWithUtf8Bom(byte[] sample) {
        return sample.length >= 3 && sample[0] == (byte) 0xEF && sample[1] == (byte) 0xBB && sample[2] == (byte) 0xBF;
    }

    private static boolean validUtf8(byte[] sample, int offset, boolean complete) {
        return valid(StandardCharsets.UTF_8, sample, offset, complete);
    }

    /** Whether the sample decodes without error; a sequence cut at the sample's end is fine unless it is the file's end. */
    private static boolean valid(Charset charset, byte[] sample, int offset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(sample, offset, sample.length - offset);
        CharBuffer chars = CharBuffer.allocate(sample.length);
        CoderResult result = decoder.decode(bytes, chars, complete);
        if (result.isError()) {
            return false;
        }
        return !complete || !decoder.flush(chars).isError();
    }

    /** The separator that occurs most often outside quotes in the first line; a comma when none does. */
    static char detectSeparator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }
}
