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
 * {@link DealQueryBenchmark}, or {@code … Interleaved import [rounds] [rows] [profiler] [sides]} for
 * {@link ImportBenchmark} (sides comma-separated, all five by default). The profiler is a JMH profiler such as
 * {@code stack} or {@code gc}, or {@code jfr}: a Java Flight Recording of each fork into
 * {@code crm-bench/target/jfr/} (see {@code Reports jfr}).
 */
public final class Interleaved {

    /** The import benchmark's sides, in the order their forks run. */
    static final List<String> IMPORT_SIDES = List.of("crmkitImport", "postgresCopy", "crmkitDryRun", "fastcsvParse",
            "crmkitParse");

    private Interleaved() {
    }

    /**
     * Runs the rounds.
     *
     * @param args for the deal query: rounds (3), deals (1,000,000), a profiler; for the import: {@code import},
     *        rounds (2), rows (1,000,000), a profiler or {@code -}, the sides
     * @throws RunnerException if JMH fails
     * @throws IOException if the load average cannot be read
     */
    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length > 0 && args[0].equals("import")) {
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
            String rows = args.length > 2 ? args[2] : "1000000";
            String profiler = args.length > 3 && !args[3].equals("-") ? args[3] : null;
            List<String> sides = args.length > 4 ? Arrays.asList(args[4].split(",")) : IMPORT_SIDES;
            Map<String, Double> ms = run(ImportBenchmark.class, sides, "rows", rows, rounds, profiler, "ms/op");
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
                System.out.printf("split of the import's %.0f ms: parse %.0f ms (%.0f %%), map + validate + match earlier "
                        + "rows %.0f ms (%.0f %%), stored-duplicate check + store %.0f ms (%.0f %%)%n", all, parse,
                        100 * parse / all, dry - parse, 100 * (dry - parse) / all, all - dry, 100 * (all - dry) / all);
            }
            System.out.println("load average now: " + load());
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String deals = args.length > 1 ? args[1] : "1000000";
        String profiler = args.length > 2 ? args[2] : null;
        Map<String, Double> means = run(DealQueryBenchmark.class, List.of("crmkit", "h2"), "deals", deals, rounds,
                profiler, "µs/op");
        if (means.containsKey("crmkit") && means.containsKey("h2")) {
            System.out.printf("H2 / crmkit: %.1f×%n", means.get("h2") / means.get("crmkit"));
        }
        System.out.println("load average now: " + load());
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
    static Map<String, Double> run(Class<?> benchmark, List<String> sides, String param, String value, int rounds,
                                   String profiler, String unit) throws RunnerException, IOException {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        List<String> forks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String side : sides) {
                String load = load();
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include(benchmark.getName() + "\\." + side + "$")
                        .param(param, value).forks(1);
                if ("jfr".equals(profiler)) {
                    Path dir = Files.isDirectory(Path.of("crm-bench", "target")) ? Path.of("crm-bench", "target", "jfr")
                            : Path.of("target", "jfr");
                    Files.createDirectories(dir);
                    options.jvmArgsAppend("-XX:FlightRecorderOptions:stackdepth=512",
                            "-XX:StartFlightRecording=settings=profile,filename="
                                    + dir.resolve(side + "-round" + round + ".jfr").toAbsolutePath());
                } else if (profiler != null) {
                    options.addProfiler(profiler);
                }
                for (RunResult run : new Runner(options.build()).run()) {
                    List<Double> all = scores.computeIfAbsent(side, k -> new ArrayList<>());
                    List<Double> mine = new ArrayList<>();
                    for (BenchmarkResult b : run.getBenchmarkResults()) {
                        for (IterationResult i : b.getIterationResults()) {
                            mine.add(i.getPrimaryResult().getScore());
                        }
                    }
                    all.addAll(mine);
                    forks.add(String.format("round %d %-13s %12.1f %s (load before: %s)", round, side,
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
