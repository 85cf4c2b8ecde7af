package dev.crmkit.bench;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The batch duplicate scan (CON-5) of generated contacts ({@link ContactData}) under a preset's rule, through the
 * public API on the in-memory adapter ({@code contacts().scanDuplicates()}), against DuckDB in-process on the same
 * contacts. DuckDB gets what crmkit keeps at write time, computed at load time with the same public functions
 * ({@link DuplicateKeys}): a table of contacts with their name key and birth date, one of their phone keys and one
 * of their normalized e-mails. Its timed work is one {@code GROUP BY … HAVING count(*) > 1} per field combination
 * of the rule, and uniting the groups it returns into clusters (union-find in Java over the rows' numbers, since
 * SQL has no cheap transitive closure), as crmkit's scan unites contacts sharing a key.
 *
 * <p>Threads: crmkit's scan runs on the calling thread ({@code scanThreads(1)}) unless {@code crmkitThreads} is
 * {@code default} (one per processor: the calling thread and the common pool's); DuckDB runs with
 * {@code SET threads TO 1} unless {@code duckThreads} is {@code default} (its default: one per core). Every fork loads both sides and checks that
 * they find the same clusters (as sets of id sets) before measuring, else the fork fails; the side the fork does not
 * measure is then freed and each iteration's answer is checked against the agreed clusters. The crmkit fork prints
 * its heap with the contacts loaded and at each scan's peak. Forks are meant to alternate: see {@link Interleaved}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class ScanBenchmark {

    /** How many contacts. */
    @Param("1000000")
    public int contacts;

    /** The share of returning people. */
    @Param("0.10")
    public double duplicates;

    /** The preset whose rule both sides apply: {@code amoCRM}, {@code bitrix24} or {@code onlyOffice}. */
    @Param("amoCRM")
    public String rule;

    /** DuckDB's threads: {@code 1}, or {@code default}. */
    @Param("1")
    public String duckThreads;

    /**
     * crmkit's scan threads ({@code Crm.Builder.scanThreads}): {@code 1}, or {@code default} (one per processor, the
     * builder's default).
     */
    @Param("1")
    public String crmkitThreads;

    CrmSession session;
    Connection duck;
    List<Set<MatchField>> combinations;
    List<String> queries;
    /** The contacts' ids by row number, for DuckDB's answer (the stored contacts' own). */
    UUID[] ids;
    /** The clusters both sides found. */
    Set<Set<String>> agreed;
    /** The measured side's last answer. */
    Object last;
    long loadedHeap;

    /**
     * Generates the contacts (seed 7), loads them into both sides, checks that both find the same clusters, then
     * frees the side the fork does not measure.
     *
     * @param params the benchmark's parameters, or null to keep both sides (the smoke test)
     * @throws SQLException if DuckDB fails
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws SQLException {
        Policy policy = DuplicateKeys.preset(rule);
        long before = settledHeap();
        InMemoryStorage storage = InMemoryStorage.create();
        Crm.Builder builder = Crm.builder().storage(storage).policy(policy);
        if (!"default".equals(crmkitThreads)) {
            builder.scanThreads(Integer.parseInt(crmkitThreads));
        }
        Crm crm = builder.build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        session = crm.as(admin.id());
        List<Contact> all = ContactData.contacts(ContactData.people(7, contacts, duplicates, false), admin.id(),
                Instant.parse("2026-11-02T09:00:00Z"));
        ContactData.forget();
        for (int from = 0; from < all.size(); from += 10_000) {
            List<Contact> batch = all.subList(from, Math.min(all.size(), from + 10_000));
            storage.run(tx -> batch.forEach(tx.contacts()::insert));
        }
        loadDuck(all, policy);
        all = null;
        // The stored contacts and the array of their ids DuckDB's answer is read back with (4 bytes a contact).
        loadedHeap = settledHeap() - before;
        agreed = normalize(crmkitScan());
        Set<Set<String>> theirs = normalizeDuck(duckdbGroupBy().ids());
        if (!agreed.equals(theirs)) {
            throw new IllegalStateException("crmkit found " + agreed.size() + " clusters, DuckDB " + theirs.size()
                    + "; not the same");
        }
        System.out.printf("  %d clusters, %d contacts in them, both sides%n", agreed.size(),
                agreed.stream().mapToInt(Set::size).sum());
        String measured = params == null ? "" : params.getBenchmark();
        if (measured.endsWith(".duckdbGroupBy")) {
            session = null;
        } else if (measured.endsWith(".crmkitScan")) {
            duck.close();
            duck = null;
            System.out.printf("  heap with the contacts loaded: %,d MiB (%,d bytes a contact)%n", loadedHeap >> 20,
                    loadedHeap / contacts);
        }
        System.gc();
    }

    private void loadDuck(List<Contact> all, Policy policy) throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            if (!"default".equals(duckThreads)) {
                st.execute("SET threads TO " + Integer.parseInt(duckThreads));
            }
            st.execute("CREATE TABLE c (idx INTEGER, name_key VARCHAR, birth VARCHAR)");
            st.execute("CREATE TABLE p (idx INTEGER, k VARCHAR)");
            st.execute("CREATE TABLE e (idx INTEGER, k VARCHAR)");
        }
        ids = new UUID[all.size()];
        DuckDBConnection d = (DuckDBConnection) duck;
        try (DuckDBAppender c = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "c");
             DuckDBAppender p = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "p");
             DuckDBAppender e = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "e")) {
            for (int i = 0; i < all.size(); i++) {
                Contact contact = all.get(i);
                ids[i] = contact.id().value();
                DuplicateKeys.Keys k = DuplicateKeys.of(contact, policy.phoneMatcher());
                c.beginRow();
                c.append(i);
                c.append(k.name());
                if (k.birth() == null) {
                    c.appendNull();
                } else {
                    c.append(k.birth());
                }
                c.endRow();
                for (String phone : k.phones()) {
                    p.beginRow();
                    p.append(i);
                    p.append(phone);
                    p.endRow();
                }
                for (String email : k.emails()) {
                    e.beginRow();
                    e.append(i);
                    e.append(email);
                    e.endRow();
                }
            }
        }
        combinations = DuplicateKeys.combinations(policy.contactDuplicates());
        queries = combinations.stream().map(ScanBenchmark::query).collect(Collectors.toList());
    }

    /** The grouping of one field combination: the row numbers of every group of two or more. */
    static String query(Set<MatchField> combination) {
        List<String> keys = new ArrayList<>();
        List<String> where = new ArrayList<>();
        StringBuilder from = new StringBuilder("c");
        for (MatchField f : combination) {
            switch (f) {
                case NAME:
                    keys.add("c.name_key");
                    where.add("c.name_key <> ''");
                    break;
                case PHONE:
                    from.append(" JOIN p ON p.idx = c.idx");
                    keys.add("p.k");
                    break;
                case EMAIL:
                    from.append(" JOIN e ON e.idx = c.idx");
                    keys.add("e.k");
                    break;
                default:
                    keys.add("c.birth");
                    where.add("c.birth IS NOT NULL");
            }
        }
        if (combination.equals(Set.of(MatchField.PHONE))) {
            return "SELECT list(idx) FROM p GROUP BY k HAVING count(*) > 1";
        }
        if (combination.equals(Set.of(MatchField.EMAIL))) {
            return "SELECT list(idx) FROM e GROUP BY k HAVING count(*) > 1";
        }
        return "SELECT list(c.idx) FROM " + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " GROUP BY " + String.join(", ", keys) + " HAVING count(*) > 1";
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException if it fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    /** Resets the heap pools' peaks, so the iteration's peak is its own. */
    @Setup(Level.Iteration)
    public void resetPeak() {
        last = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Checks the iteration's answer against the agreed clusters; prints crmkit's peak heap. */
    @TearDown(Level.Iteration)
    @SuppressWarnings("unchecked")
    public void stillAgrees() {
        if (last == null) {
            return;
        }
        Set<Set<String>> answer = last instanceof Clusters ? normalizeDuck(((Clusters) last).ids())
                : normalize((List<DuplicateCluster>) last);
        if (!answer.equals(agreed)) {
            throw new IllegalStateException("the measured side's clusters changed: " + answer.size() + " instead of "
                    + agreed.size());
        }
        if (session != null && duck == null) {
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("  heap peak during the scan: %,d MiB (sum of the heap pools' peaks)%n", peak >> 20);
        }
        last = null;
    }

    /**
     * crmkit: {@code contacts().scanDuplicates()} through the facade.
     *
     * @return the clusters
     */
    @Benchmark
    public List<DuplicateCluster> crmkitScan() {
        List<DuplicateCluster> clusters = session.contacts().scanDuplicates();
        last = clusters;
        return clusters;
    }

    /** DuckDB's answer: the clusters as lists of ids. */
    record Clusters(List<List<UUID>> ids) {
    }

    /**
     * DuckDB: one grouping per field combination of the rule on the precomputed keys, the groups united into
     * clusters.
     *
     * @return the clusters
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public Clusters duckdbGroupBy() throws SQLException {
        Clusters clusters = unite(duck, queries, ids);
        last = clusters;
        return clusters;
    }

    /**
     * Runs groupings that return one array of row numbers a group and unites the groups into clusters (union-find),
     * as the SQL peers of the scan do.
     *
     * @param connection the peer's connection
     * @param queries the groupings
     * @param ids the contacts' ids by row number
     * @return the clusters of two or more
     * @throws SQLException if the peer fails
     */
    static Clusters unite(Connection connection, List<String> queries, UUID[] ids) throws SQLException {
        int[] parent = new int[ids.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        try (Statement st = connection.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        Object[] group = (Object[]) rs.getArray(1).getArray();
                        int first = find(parent, (Integer) group[0]);
                        for (int g = 1; g < group.length; g++) {
                            int other = find(parent, (Integer) group[g]);
                            if (other != first) {
                                parent[other] = first;
                            }
                        }
                    }
                }
            }
        }
        Map<Integer, List<UUID>> byRoot = new HashMap<>();
        int[] size = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            size[find(parent, i)]++;
        }
        for (int i = 0; i < parent.length; i++) {
            int root = find(parent, i);
            if (size[root] > 1) {
                byRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(ids[i]);
            }
        }
        return new Clusters(new ArrayList<>(byRoot.values()));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** crmkit's clusters as sets of id sets, for comparing them. */
    static Set<Set<String>> normalize(List<DuplicateCluster> crmkit) {
        return crmkit.stream().map(c -> c.contacts().stream().map(ContactId::toString)
                .collect(Collectors.toCollection(TreeSet::new))).collect(Collectors.toSet());
    }

    /** DuckDB's clusters as sets of id sets. */
    static Set<Set<String>> normalizeDuck(List<List<UUID>> duck) {
        return duck.stream().map(c -> c.stream().map(UUID::toString).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toSet());
    }

    /** The heap used after full collections, once it stops shrinking. */
    static long settledHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
