package dev.crmkit.io;

import dev.crmkit.api.Violation;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a row of an import was not stored (IO-3).
 *
 * @param row the row's number in the file, the header being row 1
 * @param column the header of the column at fault, or empty when the problem is the whole row's (such as a
 *        duplicate, or a required field no column fills)
 * @param violation the problem: its code and its English and Russian message
 */
public record RowProblem(long row, String column, Violation violation) {

    /** Checks the parts. */
    public RowProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(violation, "violation");
    }

    /**
     * The problem's code.
     *
     * @return a code such as {@code contact.name.required}
     */
    public String code() {
        return violation.code();
    }

    /**
     * The problem in words.
     *
     * @param locale English or Russian
     * @return the message
     */
    public String message(Locale locale) {
        return violation.message(locale);
    }

    @Override
    public String toString() {
        return "row " + row + (column.isEmpty() ? "" : ", column " + column) + ": " + code() + " ("
                + violation.messageEn() + ")";
    }
}
