package dev.crmkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.jdbc.HandWrittenContacts;
import dev.crmkit.jdbc.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * Single-record work on PostgreSQL (issue 16 item 4): create, update and find one contact through crm-jdbc's storage
 * port ({@link PostgresStorage}, one transaction a call: {@code storage.run(tx -> tx.contacts().insert(c))}) against
 * hand-written JDBC doing the same on the same table ({@link HandWrittenContacts}: one literal statement, the same
 * row, the same JSON document). Both sides borrow from one HikariCP pool of two connections over an embedded
 * PostgreSQL (the settings of {@link PostgresPeer}) holding {@code existing} contacts of {@link ContactData} (seed 7,
 * 10 % returning people, so messy and repeated phones and e-mails fill the duplicate-key indexes), one thread each.
 *
 * <p>Every fork checks before measuring that the two sides store identical rows (a contact inserted and updated by
 * each, compared column by column with the {@code id} aside) and that each side's find returns what was stored; each
 * iteration's last result is checked again after the iteration. Creates take fresh contacts of the same generator
 * (seed 8); updates change a stored contact's description, each at its next version. Forks are meant to alternate
 * between the sides: see {@link Interleaved} ({@code jdbc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class JdbcBenchmark {

    private static final String SCHEMA = "bench_jdbc";
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    /** How many contacts the table holds before measuring. */
    @Param("100000")
    public int existing;

    /** How many fresh contacts the creates may take (more than an iteration's creates at a few thousand a second). */
    @Param("200000")
    public int fresh;

    /**
     * Whether the peer gives every call crm-jdbc's transaction shape: its set-up statement ({@code SET TRANSACTION
     * ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout}) before the first statement and a transaction around a
     * find. Off: the peer is plain hand-written JDBC. On: what is left between the sides is the adapter's own work.
     */
    @Param("false")
    public boolean peerSameShape;

    EmbeddedPostgres server;
    HikariDataSource pool;
    PostgresStorage storage;
    HandWrittenContacts peer;
    /** The stored contacts, each in its latest state. */
    Contact[] stored;
    /** The contacts the creates take, in order. */
    List<Contact> toCreate;
    int nextCreate;
    int nextUpdate;
    int nextFind;
    /** The last operation's record and what it should equal, checked after each iteration. */
    Contact last;
    Contact expected;

    /**
     * Starts PostgreSQL, migrates crm-jdbc's schema, stores the contacts and checks that both sides store and read
     * the same rows.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        server = PostgresPeer.server();
        pool = PostgresPeer.pool(server);
        storage = PostgresStorage.builder(pool).schema(SCHEMA).build();
        peer = new HandWrittenContacts(pool, SCHEMA, peerSameShape);
        UserId owner = Crm.builder().storage(storage).build().bootstrap(UserForm.named("Bench Owner")).id();
        List<Contact> all = ContactData.contacts(ContactData.people(7, existing, 0.10, false), owner, AT);
        for (int from = 0; from < all.size(); from += 10_000) {
            List<Contact> batch = all.subList(from, Math.min(all.size(), from + 10_000));
            storage.run(tx -> batch.forEach(tx.contacts()::insert));
        }
        stored = all.toArray(Contact[]::new);
        toCreate = new ArrayList<>(ContactData.contacts(ContactData.people(8, fresh, 0.10, false), owner, AT));
        ContactData.forget();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE " + SCHEMA + ".contacts");
        }
        checkSidesAgree();
    }

    /** Both sides insert, update and find a contact of the same content: the rows must be identical but for the id. */
    private void checkSidesAgree() throws SQLException {
        Contact template = toCreate.remove(toCreate.size() - 1);
        Contact ours = template.toBuilder().id(ContactId.of(UUID.randomUUID())).build();
        Contact theirs = template.toBuilder().id(ContactId.of(UUID.randomUUID())).build();
        storage.run(tx -> tx.contacts().insert(ours));
        peer.insert(theirs);
        compareRows(ours.id(), theirs.id());
        Contact ours2 = next(ours);
        Contact theirs2 = next(theirs);
        storage.run(tx -> tx.contacts().update(ours2, 1));
        if (!peer.update(theirs2, 1)) {
            throw new IllegalStateException("the hand-written update stored nothing");
        }
        compareRows(ours.id(), theirs.id());
        Optional<Contact> oursRead = storage.inTransaction(tx -> tx.contacts().find(ours.id()));
        Optional<Contact> theirsRead = peer.find(theirs.id());
        if (!oursRead.equals(Optional.of(ours2)) || !theirsRead.equals(Optional.of(theirs2))) {
            throw new IllegalStateException("a find did not return the stored contact: " + oursRead + " / " + theirsRead);
        }
        System.out.println("  both sides store identical rows and read back what they stored");
    }

    private void compareRows(ContactId a, ContactId b) throws SQLException {
        List<Object> ra = row(a);
        List<Object> rb = row(b);
        if (!ra.equals(rb)) {
            throw new IllegalStateException("the sides stored different rows:\n  crmkit " + ra + "\n  JDBC   " + rb);
        }
    }

    /** Every column of a contact's row but the id, the document with its id taken out. */
    private List<Object> row(ContactId id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT (to_jsonb(t) - 'id') || jsonb_build_object('data', "
                     + "t.data - 'id') FROM " + SCHEMA + ".contacts t WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + id);
                }
                return List.of(rs.getString(1));
            }
        }
    }

    /** The next state of a contact: a new description, the next version. */
    private static Contact next(Contact c) {
        return c.toBuilder().version(c.version() + 1).updated(c.updated().plusMillis(1))
                .description("Update " + (c.version() + 1)).build();
    }

    private Contact freshContact() {
        if (nextCreate == toCreate.size()) {
            throw new IllegalStateException("the creates used all " + toCreate.size() + " fresh contacts: raise fresh");
        }
        return toCreate.get(nextCreate++);
    }

    /**
     * crmkit: one contact inserted through the storage port, in its own transaction.
     *
     * @return the contact
     */
    @Benchmark
    public Contact crmkitCreate() {
        Contact c = freshContact();
        last = storage.inTransaction(tx -> tx.contacts().insert(c));
        expected = c;
        return last;
    }

    /**
     * Hand-written JDBC: the same insert.
     *
     * @return the contact
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public Contact jdbcCreate() throws SQLException {
        Contact c = freshContact();
        peer.insert(c);
        last = c;
        expected = c;
        return c;
    }

    /**
     * crmkit: a stored contact's next state through the storage port, in its own transaction.
     *
     * @return the contact
     */
    @Benchmark
    public Contact crmkitUpdate() {
        int i = nextUpdate++ % stored.length;
        Contact n = next(stored[i]);
        last = storage.inTransaction(tx -> tx.contacts().update(n, n.version() - 1));
        stored[i] = n;
        expected = n;
        return last;
    }

    /**
     * Hand-written JDBC: the same update.
     *
     * @return the contact
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public Contact jdbcUpdate() throws SQLException {
        int i = nextUpdate++ % stored.length;
        Contact n = next(stored[i]);
        if (!peer.update(n, n.version() - 1)) {
            throw new IllegalStateException("the hand-written update of " + n.id() + " stored nothing");
        }
        stored[i] = n;
        last = n;
        expected = n;
        return n;
    }

    /**
     * crmkit: a stored contact read through the storage port, in its own transaction.
     *
     * @return the contact
     */
    @Benchmark
    public Contact crmkitFind() {
        Contact s = stored[nextFind++ % stored.length];
        last = storage.inTransaction(tx -> tx.contacts().find(s.id())).orElse(null);
        expected = s;
        return last;
    }

    /**
     * Hand-written JDBC: the same read.
     *
     * @return the contact
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public Contact jdbcFind() throws SQLException {
        Contact s = stored[nextFind++ % stored.length];
        last = peer.find(s.id()).orElse(null);
        expected = s;
        return last;
    }

    /** Checks the iteration's last operation: its result, and what a fresh read of the record gives. */
    @TearDown(Level.Iteration)
    public void stillRight() throws SQLException {
        if (expected == null) {
            return;
        }
        Optional<Contact> read = peer.find(expected.id());
        if (!expected.equals(last) || !read.equals(Optional.of(expected))) {
            throw new IllegalStateException("the last operation gave " + last + " and the table holds " + read
                    + ", not " + expected);
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
