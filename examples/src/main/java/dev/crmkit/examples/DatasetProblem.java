package dev.crmkit.examples;

import java.util.Objects;

/**
 * A row of the data set that could not be loaded exactly as the file has it, and what the load did about it.
 *
 * @param file the file's name, such as {@code sales_pipeline.csv}
 * @param row the row's number in the file, the header being row 1
 * @param column the column at fault, empty when it is the whole row's
 * @param value the cell as the file has it
 * @param code a stable code, such as {@code product.spelling}
 * @param outcome what the load did
 * @param detail the problem and the outcome in words
 */
record DatasetProblem(String file, long row, String column, String value, String code, Outcome outcome,
                      String detail) {

    /** What the load did with a row that has a problem. */
    enum Outcome {
        /** The value was corrected and the row loaded. */
        CORRECTED,
        /** The row was loaded without the value (a deal without a company, without history). */
        LOADED_WITHOUT,
        /** The row was not loaded. */
        REFUSED
    }

    /** Rejects nulls. */
    DatasetProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
