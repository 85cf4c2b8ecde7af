package dev.crmkit.io;

/** Hears how far an import has come, for a progress bar (IO-3). Called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    /** A listener that ignores everything. */
    ImportProgress NONE = (rowsDone, lastRow) -> { };

    /**
     * A row is done: stored, skipped or reported.
     *
     * @param rowsDone the data rows done so far in this run
     * @param lastRow the file row number of the row just done (the header being row 1): the place to resume
     *        after should the import stop
     */
    void rowDone(long rowsDone, long lastRow);
}
