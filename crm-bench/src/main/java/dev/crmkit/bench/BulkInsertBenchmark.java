package dev.crmkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.jdbc.HandWrittenContacts;
import dev.crmkit.jdbc.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk insert on PostgreSQL (issue 16 item 4): {@code contacts} new contacts (100,000) stored through crm-jdbc's batch
 * port, {@code Store.insertAll} (one {@code COPY} under a savepoint per call, at most {@link Limits#BATCH} records a
 * call), against a hand-written {@code COPY contacts (...) FROM STDIN} of the same rows through pgjdbc's
 * {@code CopyManager} ({@link HandWrittenContacts#copyAll}). Both sides take the same {@link Contact} objects of
 * {@link ContactData} (seed 9, 10 % returning people, so repeated phones and e-mails go into the duplicate-key
 * indexes) and build their rows, JSON document included, inside the measured part: crm-jdbc with its own row
 * builder, the peer with its own hand-written text writer over the same column functions and crm-jdbc's JSON codec.
 * One thread; both sides borrow from one HikariCP pool of two connections over an embedded PostgreSQL (the settings
 * of {@link PostgresPeer}) with crm-jdbc's migrated schema.
 *
 * <p>One transaction each. crmkit runs {@code storage.run(tx -> ...)} once around all the
 * {@code tx.contacts().insertAll(chunk)} calls (chunks of {@link Limits#BATCH}); the peer sends one {@code COPY} and
 * commits. One transaction holding every call is the fair analogue of one {@code COPY}: a transaction a chunk
 * would add a commit per 1,000 rows, which the peer does not pay, and measure crm-jdbc's transaction handling
 * rather than its batch port. What is left between the sides is the adapter's own work: its checks of the batch,
 * a savepoint per call, its row building and a round trip per 1,000 rows instead of one stream.
 *
 * <p>Every invocation starts from the same state, an empty table: before each (one invocation an iteration, in
 * {@link Mode#SingleShotTime}) the table is emptied with {@code TRUNCATE} (with {@code leads}, the one table holding a
 * foreign key to it, empty here) and a {@code CHECKPOINT}, so that no dirty page or dead row of the last invocation
 * is left; no {@code VACUUM} or {@code ANALYZE} is needed, and autovacuum is off for the table, so that no worker
 * woken by the last invocation's rows runs during the next one. An empty table rather than a base of stored
 * contacts: a base would have to be restored by deleting the inserted rows, leaving dead index entries that grow
 * from invocation to invocation unless vacuumed, and both sides' work (the same rows into the same indexes) is the
 * same either way.
 *
 * <p>Every fork checks before measuring that the two sides store identical tables (each side run once on the empty
 * table, the same ids on both, compared by a checksum of every row in id order) and that crm-jdbc reads back a sample
 * of the contacts as they were given; after every invocation the table must hold exactly that checksum's rows, or
 * the fork fails. Forks are meant to alternate between the sides: see {@link Interleaved} ({@code bulk}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Threads(1)
public class BulkInsertBenchmark {

    private static final String SCHEMA = "bench_bulk";
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    /** How many contacts each invocation inserts. */
    @Param("100000")
    public int contacts;

    EmbeddedPostgres server;
    HikariDataSource pool;
    PostgresStorage storage;
    HandWrittenContacts peer;
    /** The contacts both sides insert, in order. */
    List<Contact> toInsert;
    /** The same, in chunks of {@link Limits#BATCH} for the batch port. */
    List<List<Contact>> chunks;
    /** The rows and checksum of the table after either side, worked out before measuring. */
    Contents expected;

    /**
     * What a table holds: its rows and an MD5 over each row's MD5 in id order.
     *
     * @param rows how many rows
     * @param checksum the checksum
     */
    record Contents(long rows, String checksum) {
    }

    /**
     * Starts PostgreSQL, migrates crm-jdbc's schema, makes the contacts and checks that both sides store the same
     * table.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        server = PostgresPeer.server();
        pool = PostgresPeer.pool(server);
        storage = PostgresStorage.builder(pool).schema(SCHEMA).build();
        peer = new HandWrittenContacts(pool, SCHEMA, false);
        UserId owner = Crm.builder().storage(storage).build().bootstrap(UserForm.named("Bench Owner")).id();
        List<Contact> all = ContactData.contacts(ContactData.people(9, contacts, 0.10, false), owner, AT);
        ContactData.forget();
        execute("ALTER TABLE " + SCHEMA + ".contacts SET (autovacuum_enabled = false)");
        use(all);
    }

    /**
     * Makes these the contacts both sides insert, and checks that each side, run once on the empty table, stores the
     * same table (the same ids on both sides) and that crm-jdbc reads back a sample of them as they were given.
     *
     * @param all the contacts, at version 1
     * @throws SQLException if PostgreSQL fails
     */
    void use(List<Contact> all) throws SQLException {
        toInsert = List.copyOf(all);
        chunks = new ArrayList<>();
        for (int from = 0; from < toInsert.size(); from += Limits.BATCH) {
            chunks.add(toInsert.subList(from, Math.min(toInsert.size(), from + Limits.BATCH)));
        }
        expected = null;
        empty();
        crmkitBulk();
        Contents ours = contents();
        Set<Integer> sample = new TreeSet<>();
        for (int i = 0; i < toInsert.size(); i += Math.max(1, toInsert.size() / 100)) {
            sample.add(i);
        }
        sample.add(toInsert.size() - 1);
        List<Contact> given = sample.stream().map(toInsert::get).toList();
        List<Contact> read = storage.inTransaction(tx -> tx.contacts().findAll(given.stream().map(Contact::id)
                .toList()));
        if (!read.equals(given)) {
            throw new IllegalStateException("crm-jdbc did not read back the contacts it was given");
        }
        empty();
        copyBulk();
        Contents theirs = contents();
        if (ours.rows() != toInsert.size() || !ours.equals(theirs)) {
            throw new IllegalStateException("the sides stored different tables of " + toInsert.size() + " contacts: "
                    + "crmkit " + ours + ", hand-written COPY " + theirs);
        }
        expected = ours;
        System.out.println("  both sides store identical tables: " + ours);
    }

    /**
     * Empties the table before each invocation (not measured).
     *
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        execute("TRUNCATE " + SCHEMA + ".leads, " + SCHEMA + ".contacts");
        execute("CHECKPOINT");
    }

    /**
     * crmkit: the contacts through the batch port, {@link Limits#BATCH} a call, all in one transaction.
     *
     * @return how many contacts it was given
     */
    @Benchmark
    public int crmkitBulk() {
        storage.run(tx -> {
            for (List<Contact> chunk : chunks) {
                tx.contacts().insertAll(chunk);
            }
        });
        return toInsert.size();
    }

    /**
     * Hand-written: the same rows in one {@code COPY}, in one transaction.
     *
     * @return how many rows the server copied
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public long copyBulk() throws SQLException {
        return peer.copyAll(toInsert);
    }

    /**
     * Checks after each invocation that the table holds exactly the expected rows (not measured).
     *
     * @throws SQLException if PostgreSQL fails
     */
    @TearDown(Level.Iteration)
    public void stillRight() throws SQLException {
        if (expected == null) {
            return;
        }
        Contents now = contents();
        if (!now.equals(expected)) {
            throw new IllegalStateException("the table holds " + now + " after the invocation, not " + expected);
        }
    }

    /**
     * The table's contents, compared between the sides and after each invocation.
     *
     * @return its rows and checksum
     * @throws SQLException if PostgreSQL fails
     */
    Contents contents() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), md5(string_agg(md5(t::text), '' ORDER BY t.id)) FROM "
                     + SCHEMA + ".contacts t")) {
            rs.next();
            return new Contents(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * Every row of the table as PostgreSQL writes it as text, in id order (for the smoke test).
     *
     * @return the rows
     * @throws SQLException if PostgreSQL fails
     */
    List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t::text FROM " + SCHEMA + ".contacts t ORDER BY t.id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Runs a statement outside the measured part (also the smoke test's). */
    void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Closes the pool and stops PostgreSQL.
     *
     * @throws IOException if it cannot be stopped
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
