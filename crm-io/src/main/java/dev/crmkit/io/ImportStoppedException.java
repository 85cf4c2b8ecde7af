package dev.crmkit.io;

import dev.crmkit.api.CrmException;
import java.util.Objects;

/**
 * An import stopped before the end of the file: the storage failed or the file became unreadable (invalid
 * text in its character set, a quote never closed). Every row before the one at fault was done whole (each row
 * is its own transaction), and {@link #report()} says how far: resume with
 * {@code options.resumeAfter(e.report().lastRowDone())}.
 */
public class ImportStoppedException extends CrmException {

    private static final long serialVersionUID = 1L;

    /** The report of the rows done; not serialized. */
    private final transient ImportReport report;

    /**
     * Wraps the cause.
     *
     * @param report the report of the rows done before the stop
     * @param cause why the import stopped
     */
    public ImportStoppedException(ImportReport report, RuntimeException cause) {
        super("the import stopped after row " + report.lastRowDone() + ": " + cause.getMessage(), cause);
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * The rows done before the stop.
     *
     * @return the report; {@code lastRowDone} is where to resume
     */
    public ImportReport report() {
        return report;
    }
}
