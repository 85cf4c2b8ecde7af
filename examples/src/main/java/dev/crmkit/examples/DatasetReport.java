package dev.crmkit.examples;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.core.analytics.AnalyticsService;
import dev.crmkit.core.analytics.DealCycle;
import dev.crmkit.core.analytics.Figure;
import dev.crmkit.core.analytics.Forecast;
import dev.crmkit.core.analytics.FunnelReport;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.core.analytics.SalesSummary;
import dev.crmkit.core.analytics.Sum;
import dev.crmkit.core.policy.Presentation;
import dev.crmkit.examples.DatasetLoader.Agent;
import dev.crmkit.examples.DatasetLoader.Dataset;
import dev.crmkit.examples.DatasetLoader.Product;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The analytics of a real data set: loads the public CRM Sales Opportunities data set (8,800 B2B opportunities of
 * 35 sales agents, 85 accounts, 7 products; a copy is bundled) into an in-memory CRM through the public API,
 * asks the library's summary (AN-5), cycle (AN-4) and dashboard (AN-14, with the funnel AN-2 and forecast AN-3)
 * reports over the data's whole period, and writes {@code report.json} and {@code dashboard.html}. Rows the data
 * set gets wrong are listed in the report with what the load did about them.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am -DskipTests package exec:java -Dexample=DatasetReport}; the
 * arguments, both optional, are a directory holding the four CSV files and the output directory.
 */
public final class DatasetReport {

    /** How a win rate is shown: two decimals, half up. */
    static final Presentation PERCENT = new Presentation(2, RoundingMode.HALF_UP);

    /** Writes report.json: indented, decimals as plain digits (1153214, not 1.153214E+6). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private DatasetReport() {
    }

    /**
     * Loads the data set, writes the report and the dashboard, and prints a summary.
     *
     * @param args none for the bundled copy into {@code target/dataset-report/} (the examples module's, when run
     *        by Maven); or a directory holding accounts.csv, products.csv, sales_teams.csv and
     *        sales_pipeline.csv; and optionally the output directory after it
     * @throws IOException when the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            throw new IllegalArgumentException("usage: DatasetReport [data set directory [output directory]]");
        }
        Optional<Path> dataset = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        Path out = Path.of(args.length > 1 ? args[1] : System.getProperty("dataset.report.out",
                "target/dataset-report"));
        run(dataset, out, System.out);
    }

    /**
     * Loads a data set, writes {@code report.json} and {@code dashboard.html} into a directory (created if need
     * be) and prints a short summary.
     *
     * @param dataset a directory holding the four CSV files, or empty for the bundled copy
     * @param outDirectory where the files go
     * @param out where the summary is printed
     * @return the files written
     * @throws IllegalArgumentException when the directory lacks a file or a file a column
     * @throws IOException when the output cannot be written
     */
    public static Written run(Optional<Path> dataset, Path outDirectory, PrintStream out) throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(outDirectory, "outDirectory");
        Objects.requireNonNull(out, "out");
        DatasetSource source = dataset.map(DatasetSource::directory).orElseGet(DatasetSource::bundled);
        long start = System.nanoTime();
        Dataset ds = DatasetLoader.load(source);
        long loaded = System.nanoTime();
        Figures figures = figures(ds);
        long reported = System.nanoTime();
        Files.createDirectories(outDirectory);
        Written written = new Written(outDirectory.resolve("report.json"), outDirectory.resolve("dashboard.html"));
        JSON.writeValue(written.report().toFile(), json(figures));
        DashboardPage.write(figures, written.dashboard());
        summary(out, source, figures, written, loaded - start, reported - loaded);
        return written;
    }

    /**
     * The files a run wrote.
     *
     * @param report {@code report.json}
     * @param dashboard {@code dashboard.html}
     */
    public record Written(Path report, Path dashboard) {

        /** Rejects nulls. */
        public Written {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(dashboard, "dashboard");
        }
    }

    // ---- the figures, from the library's reports ----

    /** One agent's figures. */
    record AgentRow(Agent agent, long won, long lost, long open, Figure winRatePercent, Sum wonSum,
                    Figure medianCycleDays) {
    }

    /** One manager's figures: the agents of sales_teams.csv reporting to the manager. */
    record ManagerRow(String name, List<Agent> agents, long won, long lost, Sum wonSum) {
    }

    /** One product's figures. */
    record ProductRow(Product product, long deals, long won, Sum wonSum) {
    }

    /** Everything the report and the dashboard show. */
    record Figures(Dataset dataset, ReportPeriod.Range period, List<AgentRow> agents, List<ManagerRow> managers,
                   List<ProductRow> products, FunnelReport funnel, Forecast forecast, DealCycle cycle) {
    }

    private static Figures figures(Dataset ds) {
        AnalyticsService analytics = ds.admin().analytics();
        PipelineId pipeline = ds.pipeline().id();
        ReportPeriod period = ReportPeriod.days(ds.first(), ds.last());
        StageId engaging = ds.stage("Engaging").id();
        List<AgentRow> agents = new ArrayList<>();
        List<ManagerRow> managers = new ArrayList<>();
        for (String manager : ds.managers().keySet()) {
            List<Agent> team = ds.agents().stream().filter(a -> a.manager().equals(manager)).toList();
            managers.add(team(analytics, pipeline, period, engaging, manager, team, agents));
        }
        List<ProductRow> products = new ArrayList<>();
        for (Product product : ds.products()) {
            SalesSummary s = analytics.summary(pipeline, period,                                    // AN-5, AN-12
                    CustomFieldQuery.<Deal>choice(ds.productField()).eq(product.key()));
            products.add(new ProductRow(product, s.stages().stream().mapToLong(SalesSummary.StageRow::deals).sum(),
                    won(s), s.wonSum()));
        }
        FunnelReport funnel = analytics.funnel(pipeline, period);                                  // AN-2
        Forecast forecast = analytics.forecast(pipeline, period);                                  // AN-3
        DealCycle cycle = analytics.cycle(pipeline, Optional.of(engaging), period, Filter.all());  // AN-4
        return new Figures(ds, funnel.period(), agents, managers, products, funnel, forecast, cycle);
    }

    /**
     * A manager's team: one summary of the team's deals (AN-5) gives each agent's won, lost and won sum; a cycle
     * of each agent's deals (AN-4) the median days from Engaging to Won, and their forecast (AN-3) the open deals.
     */
    private static ManagerRow team(AnalyticsService analytics, PipelineId pipeline, ReportPeriod period,
                                   StageId engaging, String manager, List<Agent> team, List<AgentRow> agents) {
        // README-START
        Filter<Deal> theirs = DealFields.RESPONSIBLE.in(team.stream().map(a -> a.user().id()).toList());
        SalesSummary summary = analytics.summary(pipeline, period, theirs);          // AN-5: a row per agent
        for (Agent agent : team) {
            Filter<Deal> hers = DealFields.RESPONSIBLE.eq(agent.user().id());
            DealCycle cycle = analytics.cycle(pipeline, Optional.of(engaging), period, hers);   // AN-4
            long open = analytics.forecast(pipeline, period, hers).open();                        // AN-3
            Optional<SalesSummary.ManagerRow> row = summary.managers().stream()
                    .filter(r -> r.manager().equals(agent.user().id())).findFirst();   // none: no deal new, won or lost
            long won = row.map(SalesSummary.ManagerRow::won).orElse(0L);
            long lost = row.map(SalesSummary.ManagerRow::lost).orElse(0L);
            Sum wonSum = row.map(SalesSummary.ManagerRow::wonSum).orElse(Sum.zero(DatasetLoader.USD));
            Figure winRate = winRatePercent(won, lost);       // exact; winRate.shown(PERCENT) rounds it
            Figure medianDays = cycle.toWon().medianDays();   // exact; undefined without a won deal
            agents.add(new AgentRow(agent, won, lost, open, winRate, wonSum, medianDays));
        }
        // README-END
        return new ManagerRow(manager, team, won(summary), lost(summary), summary.wonSum());
    }

    /**
     * Won out of won and lost, in percent.
     *
     * @return the exact figure; undefined ({@code none_closed}) when nothing closed
     */
    static Figure winRatePercent(long won, long lost) {
        return Figure.ratio(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost), "none_closed")
                .times(BigDecimal.valueOf(100));
    }

    private static long lost(SalesSummary s) {
        return s.managers().stream().mapToLong(SalesSummary.ManagerRow::lost).sum();
    }

    private static long won(SalesSummary s) {
        return s.managers().stream().mapToLong(SalesSummary.ManagerRow::won).sum();
    }

    // ---- report.json ----

    private static ObjectNode json(Figures f) {
        Dataset ds = f.dataset();
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", "CRM Sales Opportunities (Maven Analytics)");
        root.putObject("period").put("first", f.period().firstDay().toString())
                .put("last", f.period().lastDay().toString());
        root.put("currency", DatasetLoader.USD.getCurrencyCode());
        ObjectNode loaded = root.putObject("loaded");
        loaded.putObject("companies").put("rows", ds.counts().accountRows()).put("stored", ds.counts().companies());
        loaded.putObject("products").put("rows", ds.counts().productRows()).put("stored", ds.products().size());
        loaded.putObject("users").put("rows", ds.counts().teamRows()).put("agents", ds.agents().size())
                .put("managers", ds.managers().size());
        loaded.putObject("deals").put("rows", ds.counts().opportunityRows()).put("stored", ds.counts().deals());
        ArrayNode agents = root.putArray("agents");
        for (AgentRow a : f.agents()) {
            ObjectNode n = agents.addObject().put("agent", a.agent().name()).put("manager", a.agent().manager())
                    .put("regionalOffice", a.agent().office()).put("won", a.won()).put("lost", a.lost())
                    .put("open", a.open());
            n.put("winRatePercent", a.winRatePercent().shown(PERCENT).orElse(null));
            n.put("wonSum", a.wonSum().amount());
            n.put("medianCycleDays", a.medianCycleDays().value(MathContext.DECIMAL128).orElse(null));
        }
        ArrayNode managers = root.putArray("managers");
        for (ManagerRow m : f.managers()) {
            managers.addObject().put("manager", m.name()).put("agents", m.agents().size()).put("won", m.won())
                    .put("lost", m.lost()).put("wonSum", m.wonSum().amount());
        }
        ArrayNode products = root.putArray("products");
        for (ProductRow p : f.products()) {
            products.addObject().put("product", p.product().name()).put("series", p.product().series())
                    .put("salesPrice", p.product().price()).put("deals", p.deals()).put("won", p.won())
                    .put("wonSum", p.wonSum().amount());
        }
        ArrayNode stages = root.putArray("stages");
        for (FunnelReport.StageRow s : f.funnel().stages()) {
            stages.addObject().put("stage", s.stage().name()).put("deals", s.nowCount()).put("budget",
                    s.nowSum().amount()).put("reachedInPeriod", s.reached());
        }
        ObjectNode counts = root.putObject("problemCounts");
        Map<String, Long> byCode = new TreeMap<>(ds.problems().stream()
                .collect(Collectors.groupingBy(p -> p.file() + " " + p.code(), Collectors.counting())));
        byCode.forEach(counts::put);
        ArrayNode problems = root.putArray("problems");
        for (DatasetProblem p : ds.problems()) {
            problems.addObject().put("file", p.file()).put("row", p.row()).put("column", p.column())
                    .put("value", p.value()).put("code", p.code()).put("outcome", p.outcome().name())
                    .put("detail", p.detail());
        }
        return root;
    }

    private static void summary(PrintStream out, DatasetSource source, Figures f, Written written, long loadNanos,
                                long reportNanos) {
        Dataset ds = f.dataset();
        out.printf("Loaded %s%n", source);
        out.printf("  %d of %d accounts as companies, %d of %d products, %d agents and %d managers as users,"
                        + " %d of %d opportunities as deals, in %.1f s%n", ds.counts().companies(),
                ds.counts().accountRows(), ds.products().size(), ds.counts().productRows(), ds.agents().size(),
                ds.managers().size(), ds.counts().deals(), ds.counts().opportunityRows(), loadNanos / 1e9);
        Map<String, Long> byCode = new TreeMap<>(ds.problems().stream().collect(Collectors.groupingBy(
                p -> p.file() + " " + p.code() + " (" + p.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ")", Collectors.counting())));
        out.printf("Row problems: %d%n", ds.problems().size());
        byCode.forEach((code, n) -> out.printf("  %5d  %s%n", n, code));
        long lost = f.funnel().stage(ds.pipeline().lostStage().id()).reached();
        out.printf("Period %s to %s: %d won (%s), %d lost, win rate %s %%, median cycle from Engaging to Won %s"
                        + " days (reports in %.1f s)%n", f.period().firstDay(), f.period().lastDay(), f.funnel().won(),
                f.funnel().wonSum(), lost, winRatePercent(f.funnel().won(), lost).shown(PERCENT)
                        .map(BigDecimal::toPlainString).orElse("-"),
                f.cycle().toWon().medianDays().value(MathContext.DECIMAL128).map(BigDecimal::toPlainString)
                        .orElse("-"), reportNanos / 1e9);
        out.printf("Wrote %s%n  and %s%n", written.report().toAbsolutePath().normalize(),
                written.dashboard().toAbsolutePath().normalize());
    }
}
