package dev.crmkit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL peer of the import benchmark: an embedded PostgreSQL server (io.zonky.test, its own binaries, no
 * Docker) with a {@code contacts} table that has a unique index on each of the duplicate keys crmkit's amoCRM rule
 * uses, the phone's last ten digits and the lower-case e-mail (and on the full name of contacts without either, as
 * crm-io matches them), and a load of the CSV file as a DBA writes it:
 * {@code COPY} into a staging table, then one {@code INSERT … SELECT} that refuses the bad rows, computes the
 * keys and keeps the first row of each duplicate ({@code ON CONFLICT DO NOTHING} in file order). The extension
 * pattern runs only on the phones that hold something besides digits and separators.
 *
 * <p>Both tables are {@code UNLOGGED} (no write-ahead log: crmkit's in-memory adapter keeps nothing durable either),
 * and the server runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off, as the
 * project's tests run it, and without parallel query ({@code max_parallel_workers_per_gather = 0}), so one backend
 * does the load: one thread, as crmkit's import. PostgreSQL refuses to run as root; as root the binaries are
 * wrapped to run as {@code nobody}, the way crm-jdbc's tests start it.
 */
public final class PostgresPeer implements AutoCloseable {

    private static final Path WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "crmkit-bench-pg");

    /** The table with the duplicate keys' unique indexes. */
    static final List<String> SCHEMA = List.of(
            "CREATE UNLOGGED TABLE contacts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, first_name text, "
                    + "last_name text, phone text, email text, birth_date date, comment text, phone_key text, "
                    + "email_key text)",
            "CREATE UNIQUE INDEX contacts_phone_key ON contacts (phone_key)",
            "CREATE UNIQUE INDEX contacts_email_key ON contacts (email_key)",
            // crm-io matches a row without phone and e-mail to a stored contact of the same name without them.
            "CREATE UNIQUE INDEX contacts_bare_name ON contacts "
                    + "(btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) "
                    + "WHERE phone_key IS NULL AND email_key IS NULL",
            "CREATE UNLOGGED TABLE staging (n bigint GENERATED ALWAYS AS IDENTITY, first_name text, last_name text, "
                    + "phone text, email text, birth_date text, comment text)");
    /** The file's rows as they are, into the staging table. */
    static final String COPY = "COPY staging (first_name, last_name, phone, email, birth_date, comment) FROM STDIN "
            + "(FORMAT csv, HEADER true, ENCODING 'UTF8')";
    /**
     * The rows that are contacts, first of each duplicate only. The checks mirror crmkit's on the kinds of bad value
     * the file has: a person needs a name; a phone, once an extension ({@code доб. 12}, {@code ext. 12}, {@code #12})
     * is cut off its end, holds only digits and separators and at least one digit; an e-mail has one {@code @} and a
     * dotted domain and no space; a birth date is {@code yyyy-MM-dd} or {@code dd.MM.yyyy}.
     */
    static final String INSERT = "INSERT INTO contacts (first_name, last_name, phone, email, birth_date, comment, "
            + "phone_key, email_key) "
            + "SELECT btrim(first_name), btrim(last_name), btrim(phone), btrim(email), "
            + "CASE WHEN birth_date ~ '^\\d{4}-' THEN to_date(birth_date, 'YYYY-MM-DD') "
            + "WHEN birth_date ~ '^\\d{2}\\.' THEN to_date(birth_date, 'DD.MM.YYYY') END, comment, "
            + "nullif(right(regexp_replace(number, '[^0-9]', '', 'g'), 10), ''), nullif(lower(btrim(email)), '') "
            + "FROM (SELECT s.*, CASE WHEN btrim(phone) ~ '^[0-9 ().+/-]*$' THEN btrim(phone) "
            + "ELSE regexp_replace(btrim(phone), '[\\s,;]*((доб|доп|ext|extension|вн)\\.?|x|#)\\s*[0-9]+\\s*$', '', 'i') "
            + "END AS number FROM staging s) t "
            + "WHERE (coalesce(btrim(first_name), '') <> '' OR coalesce(btrim(last_name), '') <> '') "
            + "AND (coalesce(btrim(phone), '') = '' OR number ~ '^[0-9 ().+/-]*[0-9][0-9 ().+/-]*$') "
            + "AND (coalesce(btrim(email), '') = '' OR btrim(email) ~ '^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$') "
            + "AND (coalesce(btrim(birth_date), '') = '' OR birth_date ~ '^(\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4})$') "
            + "ORDER BY n ON CONFLICT DO NOTHING";

    /** What one load did. */
    public record Load(long copied, long inserted, long copyMillis, long insertMillis) {
    }

    private final EmbeddedPostgres server;
    private final Connection connection;

    private PostgresPeer(EmbeddedPostgres server) throws SQLException {
        this.server = server;
        this.connection = server.getPostgresDatabase().getConnection();
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS contacts, staging");
            for (String ddl : SCHEMA) {
                st.execute(ddl);
            }
        }
    }

    /**
     * Starts a server with the empty tables.
     *
     * @return the peer
     * @throws SQLException if the tables cannot be made
     */
    public static PostgresPeer start() throws SQLException {
        return new PostgresPeer(server());
    }

    /**
     * Empties both tables and restarts the row numbers (not part of a measured load).
     *
     * @throws SQLException if PostgreSQL fails
     */
    public void clear() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE contacts, staging RESTART IDENTITY");
            st.execute("CHECKPOINT");
        }
    }

    /**
     * Loads a file: {@code COPY} into the staging table, then the contacts from it, in one transaction.
     *
     * @param file the CSV file
     * @return the rows copied and the contacts inserted
     * @throws SQLException if PostgreSQL fails
     * @throws IOException if the file cannot be read
     */
    public Load load(Path file) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            long start = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, in, 1 << 16);
            }
            long copiedAt = System.nanoTime();
            long inserted;
            try (Statement st = connection.createStatement()) {
                inserted = st.executeUpdate(INSERT);
            }
            connection.commit();
            long end = System.nanoTime();
            return new Load(copied, inserted, (copiedAt - start) / 1_000_000, (end - copiedAt) / 1_000_000);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The number of stored contacts.
     *
     * @return the rows of {@code contacts}
     * @throws SQLException if PostgreSQL fails
     */
    public long contacts() throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM contacts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Stops the server.
     *
     * @throws SQLException if closing the connection fails
     * @throws IOException if stopping fails
     */
    @Override
    public void close() throws SQLException, IOException {
        connection.close();
        server.close();
    }

    /**
     * Starts an embedded server with this class's settings (also {@link AnalyticsBenchmark}'s peer), as root by
     * running the binaries as {@code nobody}.
     *
     * @return the running server; the caller closes it
     */
    /**
     * A HikariCP pool of two connections on a server, as the single-record and bulk benchmarks share one between
     * their two sides.
     *
     * @param server the server
     * @return the pool
     */
    static HikariDataSource pool(EmbeddedPostgres server) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.getPostgresDatabase());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

    static EmbeddedPostgres server() {
        try {
            Files.createDirectories(WORK_DIR);
            if (!"root".equals(System.getProperty("user.name"))) {
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
                .setServerConfig("full_page_writes", "off").setServerConfig("max_parallel_workers_per_gather", "0")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB")
                .setServerConfig("maintenance_work_mem", "256MB").setServerConfig("work_mem", "256MB");
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
                        "# Written by crmkit's benchmarks: PostgreSQL will not run as root, so run it as nobody.",
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
