package dev.crmkit.io;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cell texts against formula injection (IO-5) and back, and phones a spreadsheet turned into numbers (IO-4).
 * {@link #neutralize} puts an apostrophe before a cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (a spreadsheet would run it as a formula) or with an apostrophe (so
 * the mark is never ambiguous); {@link #restore} takes exactly that apostrophe off again, so importing an
 * export gives back the values exported. Pure.
 */
public final class CsvCells {

    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?[eE][+]?\\d+");

    private CsvCells() {
    }

    /**
     * A cell's text as it is exported.
     *
     * @param value the value
     * @return the value, with an apostrophe in front when it begins with a formula character or an apostrophe
     */
    public static String neutralize(String value) {
        Objects.requireNonNull(value, "value");
        return needsMark(value, 0) || (value.startsWith("'")) ? "'" + value : value;
    }

    /**
     * A cell's value as imported: the apostrophe {@link #neutralize} added is taken off.
     *
     * @param cell the cell's text
     * @return the text without a leading apostrophe that comes before a formula character or an apostrophe
     */
    public static String restore(String cell) {
        Objects.requireNonNull(cell, "cell");
        if (cell.length() > 1 && cell.charAt(0) == '\'' && (needsMark(cell, 1) || cell.charAt(1) == '\'')) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean needsMark(String value, int at) {
        if (value.length() <= at) {
            return false;
        }
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * Whether a phone cell is a number in scientific notation, as Excel writes a long number (such as
     * {@code 7.9017763434E+10}).
     *
     * @param cell the cell's text
     * @return true when it looks like such a number
     */
    public static boolean scientific(String cell) {
        return SCIENTIFIC.matcher(cell.strip()).matches();
    }

    /**
     * The digits of a phone a spreadsheet wrote in scientific notation, when none were lost:
     * {@code 7.9017763434E+10} gives {@code 79017763434}; {@code 7.90177E+10} gives empty, since its last
     * digits are gone.
     *
     * @param cell a cell for which {@link #scientific} is true
     * @return the phone's digits, or empty when the notation dropped some
     */
    public static Optional<String> recoverPhone(String cell) {
        BigDecimal value = new BigDecimal(cell.strip().replace(',', '.'));
        if (value.scale() < 0 || value.signum() <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.setScale(0).toPlainString());
        } catch (ArithmeticException fraction) {
            return Optional.empty();
        }
    }
}
