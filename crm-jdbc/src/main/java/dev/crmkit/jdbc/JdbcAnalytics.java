package dev.crmkit.jdbc;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.AnalyticsQueries;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AnalyticsQueries} in SQL: the funnel, cycle, summary and forecast facts computed by PostgreSQL over the
 * {@code deals} and {@code stage_transitions} tables (the {@code (pipeline, at)} index selects the period), with
 * the same semantics as crm-core's portable implementation, which the TCK compares it with. The deal filter is
 * translated like every query's ({@link SqlQuery}); a transition's previous stage, previous pipeline and budget
 * are read from its document. Sums are {@code numeric}, so exact; medians are the middle value or the exact mean
 * of the two middle ones.
 */
final class JdbcAnalytics implements AnalyticsQueries {

    /** A transition of the period with the kind and place of the stage it entered (null for a stage gone since). */
    private static final String PERIOD = "t AS (SELECT st.id, st.deal, st.to_stage, st.at, "
            + "(st.data ->> 'from')::uuid AS from_stage, st.data ->> 'fromPipeline' AS from_pipeline, "
            + "st.data -> 'budget' -> 'amount' AS money, s.kind AS to_kind, s.place AS to_place "
            + "FROM {transitions} st LEFT JOIN s ON s.id = st.to_stage "
            + "WHERE st.pipeline = ? AND st.at >= ? AND st.at < ? AND st.deal IN (SELECT id FROM d))";
    /** The stages of the pipeline, as parameters: id, place, kind. */
    private static final String STAGES = "s AS (SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[]) AS s(id, place, kind))";
    /** The deals whose earliest creation entry in the pipeline lies in the period. */
    private static final String FRESH = "fresh AS (SELECT f.deal FROM (SELECT st.deal, min(st.at) AS first "
            + "FROM {transitions} st WHERE st.pipeline = ? AND st.deal IN (SELECT id FROM d) "
            + "AND st.data ->> 'from' IS NULL AND st.data ->> 'fromPipeline' IS NULL GROUP BY st.deal) f "
            + "WHERE f.first >= ? AND f.first < ?)";

    private final JdbcTransaction tx;

    JdbcAnalytics(JdbcTransaction tx) {
        this.tx = tx;
    }

    @Override
    public FunnelFacts funnel(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Map<StageId, StageAmounts> now = now(pipeline, deals);
        Query q = new Query(deals, "id");
        q.sql("WITH " + q.deals + ", " + STAGES + ", " + PERIOD
                + " SELECT s.id,"
                + " (SELECT count(DISTINCT deal) FROM t WHERE t.to_stage = s.id),"
                + " (SELECT count(DISTINCT deal) FROM t WHERE s.kind = 'OPEN' AND t.from_stage = s.id"
                + "   AND t.from_pipeline IS NULL AND (t.to_kind = 'WON' OR t.to_kind = 'OPEN' AND t.to_place > s.place)),"
                + " (SELECT count(DISTINCT deal) FROM t WHERE s.kind = 'OPEN' AND t.from_stage = s.id"
                + "   AND t.from_pipeline IS NULL AND t.to_kind = 'LOST'),"
                + " (SELECT count(DISTINCT deal) FROM t WHERE CASE s.kind WHEN 'OPEN' THEN t.to_kind = 'WON'"
                + "   OR t.to_kind = 'OPEN' AND t.to_place >= s.place WHEN 'WON' THEN t.to_kind = 'WON'"
                + "   ELSE t.to_kind = 'LOST' END)"
                + " FROM s ORDER BY s.place");
        stages(q, pipeline);
        period(q, pipeline, from, to);
        Map<StageId, long[]> counts = new HashMap<>();
        q.rows(rs -> counts.put(new StageId((UUID) rs.getObject(1)),
                new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
        List<FunnelStage> rows = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            long[] c = counts.get(stage.id());
            rows.add(new FunnelStage(now.get(stage.id()), c[0], c[1], c[2], c[3]));
        }
        Query won = new Query(deals, "id");
        won.sql("WITH " + won.deals + ", " + STAGES + ", " + PERIOD + ", w AS (SELECT DISTINCT ON (deal) deal, money"
                + " FROM t WHERE t.to_kind = 'WON' ORDER BY deal, at DESC, id DESC)"
                + " SELECT count(*), money ->> 'currency', sum((money ->> 'amount')::numeric) FROM w GROUP BY 2");
        stages(won, pipeline);
        period(won, pipeline, from, to);
        long[] wonCount = new long[1];
        Map<Currency, BigDecimal> wonSum = new HashMap<>();
        won.rows(rs -> {
            wonCount[0] += rs.getLong(1);
            add(wonSum, rs.getString(2), rs.getBigDecimal(3));
        });
        Query fresh = new Query(deals, "id");
        fresh.sql("WITH " + fresh.deals + ", " + FRESH + " SELECT count(*) FROM fresh");
        period(fresh, pipeline, from, to);
        long[] newDeals = new long[1];
        fresh.rows(rs -> newDeals[0] = rs.getLong(1));
        return new FunnelFacts(rows, from.isBefore(to) ? newDeals[0] : 0, wonCount[0], wonSum);
    }

    @Override
    public CycleFacts cycle(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to, Optional<StageId> start) {
        Objects.requireNonNull(start, "start");
        return new CycleFacts(durations(pipeline, deals, from, to, start, "WON"),
                durations(pipeline, deals, from, to, start, "LOST"));
    }

    private Durations durations(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to,
                                Optional<StageId> start, String kind) {
        Query q = new Query(deals, "id");
        q.sql("WITH " + q.deals + ", " + STAGES + ", " + PERIOD
                + ", c AS (SELECT DISTINCT ON (deal) deal, at FROM t WHERE t.to_kind = ? ORDER BY deal, at DESC, id DESC),"
                + " x AS (SELECT c.at AS close_at, (SELECT st.at FROM {transitions} st WHERE st.deal = c.deal"
                + "   AND st.pipeline = ?" + (start.isPresent() ? " AND st.to_stage = ?" : "")
                + "   ORDER BY st.at, st.id LIMIT 1) AS start_at FROM c),"
                + " y AS (SELECT extract(epoch FROM close_at - start_at) AS secs FROM x WHERE start_at <= close_at),"
                + " r AS (SELECT secs, row_number() OVER (ORDER BY secs) AS n, count(*) OVER () AS total FROM y)"
                + " SELECT (SELECT count(*) FROM y), (SELECT COALESCE(sum(secs), 0) FROM y),"
                + " (SELECT sum(secs) / count(*) FROM r WHERE n IN ((total + 1) / 2, (total + 2) / 2))");
        stages(q, pipeline);
        period(q, pipeline, from, to);
        q.param(kind, "text");
        q.param(pipeline.id(), "uuid");
        start.ifPresent(s -> q.param(s, "uuid"));
        Durations[] d = new Durations[1];
        q.rows(rs -> {
            long count = rs.getLong(1);
            d[0] = new Durations(count, rs.getBigDecimal(2), Optional.ofNullable(rs.getBigDecimal(3)));
        });
        return d[0];
    }

    @Override
    public SummaryFacts summary(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Query q = new Query(deals, "id, responsible");
        q.sql("WITH " + q.deals + ", " + STAGES + ", " + PERIOD + ", " + FRESH
                + ", w AS (SELECT DISTINCT ON (deal) deal, money FROM t WHERE t.to_kind = 'WON' ORDER BY deal, at DESC, id DESC),"
                + " l AS (SELECT DISTINCT deal FROM t WHERE t.to_kind = 'LOST'),"
                + " x AS (SELECT d.responsible, f.deal IS NOT NULL AS is_new, w.deal IS NOT NULL AS is_won,"
                + "   l.deal IS NOT NULL AS is_lost, w.money ->> 'currency' AS currency,"
                + "   (w.money ->> 'amount')::numeric AS amount FROM d LEFT JOIN fresh f ON f.deal = d.id"
                + "   LEFT JOIN w ON w.deal = d.id LEFT JOIN l ON l.deal = d.id"
                + "   WHERE f.deal IS NOT NULL OR w.deal IS NOT NULL OR l.deal IS NOT NULL)"
                + " SELECT responsible, currency, count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE is_won),"
                + " count(*) FILTER (WHERE is_lost), sum(amount) FROM x GROUP BY responsible, currency");
        stages(q, pipeline);
        period(q, pipeline, from, to);
        period(q, pipeline, from, to);
        Map<UserId, long[]> counts = new LinkedHashMap<>();
        Map<UserId, Map<Currency, BigDecimal>> sums = new HashMap<>();
        q.rows(rs -> {
            UserId manager = new UserId((UUID) rs.getObject(1));
            long[] c = counts.computeIfAbsent(manager, m -> new long[3]);
            c[0] += rs.getLong(3);
            c[1] += rs.getLong(4);
            c[2] += rs.getLong(5);
            add(sums.computeIfAbsent(manager, m -> new HashMap<>()), rs.getString(2), rs.getBigDecimal(6));
        });
        List<ManagerFacts> managers = new ArrayList<>();
        boolean any = from.isBefore(to);
        counts.forEach((m, c) -> {
            if (any) {
                managers.add(new ManagerFacts(m, c[0], c[1], c[2], sums.get(m)));
            }
        });
        Map<StageId, StageAmounts> now = now(pipeline, deals);
        return new SummaryFacts(managers, pipeline.stages().stream().map(s -> now.get(s.id())).toList());
    }

    @Override
    public ForecastFacts forecast(Pipeline pipeline, Filter<Deal> deals, LocalDate closeFrom, LocalDate closeTo) {
        Objects.requireNonNull(closeFrom, "closeFrom");
        Objects.requireNonNull(closeTo, "closeTo");
        Map<StageId, StageAmounts> open = now(pipeline, deals);
        Query q = new Query(deals, "id, stage, budget_amount, budget_currency, expected_close");
        q.sql("WITH " + q.deals + " SELECT stage, budget_currency, count(*), sum(budget_amount) FROM d"
                + " WHERE expected_close >= ? AND expected_close <= ? GROUP BY stage, budget_currency");
        q.param(closeFrom, "date");
        q.param(closeTo, "date");
        Map<StageId, StageAmounts> expected = amounts(q);
        List<StageAmounts> o = new ArrayList<>();
        List<StageAmounts> e = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() == StageKind.OPEN) {
                o.add(open.get(stage.id()));
                e.add(expected.getOrDefault(stage.id(), new StageAmounts(stage.id(), 0, Map.of())));
            }
        }
        return new ForecastFacts(o, e);
    }

    /** Every stage's deals of D now, with their budgets. */
    private Map<StageId, StageAmounts> now(Pipeline pipeline, Filter<Deal> deals) {
        Query q = new Query(deals, "id, stage, budget_amount, budget_currency");
        q.sql("WITH " + q.deals + " SELECT stage, budget_currency, count(*), sum(budget_amount) FROM d"
                + " GROUP BY stage, budget_currency");
        Map<StageId, StageAmounts> found = amounts(q);
        Map<StageId, StageAmounts> all = new LinkedHashMap<>();
        for (Stage stage : pipeline.stages()) {
            all.put(stage.id(), found.getOrDefault(stage.id(), new StageAmounts(stage.id(), 0, Map.of())));
        }
        return all;
    }

    private static Map<StageId, StageAmounts> amounts(Query q) {
        Map<StageId, long[]> counts = new HashMap<>();
        Map<StageId, Map<Currency, BigDecimal>> sums = new HashMap<>();
        q.rows(rs -> {
            StageId stage = new StageId((UUID) rs.getObject(1));
            counts.computeIfAbsent(stage, s -> new long[1])[0] += rs.getLong(3);
            add(sums.computeIfAbsent(stage, s -> new HashMap<>()), rs.getString(2), rs.getBigDecimal(4));
        });
        Map<StageId, StageAmounts> result = new HashMap<>();
        counts.forEach((s, c) -> result.put(s, new StageAmounts(s, c[0], sums.get(s))));
        return result;
    }

    private static void add(Map<Currency, BigDecimal> sums, String currency, BigDecimal amount) {
        if (currency != null && amount != null) {
            sums.merge(Currency.getInstance(currency), amount, BigDecimal::add);
        }
    }

    private static void stages(Query q, Pipeline pipeline) {
        List<UUID> ids = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < pipeline.stages().size(); i++) {
            ids.add(pipeline.stages().get(i).id().value());
            places.add(i);
            kinds.add(pipeline.stages().get(i).kind().name());
        }
        q.params.add(SqlValues.Param.array(ids, "uuid"));
        q.params.add(SqlValues.Param.array(places, "integer"));
        q.params.add(SqlValues.Param.array(kinds, "text"));
    }

    private static void period(Query q, Pipeline pipeline, Instant from, Instant to) {
        q.param(pipeline.id(), "uuid");
        q.param(from, "timestamptz");
        q.param(to, "timestamptz");
    }

    /** The reading of a row. */
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** One statement: the deals D as its first common table expression, then the rest, with parameters in order. */
    private final class Query {

        final List<SqlValues.Param> params = new ArrayList<>();
        final String deals;
        private String sql;

        Query(Filter<Deal> filter, String columns) {
            SqlQuery where = new SqlQuery(Tables.DEALS.byField(), "id", "uuid");
            deals = "d AS (SELECT " + columns + " FROM {deals} WHERE " + where.where(filter) + ")";
            params.addAll(where.params);
        }

        void sql(String text) {
            sql = text.replace("{transitions}", tx.qualified("stage_transitions")).replace("{deals}",
                    tx.qualified("deals"));
        }

        void param(Object value, String type) {
            params.add(SqlValues.Param.of(value, type));
        }

        void rows(Row row) {
            tx.withStatement(sql, (PreparedStatement ps) -> {
                for (int i = 0; i < params.size(); i++) {
                    SqlValues.bind(tx.connection(), ps, i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
                return null;
            });
        }
    }
}
