package dev.crmkit.io;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How a CSV file is written: its character set and column separator, each given or detected from the start of
 * the file (IO-4). Detection: a UTF-8 byte order mark or valid UTF-8 means UTF-8, anything else Windows-1251; the
 * separator is whichever of comma, semicolon and tab occurs most often in the header line outside quotes
 * (comma when none does).
 *
 * @param charset the character set, or empty to detect it
 * @param separator the column separator, or empty to detect it
 */
public record CsvFormat(Optional<Charset> charset, Optional<Character> separator) {

    /** The Windows-1251 (Cyrillic) character set that Excel in a Russian locale writes CSV in. */
    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /**
     * Checks the separator.
     *
     * @throws IllegalArgumentException when the separator is not a comma, semicolon or tab
     */
    public CsvFormat {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(separator, "separator");
        separator.ifPresent(c -> {
            if (c != ',' && c != ';' && c != '\t') {
                throw new IllegalArgumentException("the separator is a comma, a semicolon or a tab, was " + c);
            }
        });
    }

    /**
     * Both detected.
     *
     * @return a format that detects the character set and the separator
     */
    public static CsvFormat detect() {
        return new CsvFormat(Optional.empty(), Optional.empty());
    }

    /**
     * This format with a given character set.
     *
     * @param value the character set
     * @return the format
     */
    public CsvFormat charset(Charset value) {
        return new CsvFormat(Optional.of(Objects.requireNonNull(value, "value")), separator);
    }

    /**
     * This format with a given separator.
     *
     * @param value a comma, semicolon or tab
     * @return the format
     * @throws IllegalArgumentException when the separator is another character
     */
    public CsvFormat separator(char value) {
        return new CsvFormat(charset, Optional.of(value));
    }
}
