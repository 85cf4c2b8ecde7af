package dev.crmkit.io;

import java.util.List;
import java.util.Objects;

/**
 * One row of a CSV file as read.
 *
 * @param number the row's number in the file, the header being row 1 (a quoted cell with line breaks is one
 *        row, as a spreadsheet shows it)
 * @param cells the cells, as written (quotes removed, doubled quotes made single)
 * @param tooWide whether the row had more than {@link dev.crmkit.api.Limits#IMPORT_COLUMNS} columns; then
 *        {@code cells} holds only the first ones
 */
public record CsvRow(long number, List<String> cells, boolean tooWide) {

    /** Copies the cells. */
    public CsvRow {
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
    }

    /**
     * Whether every cell is blank (such rows, like empty trailing rows, are not imported).
     *
     * @return true when the row holds no text
     */
    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }

    /**
     * A cell by position.
     *
     * @param index the position, from 0
     * @return the cell's text, or an empty text when the row is shorter
     */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
