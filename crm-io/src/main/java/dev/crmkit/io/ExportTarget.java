package dev.crmkit.io;

import java.io.IOException;
import java.io.OutputStream;

/** Where an export writes its files, one after the other (IO-5). */
@FunctionalInterface
public interface ExportTarget {

    /**
     * Opens the next file; the export writes it and closes it before opening the next one.
     *
     * @param index the file's number, from 1
     * @return the stream to write the file to
     * @throws IOException when the file cannot be opened
     */
    OutputStream open(int index) throws IOException;
}
