package dev.crmkit.io;

/** The kind of file an export writes (IO-5). */
public enum ExportFormat {
    /** CSV: UTF-8 with a byte order mark, comma-separated, CRLF, quoted where needed. */
    CSV,
    /**
     * An .xlsx workbook of one sheet: texts as text cells (never formulas), dates as date cells, custom numbers as
     * number cells.
     */
    XLSX
}
