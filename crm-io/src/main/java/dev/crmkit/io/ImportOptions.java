package dev.crmkit.io;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
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
 * @param chunkSize how many rows of new contacts or companies are stored together, in one transaction and one
 *        batch write of the storage (IO-3): 1 to {@link Limits#BATCH}, {@link Limits#BATCH} by default. Rows are
 *        reported, told to the listener and resumed in file order whatever it is; a storage failure stops the
 *        import at the first row of its chunk, none of whose rows is stored
 */
public record ImportOptions(DuplicateStrategy duplicates, boolean importTag, Optional<String> extraTag,
                            boolean dryRun, CsvFormat format, Optional<PipelineId> pipeline, ImportProgress progress,
                            long resumeAfter, int chunkSize) {

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code resumeAfter} is negative
     * @throws ValidationException {@code io.options.chunk_size} when the chunk size is not 1 to {@link Limits#BATCH}
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
        if (chunkSize < 1 || chunkSize > Limits.BATCH) {
            throw IoMessages.invalid("chunkSize", "io.options.chunk_size", 1, Limits.BATCH, chunkSize);
        }
    }

    /**
     * Skip duplicates, with the import tag, no extra tag, stored, format detected, no pipeline, no listener,
     * from the start, in chunks of {@link Limits#BATCH} rows.
     *
     * @return the default options
     */
    public static ImportOptions defaults() {
        return new ImportOptions(DuplicateStrategy.SKIP, true, Optional.empty(), false, CsvFormat.detect(),
                Optional.empty(), ImportProgress.NONE, 0, Limits.BATCH);
    }

    /**
     * With a duplicate strategy.
     *
     * @param value the strategy
     * @return the options
     */
    public ImportOptions duplicates(DuplicateStrategy value) {
        return new ImportOptions(value, importTag, extraTag, dryRun, format, pipeline, progress, resumeAfter, chunkSize);
    }

    /**
     * Without the import tag (refused by the import when the policy requires the tag).
     *
     * @return the options
     */
    public ImportOptions withoutImportTag() {
        return new ImportOptions(duplicates, false, extraTag, dryRun, format, pipeline, progress, resumeAfter, chunkSize);
    }

    /**
     * With one more tag for every imported record.
     *
     * @param value the tag
     * @return the options
     */
    public ImportOptions tag(String value) {
        return new ImportOptions(duplicates, importTag, Optional.of(Objects.requireNonNull(value, "value")), dryRun,
                format, pipeline, progress, resumeAfter, chunkSize);
    }

    /**
     * As a dry run: every row checked and reported, nothing stored.
     *
     * @return the options
     */
    public ImportOptions asDryRun() {
        return new ImportOptions(duplicates, importTag, extraTag, true, format, pipeline, progress, resumeAfter, chunkSize);
    }

    /**
     * With a file format.
     *
     * @param value the format
     * @return the options
     */
    public ImportOptions format(CsvFormat value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, value, pipeline, progress, resumeAfter, chunkSize);
    }

    /**
     * With the pipeline for imported deals.
     *
     * @param value the pipeline
     * @return the options
     */
    public ImportOptions pipeline(PipelineId value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format,
                Optional.of(Objects.requireNonNull(value, "value")), progress, resumeAfter, chunkSize);
    }

    /**
     * With a progress listener.
     *
     * @param value the listener
     * @return the options
     */
    public ImportOptions progress(ImportProgress value) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format, pipeline, value, resumeAfter, chunkSize);
    }

    /**
     * Continuing after a row.
     *
     * @param row the last row done, as a report's {@link ImportReport#lastRowDone()} says
     * @return the options
     */
    public ImportOptions resumeAfter(long row) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format, pipeline, progress, row, chunkSize);
    }

    /**
     * With a chunk size: how many rows of new contacts or companies are stored in one transaction and one batch
     * write.
     *
     * @param rows 1 to {@link Limits#BATCH}
     * @return the options
     * @throws ValidationException {@code io.options.chunk_size} when it is out of that range
     */
    public ImportOptions chunkSize(int rows) {
        return new ImportOptions(duplicates, importTag, extraTag, dryRun, format, pipeline, progress, resumeAfter, rows);
    }
}
