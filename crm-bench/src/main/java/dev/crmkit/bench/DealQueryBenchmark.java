package dev.crmkit.bench;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.inmemory.InMemoryStorage;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The deal query of DEAL-11 over generated deals ({@link DealData}): "deals of the Sales pipeline in the
 * Qualification or Proposal stage, budget from 100,000 to 1,000,000, region Moscow or St Petersburg (a custom
 * list field), by budget descending, first page of 50", through the facade on the in-memory adapter against
 * the same SQL query on H2 in-memory holding the same deals (same ids) with the indexes a DBA would create for
 * it. One thread each. Every fork loads both and checks that the first three pages agree (ids in order,
 * cursors against keyset SQL), then frees the side it does not measure; each iteration's last answer is checked
 * against them again. Forks are meant to alternate between the sides: see {@link Interleaved}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DealQueryBenchmark {

    /** The page size. */
    static final int PAGE = 50;
    /** The budget range. */
    static final BigDecimal LOW = new BigDecimal("100000");
    static final BigDecimal HIGH = new BigDecimal("1000000");
    /** The regions asked for. */
    static final List<String> REGIONS = List.of("msk", "spb");

    /** The H2 schema: one column per standard field the query may use and per custom field, as a DBA lays it out. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE deals (id UUID PRIMARY KEY, version BIGINT NOT NULL, name VARCHAR NOT NULL, pipeline UUID NOT NULL, "
                    + "stage UUID NOT NULL, responsible UUID NOT NULL, budget_amount NUMERIC(24, 2), budget_currency CHAR(3), "
                    + "expected_close DATE, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, "
                    + "updated TIMESTAMP(6) WITH TIME ZONE NOT NULL, tags VARCHAR ARRAY NOT NULL, cf_region VARCHAR, "
                    + "cf_products VARCHAR ARRAY, cf_seats NUMERIC(24, 4), cf_contract DATE, cf_comment VARCHAR)");
    /**
     * The indexes, the same as the in-memory adapter's on these columns: pipeline, stage with budget (its stage
     * index ordered by budget), budget alone (ordered, descending as the query sorts), and the list field's column.
     */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX deals_pipeline ON deals (pipeline)",
            "CREATE INDEX deals_stage_budget ON deals (stage, budget_amount DESC, id)",
            "CREATE INDEX deals_budget ON deals (budget_amount DESC, id)",
            "CREATE INDEX deals_region ON deals (cf_region)");
    static final String COLUMNS = "id, version, name, pipeline, stage, responsible, budget_amount, budget_currency, "
            + "expected_close, created, updated, tags, cf_region, cf_products, cf_seats, cf_contract, cf_comment";
    static final String QUERY = "SELECT " + COLUMNS + " FROM deals WHERE pipeline = ? AND stage IN (?, ?) "
            + "AND budget_amount BETWEEN ? AND ? AND cf_region IN (?, ?)";
    static final String ORDER = " ORDER BY budget_amount DESC NULLS FIRST, id LIMIT " + (PAGE + 1);

    /** How many deals. */
    @Param("1000000")
    public int deals;

    /** Whether the in-memory adapter keeps its query indexes; {@code false} measures the full scan it replaced. */
    @Param("true")
    public boolean queryIndexes = true;

    DealData.World world;
    InMemoryStorage storage;
    Filter<Deal> filter;
    Sort<Deal> sort;
    Connection h2;
    PreparedStatement first;
    Pipeline sales;
    List<StageId> stages;
    /** The ids of the first page, which both sides gave. */
    List<UUID> expected;
    /** The measured side's last answer: a slice or rows. */
    Object last;

    /**
     * Loads the deals into both sides, checks that three pages agree, then frees the side this fork does not
     * measure.
     *
     * @param params the benchmark's parameters, or null to keep both sides (the smoke test)
     * @throws SQLException if H2 fails
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws SQLException {
        storage = queryIndexes ? InMemoryStorage.create() : InMemoryStorage.withoutQueryIndexes();
        world = DealData.world(storage);
        List<Deal> all = DealData.deals(world, 12, deals);
        for (int from = 0; from < all.size(); from += 10_000) {
            List<Deal> batch = all.subList(from, Math.min(all.size(), from + 10_000));
            storage.run(tx -> batch.forEach(tx.deals()::insert));
        }
        sales = world.pipelines().get(0);
        stages = List.of(sales.stages().get(1).id(), sales.stages().get(2).id());
        filter = Filter.and(DealFields.PIPELINE.eq(sales.id()), DealFields.STAGE.in(stages),
                DealFields.BUDGET_AMOUNT.between(LOW, HIGH),
                CustomFieldQuery.<Deal>choice(world.region().id()).in(REGIONS));
        sort = Sort.byDescending(DealFields.BUDGET_AMOUNT);
        // H2 hands back its previous result for the same query on unchanged tables; crmkit keeps no results.
        h2 = DriverManager.getConnection("jdbc:h2:mem:deals-" + UUID.randomUUID() + ";OPTIMIZE_REUSE_RESULTS=FALSE");
        load(h2, all, world);
        first = h2.prepareStatement(QUERY + ORDER);
        bind(first);
        all = null;
        expected = agree();
        String measured = params == null ? "" : params.getBenchmark();
        if (measured.endsWith(".h2")) {
            world = null;
            storage = null;
        } else if (measured.endsWith(".crmkit")) {
            first.close();
            h2.close();
            h2 = null;
        }
        System.gc();
    }

    /**
     * Closes H2.
     *
     * @throws SQLException if it fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (h2 != null) {
            h2.close();
        }
    }

    /** Checks, after each iteration, that the measured side's last answer is still the agreed one. */
    @TearDown(Level.Iteration)
    @SuppressWarnings("unchecked")
    public void stillAgrees() {
        if (last == null) {
            return;
        }
        List<UUID> ids = last instanceof Slice ? ((Slice<Deal>) last).items().stream().map(d -> d.id().value()).toList()
                : ids((List<Row>) last);
        if (!ids.equals(expected)) {
            throw new IllegalStateException("the measured side's answer changed: " + ids + " instead of " + expected);
        }
    }

    static void load(Connection h2, List<Deal> all, DealData.World w) throws SQLException {
        try (Statement st = h2.createStatement()) {
            for (String ddl : SCHEMA) {
                st.execute(ddl);
            }
        }
        h2.setAutoCommit(false);
        try (PreparedStatement insert = h2.prepareStatement("INSERT INTO deals (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Deal d : all) {
                insert.setObject(1, d.id().value());
                insert.setLong(2, d.version());
                insert.setString(3, d.name());
                insert.setObject(4, d.pipeline().value());
                insert.setObject(5, d.stage().value());
                insert.setObject(6, d.responsible().value());
                insert.setBigDecimal(7, d.budget().map(b -> b.amount().amount()).orElse(null));
                insert.setString(8, d.budget().map(b -> b.amount().currency().getCurrencyCode()).orElse(null));
                insert.setObject(9, d.expectedClose().orElse(null), Types.DATE);
                insert.setObject(10, OffsetDateTime.ofInstant(d.created(), ZoneOffset.UTC));
                insert.setObject(11, OffsetDateTime.ofInstant(d.updated(), ZoneOffset.UTC));
                insert.setArray(12, h2.createArrayOf("VARCHAR", d.tags().toArray()));
                FieldValue region = d.customFields().values().get(w.region().id());
                insert.setString(13, region == null ? null : ((FieldValue.Choice) region).option());
                FieldValue products = d.customFields().values().get(w.products().id());
                insert.setArray(14, products == null ? null
                        : h2.createArrayOf("VARCHAR", ((FieldValue.Choices) products).options().toArray()));
                FieldValue seats = d.customFields().values().get(w.seats().id());
                insert.setBigDecimal(15, seats == null ? null : ((FieldValue.Number) seats).value());
                FieldValue contract = d.customFields().values().get(w.contract().id());
                insert.setObject(16, contract == null ? null : ((FieldValue.Date) contract).value(), Types.DATE);
                FieldValue comment = d.customFields().values().get(w.comment().id());
                insert.setString(17, comment == null ? null : ((FieldValue.Text) comment).value());
                insert.addBatch();
                if (++n % 1000 == 0) {
                    insert.executeBatch();
                }
                if (n % 50_000 == 0) {
                    h2.commit();
                }
            }
            insert.executeBatch();
            h2.commit();
        }
        try (Statement st = h2.createStatement()) {
            for (String ddl : INDEXES) {
                st.execute(ddl);
            }
            st.execute("ANALYZE");
        }
        h2.commit();
        h2.setAutoCommit(true);
    }

    private int bind(PreparedStatement ps) throws SQLException {
        ps.setObject(1, sales.id().value());
        ps.setObject(2, stages.get(0).value());
        ps.setObject(3, stages.get(1).value());
        ps.setBigDecimal(4, LOW);
        ps.setBigDecimal(5, HIGH);
        ps.setString(6, REGIONS.get(0));
        ps.setString(7, REGIONS.get(1));
        return 8;
    }

    /**
     * The first three pages on both sides, page after page through crmkit's cursors and keyset SQL.
     *
     * @return the first page's ids
     * @throws SQLException if H2 fails
     */
    List<UUID> agree() throws SQLException {
        List<UUID> firstPage = null;
        PageRequest page = PageRequest.first(PAGE);
        for (int n = 0; n < 3; n++) {
            Slice<Deal> ours = world.admin().deals().query(filter, sort, page);
            List<UUID> theirs;
            if (n == 0) {
                theirs = ids(read(first));
            } else {
                List<Object> keys = page.after().orElseThrow().keys();
                try (PreparedStatement ps = h2.prepareStatement(QUERY
                        + " AND (budget_amount < ? OR (budget_amount = ? AND id > ?))" + ORDER)) {
                    int i = bind(ps);
                    ps.setBigDecimal(i, (BigDecimal) keys.get(0));
                    ps.setBigDecimal(i + 1, (BigDecimal) keys.get(0));
                    ps.setObject(i + 2, ((DealId) keys.get(1)).value());
                    theirs = ids(read(ps));
                }
            }
            List<UUID> mine = ours.items().stream().map(d -> d.id().value()).toList();
            if (mine.size() != PAGE || !mine.equals(theirs)) {
                throw new IllegalStateException("page " + (n + 1) + " differs: crmkit " + mine + ", H2 " + theirs);
            }
            if (n == 0) {
                firstPage = mine;
            }
            Optional<Cursor> next = ours.next();
            page = PageRequest.after(PAGE, next.orElseThrow(() -> new IllegalStateException("no next page")));
        }
        return firstPage;
    }

    /** A row of H2's answer: its columns as JDBC gives them. */
    record Row(UUID id, Object[] columns) {
    }

    static List<Row> read(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>(PAGE + 1);
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next() && rows.size() < PAGE) {
                Object[] values = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    Object v = rs.getObject(c + 1);
                    values[c] = v instanceof Array ? ((Array) v).getArray() : v instanceof Date ? ((Date) v).toLocalDate() : v;
                }
                rows.add(new Row((UUID) values[0], values));
            }
        }
        return rows;
    }

    static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    /**
     * crmkit: the query through the facade on the in-memory adapter.
     *
     * @return the page
     */
    @Benchmark
    public Slice<Deal> crmkit() {
        Slice<Deal> page = world.admin().deals().query(filter, sort, PageRequest.first(PAGE));
        last = page;
        return page;
    }

    /**
     * H2: the same query as SQL, the rows read into memory.
     *
     * @return the rows
     * @throws SQLException if H2 fails
     */
    @Benchmark
    public List<Row> h2() throws SQLException {
        List<Row> rows = read(first);
        last = rows;
        return rows;
    }
}
