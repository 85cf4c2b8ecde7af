package dev.crmkit.examples;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the four CSV files of the data set are read from: a directory, or the copy bundled in the examples'
 * resources ({@code dev/crmkit/examples/dataset/}).
 */
abstract class DatasetSource {

    /** The files a data set directory holds. */
    static final List<String> FILES = List.of("accounts.csv", "products.csv", "sales_teams.csv",
            "sales_pipeline.csv");

    /**
     * The files of a directory.
     *
     * @param directory the directory
     * @return the source
     * @throws IllegalArgumentException naming every file the directory lacks
     */
    static DatasetSource directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        List<String> missing = FILES.stream().filter(f -> !Files.isRegularFile(directory.resolve(f))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(directory.toAbsolutePath() + " lacks " + String.join(", ", missing)
                    + " (a data set directory holds " + String.join(", ", FILES) + ")");
        }
        return new DatasetSource() {
            @Override
            InputStream open(String file) throws IOException {
                return Files.newInputStream(directory.resolve(file));
            }

            @Override
            public String toString() {
                return directory.toAbsolutePath().normalize().toString();
            }
        };
    }

    /**
     * The copy of the data set in the examples' resources.
     *
     * @return the source
     */
    static DatasetSource bundled() {
        return new DatasetSource() {
            @Override
            InputStream open(String file) throws IOException {
                InputStream in = DatasetSource.class.getResourceAsStream("dataset/" + file);
                if (in == null) {
                    throw new FileNotFoundException("the bundled data set has no " + file);
                }
                return in;
            }

            @Override
            public String toString() {
                return "the copy bundled with the examples (dev/crmkit/examples/dataset/)";
            }
        };
    }

    /**
     * Opens one of the files.
     *
     * @param file one of {@link #FILES}
     * @return its bytes, to be closed by the caller
     * @throws IOException when it cannot be read
     */
    abstract InputStream open(String file) throws IOException;

    /** Opens a file, failing unchecked. */
    final InputStream openUnchecked(String file) {
        try {
            return open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " of " + this, e);
        }
    }
}
