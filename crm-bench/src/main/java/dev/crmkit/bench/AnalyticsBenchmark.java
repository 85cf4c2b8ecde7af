package dev.crmkit.bench;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.analytics.AnalyticsService;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.jdbc.PostgresStorage;
import dev.crmkit.spi.Storage;
import dev.crmkit.tck.WithoutCapabilities;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.spi.AnalyticsQueries.CycleFacts;
import dev.crmkit.spi.AnalyticsQueries.Durations;
import dev.crmkit.spi.AnalyticsQueries.FunnelFacts;
import dev.crmkit.spi.AnalyticsQueries.FunnelStage;
import dev.crmkit.spi.AnalyticsQueries.StageAmounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The funnel (AN-2) and the cycle (AN-4) reports over generated stage transitions ({@link AnalyticsData}): crmkit's
 * public {@link AnalyticsService} on the in-memory adapter (whose native {@code AnalyticsQueries} reads the columnar
 * transition log) against DuckDB in-process and PostgreSQL (embedded) running the SQL of crm-jdbc's {@code
 * JdbcAnalytics} over the same transitions. One operation is the report of each of the two pipelines for the year
 * 2026, converted to roubles with the same rates; every side's answer is turned into the same records
 * ({@link AnalyticsData.Funnel}, {@link AnalyticsData.Cycle}).
 *
 * <p>crmkit is loaded through the storage ports of the in-memory adapter (deals in transactions of 50,000,
 * transitions in transactions of 100,000, in time order), not the facade, whose per-call validation and events
 * would make ten million moves take hours; the pipelines and users are made through the facade. The peers get what
 * crmkit keeps at write time: the deal as a dense number (crmkit numbers deals in its log), stages as their place
 * in the pipeline (crmkit keeps small codes), the time as epoch milliseconds in a {@code bigint} (crmkit keeps
 * seconds and nanos as primitives; {@code at_ms}, since {@code at} is a keyword in DuckDB), plus the indexes
 * crm-jdbc's schema has: the transitions' id, {@code (deal, at_ms)} and {@code (pipeline, at_ms)}, the deals' number and {@code (pipeline, stage)}. The rows are inserted in
 * pipeline and time order on both sides.
 *
 * <p>Threads: crmkit computes on the calling thread; DuckDB runs with {@code SET threads TO 1}; PostgreSQL with
 * {@code max_parallel_workers_per_gather = 0} (one backend). Every fork works the answers out from the generated
 * rows ({@link AnalyticsData#funnels()}, {@link AnalyticsData#cycles()}), loads its side (the smoke test: all),
 * checks the side's answers equal them before measuring, and checks each iteration's answer again. The crmkit
 * fork prints its heap: with the deals loaded and with the transitions too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms12g", "-Xmx12g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
public class AnalyticsBenchmark {

    /** The seed of the data. */
    static final long SEED = 14;

    /** How many stage transitions. */
    @Param("10000000")
    public int transitions;

    AnalyticsData data;
    List<AnalyticsData.Funnel> expectedFunnels;
    List<AnalyticsData.Cycle> expectedCycles;
    InMemoryStorage storage;
    AnalyticsService analytics;
    List<Pipeline> pipelines;
    /** crm-jdbc's sides: one schema, read by its native AnalyticsQueries and by crm-core's portable path. */
    EmbeddedPostgres jdbcServer;
    HikariDataSource jdbcPool;
    AnalyticsService jdbcAnalytics;
    AnalyticsService portableAnalytics;
    List<Pipeline> jdbcPipelines;
    Connection duck;
    EmbeddedPostgres postgresServer;
    Connection postgres;
    /** The measured side's last answer. */
    Object last;
    /** The heap the deals take, and the deals and transitions together, in the crmkit fork. */
    long dealsHeap;
    long loadedHeap;
    /** The collector's count and milliseconds when the iteration began. */
    long[] gcAtStart;

    /**
     * Generates the data, works out the answers, loads the measured side (all sides without parameters) and checks
     * that it gives them.
     *
     * @param params the benchmark's parameters, or null for every side (the smoke test)
     * @throws SQLException if a database fails
     * @throws IOException if PostgreSQL cannot be started
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws SQLException, IOException {
        // The method's name only: the package's name holds "crmkit" too.
        String measured = params == null ? ""
                : params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        long start = System.nanoTime();
        data = AnalyticsData.generate(SEED, transitions);
        expectedFunnels = data.funnels();
        expectedCycles = data.cycles();
        System.out.printf("  %,d transitions of %,d deals generated and worked out in %,d ms%n", data.size, data.deals,
                (System.nanoTime() - start) / 1_000_000);
        if (measured.isEmpty() || measured.startsWith("crmkit")) {
            loadCrmkit();
            agree("crmkit", crmkitFunnel(), crmkitCycle());
        }
        if (measured.isEmpty() || measured.startsWith("duckdb")) {
            loadDuck();
            agree("DuckDB", duckdbFunnel(), duckdbCycle());
        }
        if (measured.isEmpty() || measured.startsWith("postgres")) {
            loadPostgres();
            agree("PostgreSQL", postgresFunnel(), postgresCycle());
        }
        if (measured.isEmpty() || measured.startsWith("jdbc") || measured.startsWith("portable")) {
            loadJdbc();
            if (!measured.startsWith("portable")) {
                agree("crm-jdbc AnalyticsQueries", jdbcFunnel(), jdbcCycle());
            }
            if (!measured.startsWith("jdbc")) {
                agree("crm-jdbc portable", portableFunnel(), portableCycle());
            }
        }
        if (!measured.isEmpty()) {
            data = null;
        }
        last = null;
        System.gc();
    }

    private void agree(String side, List<AnalyticsData.Funnel> funnels, List<AnalyticsData.Cycle> cycles) {
        check(side, funnels);
        check(side, cycles);
        System.out.printf("  %s: funnels and cycles equal the worked-out ones (won %s, %s; cycle to won %s)%n", side,
                funnels.get(0).won(), funnels.get(0).wonSum(), cycles.get(0).won());
    }

    private void check(String side, Object answer) {
        Object expected = answer instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof AnalyticsData.Cycle
                ? expectedCycles : expectedFunnels;
        if (!expected.equals(answer)) {
            throw new IllegalStateException(side + " answered " + answer + ", not the worked-out " + expected);
        }
    }

    // ---- crmkit ----

    private void loadCrmkit() {
        long start = System.nanoTime();
        long before = ScanBenchmark.settledHeap();
        storage = InMemoryStorage.create();
        long[] dealsAt = new long[2];
        CrmSession session = load(storage, () -> {
            dealsAt[0] = ScanBenchmark.settledHeap();
            dealsAt[1] = System.nanoTime();
        });
        pipelines = loadedPipelines;
        analytics = session.analytics().in(AnalyticsData.RATES);
        long end = System.nanoTime();
        long deals = dealsAt[0];
        loadedHeap = ScanBenchmark.settledHeap() - before;
        dealsHeap = deals - before;
        long transitionsHeap = loadedHeap - dealsHeap;
        System.out.printf("  crmkit loaded in %,d ms (deals %,d ms, transitions %,d ms)%n", (end - start) / 1_000_000,
                (dealsAt[1] - start) / 1_000_000, (end - dealsAt[1]) / 1_000_000);
        System.out.printf("  crmkit heap: %,d MiB with the deals, %,d MiB with the transitions too; the transitions "
                + "%,d MiB = %,d bytes a transition = %,d MiB a million; in all %,d MiB a million transitions%n",
                dealsHeap >> 20, loadedHeap >> 20, transitionsHeap >> 20, transitionsHeap / data.size,
                (transitionsHeap * 1_000_000L / data.size) >> 20, (loadedHeap * 1_000_000L / data.size) >> 20);
    }

    /**
     * crm-jdbc: the same rows stored through crm-jdbc's ports in a schema of an embedded PostgreSQL (the settings of
     * {@link PostgresPeer}, one backend per query), read once through its native {@code AnalyticsQueries} (SQL over
     * the transition table) and once through crm-core's portable computation over the ports ({@link
     * WithoutCapabilities}): issue 16 item 4's funnel via AnalyticsQueries vs the portable implementation.
     */
    private void loadJdbc() {
        long start = System.nanoTime();
        jdbcServer = PostgresPeer.server();
        HikariConfig config = new HikariConfig();
        config.setDataSource(jdbcServer.getPostgresDatabase());
        config.setMaximumPoolSize(2);
        jdbcPool = new HikariDataSource(config);
        PostgresStorage pg = PostgresStorage.builder(jdbcPool).schema("bench_analytics").build();
        CrmSession session = load(pg, () -> { });
        jdbcPipelines = loadedPipelines;
        jdbcAnalytics = session.analytics().in(AnalyticsData.RATES);
        portableAnalytics = Crm.builder().storage(WithoutCapabilities.of(pg)).policy(Policies.amoCrm()).build()
                .as(session.me().id()).analytics().in(AnalyticsData.RATES);
        try (Connection c = jdbcPool.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyze the crm-jdbc schema", e);
        }
        System.out.printf("  crm-jdbc loaded through its ports in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /** The pipelines {@link #load} made. */
    private List<Pipeline> loadedPipelines;

    /** Stores the users, pipelines, deals and transitions through a storage's ports; returns the admin's session. */
    private CrmSession load(Storage storage, Runnable afterDeals) {
        Crm crm = Crm.builder().storage(storage).policy(Policies.amoCrm()).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        CrmSession session = crm.as(admin.id());
        List<UserId> managers = new ArrayList<>();
        for (int i = 0; i < AnalyticsData.MANAGERS; i++) {
            managers.add(session.users().add(UserForm.named("Manager " + i)).id());
        }
        List<Pipeline> pipelines = new ArrayList<>();
        loadedPipelines = pipelines;
        for (int p = 0; p < AnalyticsData.PIPELINES.length; p++) {
            NewPipeline form = NewPipeline.named(AnalyticsData.PIPELINES[p]);
            for (int s = 0; s < AnalyticsData.open(p); s++) {
                form.stage(AnalyticsData.OPEN[p][s], 10 + 80 * s / AnalyticsData.open(p));
            }
            pipelines.add(session.pipelines().create(form));
        }
        AnalyticsData g = data;
        DealId[] ids = new DealId[g.deals];
        Budget[] budgets = new Budget[g.deals];
        Currency[] currencies = new Currency[AnalyticsData.CURRENCIES.length];
        for (int c = 0; c < currencies.length; c++) {
            currencies[c] = AnalyticsData.currencyOf(c);
        }
        for (int from = 0; from < g.deals; from += 50_000) {
            int first = from;
            int end = Math.min(g.deals, from + 50_000);
            storage.run(tx -> {
                for (int d = first; d < end; d++) {
                    ids[d] = DealId.of(g.dealId(d));
                    Pipeline p = pipelines.get(g.dealPipeline[d]);
                    Instant created = Instant.ofEpochMilli(g.dealCreated[d]);
                    Instant lastMove = Instant.ofEpochMilli(g.dealLast[d]);
                    var b = Deal.builder().id(ids[d]).created(created).updated(lastMove).name("Deal " + d)
                            .pipeline(p.id()).stage(p.stages().get(g.dealStage[d]).id()).stageEntered(lastMove)
                            .responsible(managers.get(g.dealManager[d]));
                    if (g.dealCurrency[d] >= 0) {
                        budgets[d] = Budget.fixed(Money.of(BigDecimal.valueOf(g.dealCents[d], 2),
                                currencies[g.dealCurrency[d]]));
                        b.budget(budgets[d]);
                    }
                    tx.deals().insert(b.build());
                }
            });
        }
        afterDeals.run();
        // A transition shares what the facade's would: the deal's id, the pipeline's stage ids, the deal's budget
        // object while the amount is the deal's; the time, the optionals and a changed budget are its own.
        Budget[] current = new Budget[g.deals];
        for (int from = 0; from < g.size; from += 100_000) {
            int first = from;
            int end = Math.min(g.size, from + 100_000);
            storage.run(tx -> {
                for (int row = first; row < end; row++) {
                    int d = g.deal[row];
                    Pipeline p = pipelines.get(g.dealPipeline[d]);
                    Optional<Budget> budget = Optional.empty();
                    if (g.currency[row] >= 0) {
                        if (g.cents[row] == g.dealCents[d]) {
                            current[d] = budgets[d];
                        } else if (current[d] == null || current[d].amount().amount().unscaledValue().longValue()
                                != g.cents[row]) {
                            current[d] = Budget.fixed(Money.of(BigDecimal.valueOf(g.cents[row], 2),
                                    currencies[g.currency[row]]));
                        }
                        budget = Optional.of(current[d]);
                    }
                    Instant at = Instant.ofEpochMilli(g.at[row]);
                    Optional<StageId> left = g.from[row] < 0 ? Optional.empty()
                            : Optional.of(p.stages().get(g.from[row]).id());
                    tx.stageTransitions().insert(new StageTransition(new StageTransitionId(g.id(row)), 1, at, at,
                            ids[d], p.id(), left, Optional.empty(), p.stages().get(g.to[row]).id(), at,
                            Optional.of(managers.get(g.dealManager[d])), budget, false));
                }
            });
        }
        return session;
    }

    /**
     * crmkit: the funnel of each pipeline for 2026 through {@code analytics().in(rates).funnel(...)}.
     *
     * @return the funnels
     */
    @Benchmark
    public List<AnalyticsData.Funnel> crmkitFunnel() {
        return funnels(analytics, pipelines);
    }

    /**
     * crm-jdbc: the same funnels, computed in SQL by its {@code AnalyticsQueries}.
     *
     * @return the funnels
     */
    @Benchmark
    public List<AnalyticsData.Funnel> jdbcFunnel() {
        return funnels(jdbcAnalytics, jdbcPipelines);
    }

    /**
     * crm-jdbc without its capability: the same funnels, computed by crm-core over the ports.
     *
     * @return the funnels
     */
    @Benchmark
    public List<AnalyticsData.Funnel> portableFunnel() {
        return funnels(portableAnalytics, jdbcPipelines);
    }

    private List<AnalyticsData.Funnel> funnels(AnalyticsService service, List<Pipeline> of) {
        List<AnalyticsData.Funnel> all = new ArrayList<>();
        for (Pipeline p : of) {
            all.add(AnalyticsData.Funnel.of(service.funnel(p.id(), period())));
        }
        last = all;
        return all;
    }

    /**
     * crmkit: the cycle of each pipeline for 2026 through {@code analytics().in(rates).cycle(...)}.
     *
     * @return the cycles
     */
    @Benchmark
    public List<AnalyticsData.Cycle> crmkitCycle() {
        return cycles(analytics, pipelines);
    }

    /**
     * crm-jdbc: the same cycles, computed in SQL by its {@code AnalyticsQueries}.
     *
     * @return the cycles
     */
    @Benchmark
    public List<AnalyticsData.Cycle> jdbcCycle() {
        return cycles(jdbcAnalytics, jdbcPipelines);
    }

    /**
     * crm-jdbc without its capability: the same cycles, computed by crm-core over the ports.
     *
     * @return the cycles
     */
    @Benchmark
    public List<AnalyticsData.Cycle> portableCycle() {
        return cycles(portableAnalytics, jdbcPipelines);
    }

    private List<AnalyticsData.Cycle> cycles(AnalyticsService service, List<Pipeline> of) {
        List<AnalyticsData.Cycle> all = new ArrayList<>();
        for (Pipeline p : of) {
            all.add(AnalyticsData.Cycle.of(service.cycle(p.id(), period())));
        }
        last = all;
        return all;
    }

    private static ReportPeriod period() {
        return ReportPeriod.between(AnalyticsData.FROM, AnalyticsData.TO);
    }

    // ---- the SQL both peers run ----

    /** The deals D, the pipeline's stages and the transitions T of the period with their stage's kind and place. */
    static final String PERIOD = "d AS (SELECT deal FROM deals WHERE pipeline = ?), "
            + "s AS (SELECT place, kind FROM stages WHERE pipeline = ?), "
            + "t AS (SELECT tr.id, tr.deal, tr.to_stage, tr.at_ms, tr.from_stage, tr.from_pipeline, tr.currency, "
            + "tr.amount, s.kind AS to_kind, s.place AS to_place FROM transitions tr LEFT JOIN s ON s.place = tr.to_stage "
            + "WHERE tr.pipeline = ? AND tr.at_ms >= ? AND tr.at_ms < ? AND tr.deal IN (SELECT deal FROM d))";
    /** Per stage: entered, moved on, lost here, reached (crm-jdbc's funnel statement). */
    static final String FUNNEL = "WITH " + PERIOD + " SELECT s.place,"
            + " (SELECT count(DISTINCT deal) FROM t WHERE t.to_stage = s.place),"
            + " (SELECT count(DISTINCT deal) FROM t WHERE s.kind = 'OPEN' AND t.from_stage = s.place"
            + "   AND NOT t.from_pipeline AND (t.to_kind = 'WON' OR t.to_kind = 'OPEN' AND t.to_place > s.place)),"
            + " (SELECT count(DISTINCT deal) FROM t WHERE s.kind = 'OPEN' AND t.from_stage = s.place"
            + "   AND NOT t.from_pipeline AND t.to_kind = 'LOST'),"
            + " (SELECT count(DISTINCT deal) FROM t WHERE CASE s.kind WHEN 'OPEN' THEN t.to_kind = 'WON'"
            + "   OR t.to_kind = 'OPEN' AND t.to_place >= s.place WHEN 'WON' THEN t.to_kind = 'WON'"
            + "   ELSE t.to_kind = 'LOST' END)"
            + " FROM s ORDER BY s.place";
    /** The deals won in the period with their budget at the last such transition, per currency. */
    static final String WON = "WITH " + PERIOD + ", w AS (SELECT DISTINCT ON (deal) deal, currency, amount"
            + " FROM t WHERE t.to_kind = 'WON' ORDER BY deal, at_ms DESC, id DESC)"
            + " SELECT count(*), currency, sum(amount) FROM w GROUP BY currency";
    /** The deals whose earliest creation entry in the pipeline lies in the period. */
    static final String FRESH = "WITH d AS (SELECT deal FROM deals WHERE pipeline = ?), "
            + "f AS (SELECT st.deal, min(st.at_ms) AS first_at FROM transitions st WHERE st.pipeline = ?"
            + " AND st.deal IN (SELECT deal FROM d) AND st.from_stage IS NULL AND NOT st.from_pipeline GROUP BY st.deal)"
            + " SELECT count(*) FROM f WHERE f.first_at >= ? AND f.first_at < ?";
    /** Every stage's deals now, per currency. */
    static final String NOW = "SELECT stage, currency, count(*), sum(amount) FROM deals WHERE pipeline = ?"
            + " GROUP BY stage, currency";
    /**
     * The lengths of the deals closed (won or lost) in the period, from their earliest transition in the pipeline
     * to their last close in the period, in milliseconds: count, total, and the middle one or two (their sum and
     * count: crm-jdbc's {@code n IN ((total + 1) / 2, (total + 2) / 2)}, written so that DuckDB's {@code /}, which
     * does not divide integers as integers, picks the same rows).
     */
    static final String CYCLE = "WITH " + PERIOD
            + ", c AS (SELECT DISTINCT ON (deal) deal, at_ms FROM t WHERE t.to_kind = ? ORDER BY deal, at_ms DESC, id DESC),"
            + " x AS (SELECT c.at_ms AS close_at, (SELECT st.at_ms FROM transitions st WHERE st.deal = c.deal"
            + "   AND st.pipeline = ? ORDER BY st.at_ms, st.id LIMIT 1) AS start_at FROM c),"
            + " y AS (SELECT close_at - start_at AS ms FROM x WHERE start_at <= close_at),"
            + " r AS (SELECT ms, row_number() OVER (ORDER BY ms) AS n, count(*) OVER () AS total FROM y)"
            + " SELECT (SELECT count(*) FROM y), (SELECT COALESCE(sum(ms), 0) FROM y),"
            + " (SELECT sum(ms) FROM r WHERE 2 * n BETWEEN total AND total + 2),"
            + " (SELECT count(*) FROM r WHERE 2 * n BETWEEN total AND total + 2)";

    /** The tables both peers get; types that both DuckDB and PostgreSQL know. */
    static final List<String> TABLES = List.of(
            "CREATE %s TABLE stages (pipeline integer, place integer, kind varchar)",
            "CREATE %s TABLE deals (deal integer, pipeline integer, stage integer, responsible integer, "
                    + "currency varchar, amount decimal(18, 2))",
            "CREATE %s TABLE transitions (id uuid, deal integer, pipeline integer, from_stage integer, "
                    + "from_pipeline boolean, to_stage integer, at_ms bigint, currency varchar, amount decimal(18, 2))");
    /** crm-jdbc's indexes on these tables. */
    static final List<String> INDEXES = List.of(
            "CREATE UNIQUE INDEX transitions_id ON transitions (id)",
            "CREATE INDEX transitions_deal ON transitions (deal, at_ms)",
            "CREATE INDEX transitions_pipeline ON transitions (pipeline, at_ms)",
            "CREATE UNIQUE INDEX deals_id ON deals (deal)",
            "CREATE INDEX deals_pipeline_stage ON deals (pipeline, stage)");

    private static List<AnalyticsData.Funnel> funnels(Connection c) throws SQLException {
        List<AnalyticsData.Funnel> all = new ArrayList<>();
        for (int p = 0; p < AnalyticsData.PIPELINES.length; p++) {
            all.add(AnalyticsData.Funnel.of(funnel(c, p)));
        }
        return all;
    }

    private static FunnelFacts funnel(Connection c, int p) throws SQLException {
        long from = AnalyticsData.FROM.toEpochMilli();
        long to = AnalyticsData.TO.toEpochMilli();
        Map<Integer, Long> nowCount = new HashMap<>();
        Map<Integer, Map<Currency, BigDecimal>> nowSum = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(NOW)) {
            ps.setInt(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nowCount.merge(rs.getInt(1), rs.getLong(3), Long::sum);
                    add(nowSum.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()), rs.getString(2), rs.getString(4));
                }
            }
        }
        List<FunnelStage> stages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FUNNEL)) {
            period(ps, p, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int place = rs.getInt(1);
                    stages.add(new FunnelStage(new StageAmounts(AnalyticsData.placeholder(p, place),
                            nowCount.getOrDefault(place, 0L), nowSum.getOrDefault(place, Map.of())), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        long won = 0;
        Map<Currency, BigDecimal> wonSum = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(WON)) {
            period(ps, p, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won += rs.getLong(1);
                    add(wonSum, rs.getString(2), rs.getString(3));
                }
            }
        }
        long fresh;
        try (PreparedStatement ps = c.prepareStatement(FRESH)) {
            ps.setInt(1, p);
            ps.setInt(2, p);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                fresh = rs.getLong(1);
            }
        }
        return new FunnelFacts(stages, fresh, won, wonSum);
    }

    private static List<AnalyticsData.Cycle> cycles(Connection c) throws SQLException {
        List<AnalyticsData.Cycle> all = new ArrayList<>();
        for (int p = 0; p < AnalyticsData.PIPELINES.length; p++) {
            all.add(AnalyticsData.Cycle.of(new CycleFacts(durations(c, p, "WON"), durations(c, p, "LOST"))));
        }
        return all;
    }

    private static Durations durations(Connection c, int p, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CYCLE)) {
            period(ps, p, AnalyticsData.FROM.toEpochMilli(), AnalyticsData.TO.toEpochMilli());
            ps.setString(6, kind);
            ps.setInt(7, p);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                BigDecimal total = new BigDecimal(rs.getString(2)).movePointLeft(3);
                String middle = rs.getString(3);
                Optional<BigDecimal> median = middle == null ? Optional.empty()
                        : Optional.of(new BigDecimal(middle).movePointLeft(3).divide(BigDecimal.valueOf(rs.getLong(4))));
                return new Durations(count, total, median);
            }
        }
    }

    private static void period(PreparedStatement ps, int p, long from, long to) throws SQLException {
        ps.setInt(1, p);
        ps.setInt(2, p);
        ps.setInt(3, p);
        ps.setLong(4, from);
        ps.setLong(5, to);
    }

    private static void add(Map<Currency, BigDecimal> sums, String currency, String amount) {
        if (currency != null && amount != null) {
            sums.merge(Currency.getInstance(currency), new BigDecimal(amount), BigDecimal::add);
        }
    }

    // ---- DuckDB ----

    private void loadDuck() throws SQLException {
        long start = System.nanoTime();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET threads TO 1");
            for (String ddl : TABLES) {
                st.execute(String.format(ddl, ""));
            }
        }
        AnalyticsData g = data;
        DuckDBConnection d = (DuckDBConnection) duck;
        try (DuckDBAppender s = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stages")) {
            for (int p = 0; p < AnalyticsData.PIPELINES.length; p++) {
                for (int place = 0; place < AnalyticsData.stages(p); place++) {
                    s.beginRow().append(p).append(place).append(AnalyticsData.kind(p, place)).endRow();
                }
            }
        }
        try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals")) {
            for (int n = 0; n < g.deals; n++) {
                a.beginRow().append(n).append((int) g.dealPipeline[n]).append((int) g.dealStage[n])
                        .append((int) g.dealManager[n]);
                if (g.dealCurrency[n] >= 0) {
                    a.append(AnalyticsData.CURRENCIES[g.dealCurrency[n]]).append(BigDecimal.valueOf(g.dealCents[n], 2));
                } else {
                    a.appendNull().appendNull();
                }
                a.endRow();
            }
        }
        try (DuckDBAppender a = d.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "transitions")) {
            for (int row = 0; row < g.size; row++) {
                int n = g.deal[row];
                a.beginRow().appendUUID(g.idHigh[row], g.idLow[row]).append(n).append((int) g.dealPipeline[n]);
                if (g.from[row] < 0) {
                    a.appendNull();
                } else {
                    a.append((int) g.from[row]);
                }
                a.append(false).append((int) g.to[row]).append(g.at[row]);
                if (g.currency[row] >= 0) {
                    a.append(AnalyticsData.CURRENCIES[g.currency[row]]).append(BigDecimal.valueOf(g.cents[row], 2));
                } else {
                    a.appendNull().appendNull();
                }
                a.endRow();
            }
        }
        long loaded = System.nanoTime();
        try (Statement st = duck.createStatement()) {
            for (String ddl : INDEXES) {
                st.execute(ddl);
            }
        }
        System.out.printf("  DuckDB loaded in %,d ms, indexed in %,d ms%n", (loaded - start) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
    }

    /**
     * DuckDB: crm-jdbc's funnel statements for each pipeline.
     *
     * @return the funnels
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public List<AnalyticsData.Funnel> duckdbFunnel() throws SQLException {
        List<AnalyticsData.Funnel> all = funnels(duck);
        last = all;
        return all;
    }

    /**
     * DuckDB: crm-jdbc's cycle statement, to won and to lost, for each pipeline.
     *
     * @return the cycles
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public List<AnalyticsData.Cycle> duckdbCycle() throws SQLException {
        List<AnalyticsData.Cycle> all = cycles(duck);
        last = all;
        return all;
    }

    // ---- PostgreSQL ----

    private void loadPostgres() throws SQLException, IOException {
        long start = System.nanoTime();
        postgresServer = PostgresPeer.server();
        postgres = postgresServer.getPostgresDatabase().getConnection();
        try (Statement st = postgres.createStatement()) {
            st.execute("DROP TABLE IF EXISTS stages, deals, transitions");
            for (String ddl : TABLES) {
                st.execute(String.format(ddl, "UNLOGGED"));
            }
        }
        AnalyticsData g = data;
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < AnalyticsData.PIPELINES.length; p++) {
            for (int place = 0; place < AnalyticsData.stages(p); place++) {
                sb.append(p).append('\t').append(place).append('\t').append(AnalyticsData.kind(p, place)).append('\n');
            }
        }
        copy("COPY stages FROM STDIN", sb);
        var copy = postgres.unwrap(PGConnection.class).getCopyAPI();
        CopyIn deals = copy.copyIn("COPY deals FROM STDIN");
        sb.setLength(0);
        for (int n = 0; n < g.deals; n++) {
            sb.append(n).append('\t').append(g.dealPipeline[n]).append('\t').append(g.dealStage[n]).append('\t')
                    .append(g.dealManager[n]).append('\t');
            money(sb, g.dealCurrency[n], g.dealCents[n]);
            flush(deals, sb, false);
        }
        flush(deals, sb, true);
        deals.endCopy();
        CopyIn rows = copy.copyIn("COPY transitions FROM STDIN");
        for (int row = 0; row < g.size; row++) {
            int n = g.deal[row];
            sb.append(g.id(row)).append('\t').append(n).append('\t').append(g.dealPipeline[n]).append('\t');
            if (g.from[row] < 0) {
                sb.append("\\N");
            } else {
                sb.append(g.from[row]);
            }
            sb.append("\tf\t").append(g.to[row]).append('\t').append(g.at[row]).append('\t');
            money(sb, g.currency[row], g.cents[row]);
            flush(rows, sb, false);
        }
        flush(rows, sb, true);
        rows.endCopy();
        long loaded = System.nanoTime();
        try (Statement st = postgres.createStatement()) {
            for (String ddl : INDEXES) {
                st.execute(ddl);
            }
            st.execute("VACUUM ANALYZE");
        }
        System.out.printf("  PostgreSQL loaded with COPY in %,d ms, indexed and analyzed in %,d ms%n",
                (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }

    private static void money(StringBuilder sb, int currency, long cents) {
        if (currency < 0) {
            sb.append("\\N\t\\N\n");
        } else {
            sb.append(AnalyticsData.CURRENCIES[currency]).append('\t').append(BigDecimal.valueOf(cents, 2)).append('\n');
        }
    }

    private static void flush(CopyIn in, StringBuilder sb, boolean always) throws SQLException {
        if (always || sb.length() > 1 << 20) {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }
    }

    private void copy(String sql, StringBuilder sb) throws SQLException {
        CopyIn in = postgres.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        flush(in, sb, true);
        in.endCopy();
    }

    /**
     * PostgreSQL: crm-jdbc's funnel statements for each pipeline.
     *
     * @return the funnels
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public List<AnalyticsData.Funnel> postgresFunnel() throws SQLException {
        List<AnalyticsData.Funnel> all = funnels(postgres);
        last = all;
        return all;
    }

    /**
     * PostgreSQL: crm-jdbc's cycle statement, to won and to lost, for each pipeline.
     *
     * @return the cycles
     * @throws SQLException if PostgreSQL fails
     */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public List<AnalyticsData.Cycle> postgresCycle() throws SQLException {
        List<AnalyticsData.Cycle> all = cycles(postgres);
        last = all;
        return all;
    }

    /** Notes the collector's totals before an iteration. */
    @Setup(Level.Iteration)
    public void gcBefore() {
        gcAtStart = gc();
    }

    /** Checks the iteration's answer against the worked-out one; prints the collections during the iteration. */
    @TearDown(Level.Iteration)
    public void stillAgrees() {
        if (last != null) {
            check("the measured side", last);
            last = null;
        }
        if (gcAtStart != null) {
            long[] now = gc();
            System.out.printf("  (garbage collections during the iteration: %d, %,d ms)%n", now[0] - gcAtStart[0],
                    now[1] - gcAtStart[1]);
            gcAtStart = null;
        }
    }

    private static long[] gc() {
        long[] total = new long[2];
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            total[0] += Math.max(0, b.getCollectionCount());
            total[1] += Math.max(0, b.getCollectionTime());
        }
        return total;
    }

    /**
     * Closes the databases.
     *
     * @throws SQLException if closing fails
     * @throws IOException if PostgreSQL cannot be stopped
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        if (duck != null) {
            duck.close();
            duck = null;
        }
        if (postgres != null) {
            postgres.close();
            postgresServer.close();
            postgres = null;
        }
        if (jdbcPool != null) {
            jdbcPool.close();
            jdbcServer.close();
            jdbcPool = null;
        }
    }
}
