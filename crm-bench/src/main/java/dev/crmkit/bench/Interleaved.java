package dev.crmkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs a benchmark's sides in forks that alternate between them, round after round (ours, the peer's, ours, …),
 * so that a change in the machine's load falls on every side; prints each fork's mean with the load average before
 * it, then every side's mean over all its measured iterations and the ratios. Run with
 * {@code java -cp crm-bench/target/benchmarks.jar dev.crmkit.bench.Interleaved [rounds] [deals] [profiler]} for
 * {@link DealQueryBenchmark}, {@code … Interleaved import [rounds] [rows] [profiler] [sides]} for
 * {@link ImportBenchmark} (sides comma-separated, the five methods by default; a side ending in {@code :off} runs under
 * a policy with {@code duplicateDetection(false)}), {@code … Interleaved scan|pgscan|create|phones
 * [rounds] [params] [profiler]} for {@link ScanBenchmark}, {@link PostgresScanBenchmark}, {@link CreateBenchmark} (check on, then off) and
 * {@link PhoneKeyBenchmark}, {@code … Interleaved jdbc [rounds] [params] [profiler|-] [operations]} for {@link JdbcBenchmark}
 * (operations {@code create,update,find} by default), {@code … Interleaved bulk [rounds] [params] [profiler|-]} for
 * {@link BulkInsertBenchmark} (params such as {@code contacts=100000}), {@code … Interleaved pgcreate [rounds] [params]
 * [profiler|-]} for {@link PostgresCreateBenchmark} (crmkit with the check, without it, PostgreSQL's SQL; params such
 * as {@code existing=100000,batch=10000,rule=bitrix24}), params being JMH parameters such as {@code contacts=100000,rule=bitrix24}, and {@code …
 * Interleaved analytics [rounds] [params] [profiler|-] [reports] [sides]} for {@link AnalyticsBenchmark} (reports
 * {@code funnel,cycle} and sides {@code crmkit,duckdb,postgres} by default, comma-separated; sides {@code jdbc} and
 * {@code portable} are crm-jdbc with and without its {@code AnalyticsQueries}; each round runs every
 * side of the first report, then of the next). The profiler
 * is a JMH profiler such as {@code stack} or {@code gc}, or {@code jfr}: a Java Flight Recording of each fork into
 * {@code crm-bench/target/jfr/} (see {@code Reports jfr}). The system properties {@code bench.warmup} and
 * {@code bench.measurement}, when set, override every fork's warm-up and measurement iterations (for a quick check
 * that a benchmark runs, never for results).
 */
public final class Interleaved {

    /** The import benchmark's sides, in the order their forks run. */
    static final List<String> IMPORT_SIDES = List.of("crmkitImport", "postgresCopy", "crmkitDryRun", "fastcsvParse",
            "crmkitParse");

    private Interleaved() {
    }

    /**
     * One side of a comparison: a benchmark method with its parameters.
     *
     * @param name the side's name in the output
     * @param method the benchmark method
     * @param params the JMH parameters of its forks
     */
    record Side(String name, String method, Map<String, String> params) {
    }

    /**
     * Runs the rounds.
     *
     * @param args for the deal query: rounds (3), deals (1,000,000), a profiler; otherwise a benchmark, then its
     *        arguments: {@code import [rounds] [rows] [profiler|-] [sides]}, {@code scan [rounds] [params]
     *        [profiler|-]}, {@code pgscan [rounds] [params] [profiler|-]}, {@code create [rounds] [params] [profiler|-]}, {@code phones [rounds] [params]
     *        [profiler|-]}, {@code jdbc [rounds] [params] [profiler|-] [operations]}, {@code bulk [rounds] [params] [profiler|-]},
     *        {@code pgcreate [rounds] [params] [profiler|-]} or {@code analytics [rounds] [params] [profiler|-] [reports] [sides]}, params being JMH parameters as {@code name=value,name=value}
     * @throws RunnerException if JMH fails
     * @throws IOException if the load average cannot be read
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String what = args.length > 0 && !args[0].matches("\\d+") ? args[0] : "deals";
        String[] rest = what.equals("deals") ? args : Arrays.copyOfRange(args, 1, args.length);
        int rounds = rest.length > 0 ? Integer.parseInt(rest[0]) : 2;
        String profiler = rest.length > 2 && !rest[2].equals("-") ? rest[2] : null;
        switch (what) {
            case "import": {
                String rows = rest.length > 1 ? rest[1] : "1000000";
                List<String> names = rest.length > 3 ? Arrays.asList(rest[3].split(",")) : IMPORT_SIDES;
                List<Side> sides = new ArrayList<>();
                for (String n : names) {
                    // "crmkitDryRun:off" is that side under a policy with duplicateDetection(false).
                    sides.add(n.endsWith(":off") ? new Side(n, n.substring(0, n.length() - 4), Map.of("rows", rows,
                            "duplicateDetection", "false")) : new Side(n, n, Map.of("rows", rows)));
                }
                Map<String, Double> ms = run(ImportBenchmark.class, sides, rounds, profiler, "ms/op");
                double n = Double.parseDouble(rows);
                System.out.println();
                ms.forEach((side, t) -> System.out.printf("%-13s %,12.0f rows/s%n", side, n / (t / 1000)));
                ratio(ms, "crmkitImport", "fastcsvParse", "crmkit import / FastCSV parse (rows/s; target ≥ 0.1)");
                ratio(ms, "crmkitImport", "postgresCopy", "crmkit import / PostgreSQL COPY (rows/s; target ≥ 1.0)");
                ratio(ms, "crmkitParse", "fastcsvParse", "crmkit parse / FastCSV parse (rows/s)");
                if (ms.keySet().containsAll(List.of("crmkitParse", "crmkitDryRun", "crmkitImport"))) {
                    double parse = ms.get("crmkitParse");
                    double dry = ms.get("crmkitDryRun");
                    double all = ms.get("crmkitImport");
                    System.out.printf("split of the import's %.0f ms: parse %.0f ms (%.0f %%), map + validate + match "
                            + "earlier rows %.0f ms (%.0f %%), stored-duplicate check + store %.0f ms (%.0f %%)%n", all,
                            parse, 100 * parse / all, dry - parse, 100 * (dry - parse) / all, all - dry,
                            100 * (all - dry) / all);
                }
                break;
            }
            case "scan": {
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                Map<String, Double> ms = run(ScanBenchmark.class, List.of(new Side("crmkit", "crmkitScan", params),
                        new Side("duckdb", "duckdbGroupBy", params)), rounds, profiler, "ms/op");
                ratio(ms, "crmkit", "duckdb", "DuckDB time / crmkit time (target ≥ 1.0: crmkit no slower)");
                break;
            }
            case "pgscan": {
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                Map<String, Double> ms = run(PostgresScanBenchmark.class, List.of(
                        new Side("crmkitJdbc", "crmkitJdbcScan", params),
                        new Side("postgres", "postgresGroupBy", params)), rounds, profiler, "ms/op");
                ratio(ms, "crmkitJdbc", "postgres", "PostgreSQL SQL time / crmkit-on-PostgreSQL time");
                break;
            }
            case "create": {
                Map<String, String> on = new LinkedHashMap<>(params(rest.length > 1 ? rest[1] : ""));
                Map<String, String> off = new LinkedHashMap<>(on);
                on.put("duplicateCheck", "true");
                off.put("duplicateCheck", "false");
                Map<String, Double> ms = run(CreateBenchmark.class, List.of(new Side("on", "createOneByOne", on),
                        new Side("off", "createOneByOne", off)), rounds, profiler, "ms/op");
                if (ms.containsKey("on") && ms.containsKey("off")) {
                    System.out.printf("cost of the check: %+.1f %% (target under 30 %%)%n",
                            100 * (ms.get("on") / ms.get("off") - 1));
                }
                break;
            }
            case "pgcreate": {
                // The duplicate check on creating contacts on crm-jdbc: on, off and PostgreSQL's own SQL.
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                Map<String, Double> ms = run(PostgresCreateBenchmark.class, List.of(
                        new Side("crmkitCheckOn", "crmkitCheckOn", params),
                        new Side("crmkitCheckOff", "crmkitCheckOff", params),
                        new Side("postgresCheck", "postgresCheck", params)), rounds, profiler, "ms/op");
                double n = Double.parseDouble(params.getOrDefault("batch", "10000"));
                System.out.println();
                ms.forEach((side, t) -> System.out.printf("%-14s %,10.0f creates/s, %,8.1f µs a create%n", side,
                        n / (t / 1000), 1000 * t / n));
                if (ms.containsKey("crmkitCheckOn") && ms.containsKey("crmkitCheckOff")) {
                    System.out.printf("cost of the check on crm-jdbc: %+.1f %% (on / off %.3f×)%n",
                            100 * (ms.get("crmkitCheckOn") / ms.get("crmkitCheckOff") - 1),
                            ms.get("crmkitCheckOn") / ms.get("crmkitCheckOff"));
                }
                ratio(ms, "crmkitCheckOn", "postgresCheck", "PostgreSQL SQL time / crmkit-with-check time");
                ratio(ms, "crmkitCheckOff", "postgresCheck", "PostgreSQL SQL time / crmkit-without-check time");
                break;
            }
            case "analytics": {
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                List<String> reports = rest.length > 3 ? Arrays.asList(rest[3].split(",")) : List.of("funnel", "cycle");
                List<String> peers = rest.length > 4 ? Arrays.asList(rest[4].split(","))
                        : List.of("crmkit", "duckdb", "postgres");
                List<Side> sides = new ArrayList<>();
                for (String report : reports) {
                    String method = Character.toUpperCase(report.charAt(0)) + report.substring(1);
                    for (String peer : peers) {
                        sides.add(new Side(peer + method, peer + method, params));
                    }
                }
                Map<String, Double> ms = run(AnalyticsBenchmark.class, sides, rounds, profiler, "ms/op");
                for (String report : reports) {
                    String method = Character.toUpperCase(report.charAt(0)) + report.substring(1);
                    ratio(ms, "crmkit" + method, "duckdb" + method, "DuckDB / crmkit, " + report
                            + " (target ≥ 1.0: crmkit no slower)");
                    ratio(ms, "crmkit" + method, "postgres" + method, "PostgreSQL / crmkit, " + report
                            + " (target ≥ 5.0)");
                    ratio(ms, "jdbc" + method, "portable" + method, "portable / AnalyticsQueries on crm-jdbc, "
                            + report);
                }
                break;
            }
            case "jdbc": {
                // Single records on PostgreSQL: each operation's two sides in alternating forks, then the next one.
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                List<String> operations = rest.length > 3 ? Arrays.asList(rest[3].split(","))
                        : List.of("create", "update", "find");
                List<Side> sides = new ArrayList<>();
                for (String operation : operations) {
                    String method = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
                    sides.add(new Side("crmkit" + method, "crmkit" + method, params));
                    sides.add(new Side("jdbc" + method, "jdbc" + method, params));
                }
                Map<String, Double> us = run(JdbcBenchmark.class, sides, rounds, profiler, "µs/op");
                for (String operation : operations) {
                    String method = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
                    ratio(us, "crmkit" + method, "jdbc" + method, "hand-written JDBC time / crmkit time, " + operation
                            + " (target ≥ 0.9)");
                }
                break;
            }
            case "bulk": {
                // Bulk insert on PostgreSQL: crm-jdbc's batch port and one hand-written COPY in alternating forks.
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                Map<String, Double> ms = run(BulkInsertBenchmark.class, List.of(
                        new Side("crmkitBulk", "crmkitBulk", params), new Side("copyBulk", "copyBulk", params)),
                        rounds, profiler, "ms/op");
                double n = Double.parseDouble(params.getOrDefault("contacts", "100000"));
                System.out.println();
                ms.forEach((side, t) -> System.out.printf("%-13s %,12.0f contacts/s%n", side, n / (t / 1000)));
                ratio(ms, "crmkitBulk", "copyBulk", "raw COPY time / crmkit time (target ≥ 0.9)");
                break;
            }
            case "phones": {
                Map<String, String> params = params(rest.length > 1 ? rest[1] : "");
                Map<String, Double> us = run(PhoneKeyBenchmark.class, List.of(
                        new Side("crmkit", "crmkitMatchKey", params), new Side("parse", "libphonenumberParse", params),
                        new Side("parse+format", "libphonenumberParseFormat", params)), rounds, profiler, "µs/op");
                ratio(us, "crmkit", "parse", "libphonenumber parse / crmkit key (target ≥ 50)");
                ratio(us, "crmkit", "parse+format", "libphonenumber parse + format / crmkit key");
                break;
            }
            default: {
                String deals = rest.length > 1 ? rest[1] : "1000000";
                String dealProfiler = rest.length > 2 ? rest[2] : null;
                Map<String, Double> means = run(DealQueryBenchmark.class, List.of(
                        new Side("crmkit", "crmkit", Map.of("deals", deals)), new Side("h2", "h2", Map.of("deals", deals))),
                        args.length > 0 ? rounds : 3, dealProfiler, "µs/op");
                if (means.containsKey("crmkit") && means.containsKey("h2")) {
                    System.out.printf("H2 / crmkit: %.1f×%n", means.get("h2") / means.get("crmkit"));
                }
            }
        }
        System.out.println("load average now: " + load());
    }

    private static Map<String, String> params(String list) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            // "-" stands for no parameters, as for the profiler.
            if (!pair.isBlank() && !pair.strip().equals("-")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0].strip(), kv[1].strip());
            }
        }
        return params;
    }

    private static void ratio(Map<String, Double> ms, String ours, String peer, String label) {
        if (ms.containsKey(ours) && ms.containsKey(peer)) {
            System.out.printf("%s: %.3f×%n", label, ms.get(peer) / ms.get(ours));
        }
    }

    /**
     * Runs one fork per side per round, sides in the given order within each round, and prints every fork's mean
     * with the load average before it and every side's mean with its error.
     *
     * @return each side's mean over all its measured iterations
     */
    static Map<String, Double> run(Class<?> benchmark, List<Side> sides, int rounds, String profiler, String unit)
            throws RunnerException, IOException {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        List<String> forks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Side side : sides) {
                String load = load();
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include(benchmark.getName() + "\\." + side.method() + "$").forks(1);
                side.params().forEach(options::param);
                Integer warmup = Integer.getInteger("bench.warmup");
                Integer measurement = Integer.getInteger("bench.measurement");
                if (warmup != null) {
                    options.warmupIterations(warmup);
                }
                if (measurement != null) {
                    options.measurementIterations(measurement);
                }
                if ("jfr".equals(profiler)) {
                    Path dir = Files.isDirectory(Path.of("crm-bench", "target")) ? Path.of("crm-bench", "target", "jfr")
                            : Path.of("target", "jfr");
                    Files.createDirectories(dir);
                    options.jvmArgsAppend("-XX:FlightRecorderOptions:stackdepth=512",
                            "-XX:StartFlightRecording=settings=profile,filename="
                                    + dir.resolve(benchmark.getSimpleName() + "-" + side.name() + "-round" + round + ".jfr")
                                    .toAbsolutePath());
                } else if (profiler != null) {
                    options.addProfiler(profiler);
                }
                for (RunResult run : new Runner(options.build()).run()) {
                    List<Double> all = scores.computeIfAbsent(side.name(), k -> new ArrayList<>());
                    List<Double> mine = new ArrayList<>();
                    for (BenchmarkResult b : run.getBenchmarkResults()) {
                        for (IterationResult i : b.getIterationResults()) {
                            mine.add(i.getPrimaryResult().getScore());
                        }
                    }
                    all.addAll(mine);
                    forks.add(String.format("round %d %-13s %12.1f %s (load before: %s)", round, side.name(),
                            mine.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), unit, load));
                }
            }
        }
        System.out.println();
        forks.forEach(System.out::println);
        Map<String, Double> means = new LinkedHashMap<>();
        scores.forEach((side, list) -> {
            ListStatistics s = new ListStatistics(list.stream().mapToDouble(Double::doubleValue).toArray());
            means.put(side, s.getMean());
            System.out.printf("%-13s %12.1f ± %.1f %s (99.9 %%), %d iterations, min %.1f, max %.1f%n", side, s.getMean(),
                    s.getN() > 1 ? s.getMeanErrorAt(0.999) : Double.NaN, unit, s.getN(), s.getMin(), s.getMax());
        });
        return means;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
