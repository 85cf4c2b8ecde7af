package dev.crmkit.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import did (IO-3): how many data rows created, updated, skipped (duplicates left alone, updates that
 * changed nothing) and failed, with a problem for every failed row.
 *
 * @param created rows stored as new records (in a dry run: rows that would be)
 * @param updated rows added to a stored duplicate
 * @param skipped rows that duplicated a record and were left alone
 * @param failed rows not stored, each with one or more problems
 * @param problems the problems, by row
 * @param lastRowDone the file row number of the last row done, 0 when none; {@link ImportOptions#resumeAfter}
 *        continues after it
 * @param dryRun whether nothing was stored
 * @param importTag the import tag the records got, if any
 */
public record ImportReport(long created, long updated, long skipped, long failed, List<RowProblem> problems,
                           long lastRowDone, boolean dryRun, Optional<String> importTag) {

    /** Copies the problems. */
    public ImportReport {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(importTag, "importTag");
    }

    /**
     * The data rows done.
     *
     * @return created + updated + skipped + failed
     */
    public long rows() {
        return created + updated + skipped + failed;
    }
}
