package dev.crmkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.jdbc.HandWrittenDuplicateCheck;
import dev.crmkit.jdbc.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
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
 * The duplicate check on creating contacts on PostgreSQL (issue 17 item 5, CON-5): {@link CreateBenchmark} on
 * crm-jdbc. {@code batch} contacts are created one by one, one transaction each, one thread, into a store already
 * holding {@code existing} contacts, three ways:
 * <ul>
 *   <li>{@code crmkitCheckOn}: {@code contacts().create(...)} through the facade on crm-jdbc ({@link PostgresStorage})
 *       under the preset's policy (crm-core locks the new contact's keys, asks crm-jdbc for the stored contacts
 *       sharing a phone index key, an e-mail or a name key, and compares them under the rule); the refused ones
 *       ({@link DuplicateException}) are counted;</li>
 *   <li>{@code crmkitCheckOff}: the same under {@code Policy.builder(preset).duplicateDetection(false)};</li>
 *   <li>{@code postgresCheck}: PostgreSQL's own SQL on its own tables, {@link HandWrittenDuplicateCheck}: crm-jdbc's
 *       contacts table with the matcher's phone keys and the normalized e-mails in key tables (loaded with the
 *       stored contacts, as crmkit computed its keys when it stored them), one {@code SELECT} for a stored match
 *       under the rule and, if none, one {@code INSERT} of the row and its keys.</li>
 * </ul>
 * Both crmkit sides build the form from the same raw values inside the measured part; the peer builds the contact
 * from them there too and computes its keys there, as crmkit does. All sides borrow from one pool of two
 * connections ({@link PostgresPeer#pool}) over the embedded server of {@link PostgresPeer}.
 *
 * <p>The people are {@link CreateBenchmark}'s ({@link ContactData}, seed 11, complete), the first {@code existing}
 * stored through crm-jdbc's batch port at set-up (and copied into the peer's tables), the next {@code batch} created
 * in the measured part. Before each iteration, outside the timing, every table is brought back to exactly the
 * stored contacts: what the last iteration added (contacts created after the stored ones' instant, crmkit's events
 * after the set-up's last) is deleted and the tables vacuumed (autovacuum is off for them) and checkpointed.
 *
 * <p>Each iteration's outcome is checked: with the check on, crmkit and the peer refuse exactly the contacts a
 * correct check refuses ({@link DuplicateKeys#refusals}, worked out once at set-up), the same ones, and store the
 * others; with it off, none is refused and all are stored. A fork whose outcome differs fails. Forks are meant to
 * alternate between the sides: see {@link Interleaved} ({@code pgcreate}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class PostgresCreateBenchmark {

    private static final String SCHEMA = "bench_pgcreate";
    private static final String PEER_SCHEMA = "bench_pgcreate_peer";
    /** When the stored contacts were created. */
    private static final Instant STORED_AT = Instant.parse("2026-11-02T09:00:00Z");
    /** The clock of the creates: later than the stored contacts, so that a reset tells them apart. */
    private static final Instant CREATED_AT = Instant.parse("2026-11-03T09:00:00Z");

    /** The preset: {@code amoCRM}, {@code bitrix24} or {@code onlyOffice}. */
    @Param("amoCRM")
    public String rule;

    /** How many contacts the store holds before the creates. */
    @Param("100000")
    public int existing;

    /** How many contacts each iteration creates. */
    @Param("10000")
    public int batch;

    /** The share of returning people. */
    @Param("0.10")
    public double duplicates;

    EmbeddedPostgres server;
    HikariDataSource pool;
    PostgresStorage storage;
    CrmSession checkOn;
    CrmSession checkOff;
    HandWrittenDuplicateCheck peer;
    UserId owner;
    List<ContactData.Person> created;
    /** The positions in {@link #created} of the contacts a correct check refuses. */
    BitSet expectedRefused;
    /** crmkit's last event after set-up: the events after it are the iterations'. */
    long baseEvents;
    /** The measured side's last outcome. */
    Outcome last;

    /**
     * What one iteration did.
     *
     * @param side the side
     * @param checked whether the side checks for duplicates
     * @param refused the positions of the refused contacts
     * @param created how many were created
     */
    record Outcome(String side, boolean checked, BitSet refused, int created) {
    }

    /**
     * Starts PostgreSQL, stores the existing contacts through crm-jdbc, copies them into the peer's tables and works
     * out which of the new contacts a correct check refuses.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Policy policy = DuplicateKeys.preset(rule);
        if (server == null) {
            // A caller may have started its own (a diagnosis with pg_stat_statements loaded, say).
            server = PostgresPeer.server();
        }
        pool = PostgresPeer.pool(server);
        storage = PostgresStorage.builder(pool).schema(SCHEMA).build();
        Clock clock = Clock.fixed(CREATED_AT, ZoneOffset.UTC);
        Crm on = Crm.builder().storage(storage).policy(policy).clock(clock).build();
        Crm off = Crm.builder().storage(storage).policy(Policy.builder(policy).duplicateDetection(false).build())
                .clock(clock).build();
        User admin = on.bootstrap(UserForm.named("Bench Admin"));
        owner = admin.id();
        checkOn = on.as(admin.id());
        checkOff = off.as(admin.id());

        long start = System.nanoTime();
        List<ContactData.Person> people = ContactData.people(11, existing + batch, duplicates, true);
        List<Contact> stored = ContactData.contacts(people.subList(0, existing), owner, STORED_AT);
        created = List.copyOf(people.subList(existing, existing + batch));
        expectedRefused = DuplicateKeys.refusals(policy, stored, ContactData.contacts(created, owner, CREATED_AT));
        for (int from = 0; from < stored.size(); from += 10 * Limits.BATCH) {
            List<Contact> part = stored.subList(from, Math.min(stored.size(), from + 10 * Limits.BATCH));
            storage.run(tx -> {
                for (int i = 0; i < part.size(); i += Limits.BATCH) {
                    tx.contacts().insertAll(part.subList(i, Math.min(part.size(), i + Limits.BATCH)));
                }
            });
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            for (String table : List.of("contacts", "events")) {
                st.execute("ALTER TABLE " + SCHEMA + "." + table + " SET (autovacuum_enabled = false)");
                st.execute("VACUUM ANALYZE " + SCHEMA + "." + table);
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(sequence), 0) FROM " + SCHEMA + ".events")) {
                rs.next();
                baseEvents = rs.getLong(1);
            }
        }
        peer = new HandWrittenDuplicateCheck(pool, PEER_SCHEMA, policy);
        peer.load(SCHEMA, stored);
        System.out.printf("  %,d contacts stored in crm-jdbc and the peer's tables in %,d ms; %d of the %d new "
                + "contacts are duplicates under %s%n", existing, (System.nanoTime() - start) / 1_000_000,
                expectedRefused.cardinality(), batch, rule);
        System.out.println("  the peer's check: " + peer.checkSql());
        last = null;
    }

    /**
     * Brings every table back to exactly the stored contacts (not measured).
     *
     * @throws SQLException if PostgreSQL fails, or a table does not hold the stored contacts
     */
    @Setup(Level.Iteration)
    public void reset() throws SQLException {
        last = null;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SCHEMA + ".contacts WHERE created > ?")) {
                ps.setTimestamp(1, Timestamp.from(STORED_AT));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SCHEMA + ".events WHERE sequence > ?")) {
                ps.setLong(1, baseEvents);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE " + SCHEMA + ".contacts, " + SCHEMA + ".events");
            }
        }
        peer.deleteCreatedAfter(STORED_AT);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        if (crmkitContacts() != existing || peer.contacts() != existing) {
            throw new IllegalStateException("after the reset crm-jdbc holds " + crmkitContacts() + " contacts and the "
                    + "peer " + peer.contacts() + ", not " + existing);
        }
        System.gc();
    }

    /** How many contacts crm-jdbc's table holds. */
    long crmkitContacts() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".contacts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Checks the iteration's outcome: the refused contacts, and the contacts the measured side's table holds.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        if (last == null) {
            return;
        }
        BitSet refused = last.checked() ? expectedRefused : new BitSet();
        long held = last.side().equals("postgresCheck") ? peer.contacts() : crmkitContacts();
        if (!last.refused().equals(refused) || last.created() != batch - refused.cardinality()
                || held != existing + last.created()) {
            throw new IllegalStateException(last.side() + " created " + last.created() + " and refused "
                    + last.refused().cardinality() + " (" + (last.refused().equals(refused) ? "the" : "not the")
                    + " expected ones), its table holds " + held + "; expected " + (batch - refused.cardinality())
                    + " created, " + refused.cardinality() + " refused, " + (existing + batch - refused.cardinality())
                    + " held");
        }
        last = null;
    }

    /**
     * crmkit with the duplicate check: every new contact through the facade on crm-jdbc, one transaction each.
     *
     * @return what was created and refused
     */
    @Benchmark
    public Outcome crmkitCheckOn() {
        last = createAll("crmkitCheckOn", checkOn, true);
        return last;
    }

    /**
     * crmkit without the duplicate check: the same under {@code duplicateDetection(false)}.
     *
     * @return what was created and refused
     */
    @Benchmark
    public Outcome crmkitCheckOff() {
        last = createAll("crmkitCheckOff", checkOff, false);
        return last;
    }

    private Outcome createAll(String side, CrmSession session, boolean checked) {
        BitSet refused = new BitSet(batch);
        int made = 0;
        for (int i = 0; i < created.size(); i++) {
            try {
                session.contacts().create(CreateBenchmark.form(created.get(i)));
                made++;
            } catch (DuplicateException duplicate) {
                refused.set(i);
            }
        }
        return new Outcome(side, checked, refused, made);
    }

    /**
     * PostgreSQL's SQL: every new contact checked and, if no duplicate, inserted, one transaction each.
     *
     * @return what was created and refused
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public Outcome postgresCheck() throws SQLException {
        BitSet refused = new BitSet(batch);
        int made = 0;
        for (int i = 0; i < created.size(); i++) {
            Contact contact = ContactData.contacts(List.of(created.get(i)), owner, CREATED_AT).get(0);
            if (peer.create(contact)) {
                made++;
            } else {
                refused.set(i);
            }
        }
        last = new Outcome("postgresCheck", true, refused, made);
        return last;
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
