package dev.crmkit.bench;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The batch duplicate scan of generated contacts (5 % duplicates, phones spelled differently) through the
 * public API on the in-memory adapter, against DuckDB (in-process, one thread) doing the same normalize +
 * GROUP BY on the same contacts. The rule is "same phone" (ten digits), so both find the same clusters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class ScanBenchmark {

    /** The duplicate rule both sides apply: the same phone number (last ten digits). */
    static final Policy SAME_PHONE = Policy.builder(Policies.amoCrm())
            .contactDuplicates(DuplicateCriteria.anyOf(MatchField.PHONE).mayCreateAnyway()).build();

    /** How many contacts. */
    @Param("1000000")
    public int contacts;

    CrmSession session;
    Connection duck;

    /**
     * Generates the contacts (seed 7) and loads them into both.
     *
     * @throws SQLException if DuckDB fails
     */
    @Setup
    public void setUp() throws SQLException {
        List<BenchData.Person> people = BenchData.people(7, contacts, 0.05);
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).policy(SAME_PHONE).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        session = crm.as(admin.id());
        List<Contact> all = BenchData.contacts(people, admin.id(), Instant.parse("2026-11-02T09:00:00Z"));
        for (int from = 0; from < all.size(); from += 10_000) {
            List<Contact> batch = all.subList(from, Math.min(all.size(), from + 10_000));
            storage.run(tx -> batch.forEach(tx.contacts()::insert));
        }
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET threads TO 1");
            st.execute("CREATE TABLE contacts (id VARCHAR, phone VARCHAR)");
        }
        try (DuckDBAppender appender = ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "contacts")) {
            for (BenchData.Person p : people) {
                appender.beginRow();
                appender.append(p.id().toString());
                appender.append(p.phone());
                appender.endRow();
            }
        }
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException if it fails
     */
    @TearDown
    public void tearDown() throws SQLException {
        duck.close();
    }

    /**
     * crmkit: {@code contacts().scanDuplicates()} through the facade.
     *
     * @return the clusters
     */
    @Benchmark
    public List<DuplicateCluster> crmkitScan() {
        return session.contacts().scanDuplicates();
    }

    /**
     * DuckDB: normalize the phone to its last ten digits and group.
     *
     * @return the clusters as lists of ids
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public List<List<String>> duckdbGroupBy() throws SQLException {
        List<List<String>> clusters = new ArrayList<>();
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT list(id ORDER BY id) FROM (SELECT id, "
                     + "right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) AS k FROM contacts) GROUP BY k HAVING count(*) > 1")) {
            while (rs.next()) {
                Object[] ids = (Object[]) rs.getArray(1).getArray();
                List<String> cluster = new ArrayList<>();
                for (Object id : ids) {
                    cluster.add((String) id);
                }
                clusters.add(cluster);
            }
        }
        return clusters;
    }

    /** Both sides' clusters as sets of id sets, for comparing them. */
    static Set<Set<String>> normalize(List<DuplicateCluster> crmkit) {
        return crmkit.stream().map(c -> c.contacts().stream().map(ContactId::toString)
                .collect(Collectors.toCollection(TreeSet::new))).collect(Collectors.toSet());
    }

    static Set<Set<String>> normalizeDuck(List<List<String>> duck) {
        return duck.stream().map(c -> (Set<String>) new TreeSet<>(c)).collect(Collectors.toSet());
    }
}
