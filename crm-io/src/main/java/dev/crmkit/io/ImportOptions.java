package dev.crmkit.io;

import dev.crmkit.api.deal.PipelineId;
import java.util.Objects;
import java.util.Optional;

/**
 * How an import runs. Start from {@link #defaults()} and change what differs; each method returns new options.
 *
 * @param duplicates what to do with a row that duplicates a stored record or an earlier row
 * @param importTag whether records get the {@code import_<yyyy-MM-dd>_<HH:mm>} tag (IO-2); it can be switched off
 *        only where the policy allows it
 * @param extraTag one more tag for every imported record
 * @param dryRun whether to check every row and report, storing nothing
 * @param format the file's character set and separator, given or detected
 * @param pipeline the pipeline imported deals go into (needed for deals only)
 * @param progress the listener told of every row done
 * @param resumeAfter the number of the last file row already done (0: from the start); rows up to it are read
 *        and passed over, so an import that stopped continues where its report says
 */
public record ImportOptions(DuplicateStrategy duplicates, boolean importTag, Optional<String> extraTag,
                            boolean dryRun, CsvFormat format, Optional<PipelineId> pipeline, ImportProgress progress,
                            long resumeAfter) {

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code resumeAfter} is negative
     */
    public ImportOptions {
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(extraTag, "extraTag");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(progress, "progress");
        if (resumeAfter < 0) {
            throw new IllegalArgumentException("resumeAfter is a row number, was " + resumeAfter);
        }
    }

    /**
     * Skip duplicates, with the import tag, no extra tag, stored, format detected, no pipeline, no listener,
     * from the start.
     *
     * @return the default options
     */
    public static ImportOptions defaults() {
        return new ImportOptions(DuplicateStrategy.SKIP, true, Optional.empty(), false, CsvFormat.detect(),
                Optional.empty(), ImportProgress.NONE, 0);
    }

    /**
     * With a duplicate strategy.
     *
     * @param value the strategy
     * @return the options
     */
    public ImportOptions duplicates(DuplicateStrategy value) {
        return new ImportOptions(value, importTag, extraTag, dryRun, format, pipeline, progress, resumeAfter);
    }

    /**
     * Without the import tag (refused by the import when the policy requires the tag).
     *
     * @return the options
     */
    public ImportOptions withoutImportTag() {
        return new ImportOptions(duplicates, false, extraTag, dryRun, format, pipeline, progress, resumeAfter);
    }

    /**
     * With one more tag for every imported record.
     *
     * @param value the tag
     * @return the options
     */
    public ImportOptions tag(String value) {
        return new ImportOptions(duplicates, importTag, Optional.of(Objects.requireNonNull(value, "value")), dryRun,
                format, pipeline, progress, resumeAfter);
    }

    /**
     * As a dry run: every row checked and reported, nothing stored.
     *
     * @return the options
     */
    public ImportOptions asDryRun() {
        return new ImportOptions(duplicates, importTag, extraTag, true, format, pipeline, progress, resumeAfter);
    }

    /**
     * With a file format.
     *
     * @param value the format
     * @return the options
     */
    public ImportOptions format(CsvFormat value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, value, pipeline, progress, resumeAfter);
    }

    /**
     * With the pipeline for imported deals.
     *
     * @param value the pipeline
     * @return the options
     */
    public ImportOptions pipeline(PipelineId value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format,
                Optional.of(Objects.requireNonNull(value, "value")), progress, resumeAfter);
    }

    /**
     * With a progress listener.
     *
     * @param value the listener
     * @return the options
     */
    public ImportOptions progress(ImportProgress value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format, pipeline, value, resumeAfter);
    }

    /**
     * Continuing after a row.
     *
     * @param row the last row done, as a report's {@link ImportReport#lastRowDone()} says
     * @return the options
     */
    public ImportOptions resumeAfter(long row) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format, pipeline, progress, row);
    }
}
