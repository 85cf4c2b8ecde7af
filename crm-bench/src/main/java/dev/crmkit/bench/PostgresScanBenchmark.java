package dev.crmkit.bench;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.jdbc.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The batch duplicate scan (CON-5) on PostgreSQL (issue 16 item 5, issue 17 item 5): crmkit's public {@code
 * contacts().scanDuplicates()} on crm-jdbc ({@link PostgresStorage}, whose {@code DuplicateQueries} groups the
 * stored match keys in SQL and whose contacts crm-core then reads and clusters) against PostgreSQL's own SQL on the
 * same contacts: one {@code GROUP BY … HAVING count(*) > 1} per field combination of the rule over tables of the
 * keys crmkit's rule compares (the matcher's phone keys, the normalized e-mails, the name key and the birth date,
 * computed at load time with the same public functions, {@link DuplicateKeys}, and loaded with {@code COPY}), the
 * groups united into clusters in Java (union-find), exactly {@link ScanBenchmark}'s DuckDB side on PostgreSQL. The
 * peer thus gets every key crmkit computed at write time, and computes nothing crmkit does not.
 *
 * <p>Why not the columns crm-jdbc already keeps? Its {@code phone_keys} are <i>index</i> keys, coarser than the
 * matcher's keys so that every match is found by an index lookup; grouped alone they join contacts the rule keeps
 * apart (on the smoke test's 3,000 contacts: 225 clusters instead of 223), which is why crmkit uses them only to
 * name the candidates and then groups those with the matcher.
 *
 * <p>The data is {@link ScanBenchmark}'s (the same generator, seed and parameters), so this benchmark's times stand
 * beside that one's in-memory and DuckDB times. The contacts are stored through crm-jdbc's ports in transactions of
 * 10,000 (the facade's per-call checks would make a million creates take far longer; the stored rows are the same).
 * Threads: one on each side; the server runs without parallel query ({@link PostgresPeer}'s settings). Every fork
 * computes both answers and checks them equal before measuring, and checks each iteration's answer again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class PostgresScanBenchmark {

    private static final String SCHEMA = "bench_scan";

    /** How many contacts. */
    @Param("1000000")
    public int contacts;

    /** The share of returning people. */
    @Param("0.10")
    public double duplicates;

    /** The preset whose rule both sides apply: {@code amoCRM}, {@code bitrix24} or {@code onlyOffice}. */
    @Param("amoCRM")
    public String rule;

    EmbeddedPostgres server;
    DataSource dataSource;
    CrmSession session;
    /** The peer's connection, its search path on its key tables. */
    Connection peer;
    List<String> queries;
    /** The contacts' ids by row number, for the peer's answer. */
    UUID[] ids;
    /** The clusters both sides found. */
    Set<Set<String>> agreed;
    /** The measured side's last answer. */
    Object last;

    /**
     * Starts PostgreSQL, stores the generated contacts through crm-jdbc and checks that both sides find the same
     * clusters.
     *
     * @throws SQLException if PostgreSQL fails
     * @throws IOException if the peer's keys cannot be copied in
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException, IOException {
        Policy policy = DuplicateKeys.preset(rule);
        server = PostgresPeer.server();
        dataSource = server.getPostgresDatabase();
        PostgresStorage storage = PostgresStorage.builder(dataSource).schema(SCHEMA).build();
        Crm crm = Crm.builder().storage(storage).policy(policy).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        session = crm.as(admin.id());
        long start = System.nanoTime();
        List<Contact> all = ContactData.contacts(ContactData.people(7, contacts, duplicates, false), admin.id(),
                Instant.parse("2026-11-02T09:00:00Z"));
        ContactData.forget();
        for (int from = 0; from < all.size(); from += 10_000) {
            List<Contact> batch = all.subList(from, Math.min(all.size(), from + 10_000));
            storage.run(tx -> batch.forEach(tx.contacts()::insert));
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE " + SCHEMA + ".contacts");
        }
        System.out.printf("  %,d contacts stored in PostgreSQL in %,d ms%n", all.size(),
                (System.nanoTime() - start) / 1_000_000);
        loadPeer(all, policy);
        all = null;
        agreed = ScanBenchmark.normalize(crmkitJdbcScan());
        Set<Set<String>> theirs = ScanBenchmark.normalizeDuck(postgresGroupBy().ids());
        if (!agreed.equals(theirs)) {
            throw new IllegalStateException("crmkit on PostgreSQL found " + agreed.size() + " clusters, PostgreSQL's "
                    + "SQL " + theirs.size() + "; not the same");
        }
        System.out.printf("  %d clusters, %d contacts in them, both sides%n", agreed.size(),
                agreed.stream().mapToInt(Set::size).sum());
        last = null;
    }

    /** The peer's tables: the contacts' keys by row number, as {@link ScanBenchmark} gives DuckDB. */
    private void loadPeer(List<Contact> all, Policy policy) throws SQLException, IOException {
        peer = dataSource.getConnection();
        try (Statement st = peer.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS bench_keys CASCADE");
            st.execute("CREATE SCHEMA bench_keys");
            st.execute("SET search_path TO bench_keys");
            st.execute("CREATE UNLOGGED TABLE c (idx integer, name_key text, birth text)");
            st.execute("CREATE UNLOGGED TABLE p (idx integer, k text)");
            st.execute("CREATE UNLOGGED TABLE e (idx integer, k text)");
        }
        ids = new UUID[all.size()];
        StringBuilder c = new StringBuilder();
        StringBuilder p = new StringBuilder();
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Contact contact = all.get(i);
            ids[i] = contact.id().value();
            DuplicateKeys.Keys k = DuplicateKeys.of(contact, policy.phoneMatcher());
            c.append(i).append('\t').append(copyText(k.name())).append('\t')
                    .append(k.birth() == null ? "\\N" : copyText(k.birth())).append('\n');
            for (String phone : k.phones()) {
                p.append(i).append('\t').append(copyText(phone)).append('\n');
            }
            for (String email : k.emails()) {
                e.append(i).append('\t').append(copyText(email)).append('\n');
            }
        }
        CopyManager copy = peer.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY c FROM STDIN", new StringReader(c.toString()));
        copy.copyIn("COPY p FROM STDIN", new StringReader(p.toString()));
        copy.copyIn("COPY e FROM STDIN", new StringReader(e.toString()));
        try (Statement st = peer.createStatement()) {
            st.execute("ANALYZE c");
            st.execute("ANALYZE p");
            st.execute("ANALYZE e");
        }
        queries = DuplicateKeys.combinations(policy.contactDuplicates()).stream()
                .map(combination -> ScanBenchmark.query(combination).replace("list(", "array_agg(")).toList();
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * Stops PostgreSQL.
     *
     * @throws IOException if it cannot be stopped
     * @throws SQLException if the peer's connection cannot be closed
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Checks the iteration's answer against the agreed clusters. */
    @TearDown(Level.Iteration)
    @SuppressWarnings("unchecked")
    public void stillAgrees() {
        if (last == null) {
            return;
        }
        Set<Set<String>> answer = last instanceof ScanBenchmark.Clusters c ? ScanBenchmark.normalizeDuck(c.ids())
                : ScanBenchmark.normalize((List<DuplicateCluster>) last);
        if (!answer.equals(agreed)) {
            throw new IllegalStateException("the measured side's clusters changed: " + answer.size() + " instead of "
                    + agreed.size());
        }
        last = null;
    }

    /**
     * crmkit: {@code contacts().scanDuplicates()} through the facade on crm-jdbc.
     *
     * @return the clusters
     */
    @Benchmark
    public List<DuplicateCluster> crmkitJdbcScan() {
        List<DuplicateCluster> clusters = session.contacts().scanDuplicates();
        last = clusters;
        return clusters;
    }

    /**
     * PostgreSQL: one grouping per field combination of the rule on the keys' tables, the groups united into
     * clusters.
     *
     * @return the clusters
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    public ScanBenchmark.Clusters postgresGroupBy() throws SQLException {
        ScanBenchmark.Clusters clusters = ScanBenchmark.unite(peer, queries, ids);
        last = clusters;
        return clusters;
    }
}
