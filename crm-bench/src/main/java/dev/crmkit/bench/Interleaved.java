package dev.crmkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Runs {@link DealQueryBenchmark} in forks that alternate between the sides, crmkit then H2, round after
 * round, so that a change in the machine's load falls on both; prints each fork's mean with the load average
 * before it, then both sides' means over every measured iteration and their ratio. Run with
 * {@code java -cp crm-bench/target/benchmarks.jar dev.crmkit.bench.Interleaved [rounds] [deals] [profiler]}.
 */
public final class Interleaved {

    private Interleaved() {
    }

    /**
     * Runs the rounds.
     *
     * @param args rounds (3), deals (1,000,000), and optionally a JMH profiler such as {@code stack} or {@code gc}
     * @throws RunnerException if JMH fails
     * @throws IOException if the load average cannot be read
     */
    public static void main(String[] args) throws RunnerException, IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String deals = args.length > 1 ? args[1] : "1000000";
        String profiler = args.length > 2 ? args[2] : null;
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        List<String> forks = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String side : List.of("crmkit", "h2")) {
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include(DealQueryBenchmark.class.getName() + "\\." + side + "$")
                        .param("deals", deals).forks(1);
                if (profiler != null) {
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
                    forks.add(String.format("round %d %-6s %10.1f µs/op (load before: %s)", round, side,
                            mine.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), load));
                }
            }
        }
        System.out.println();
        forks.forEach(System.out::println);
        Map<String, Double> means = new LinkedHashMap<>();
        scores.forEach((side, list) -> {
            ListStatistics s = new ListStatistics(list.stream().mapToDouble(Double::doubleValue).toArray());
            means.put(side, s.getMean());
            System.out.printf("%-6s %10.1f ± %.1f µs/op (99.9 %%), %d iterations, min %.1f, max %.1f%n", side, s.getMean(),
                    s.getMeanErrorAt(0.999), s.getN(), s.getMin(), s.getMax());
        });
        if (means.containsKey("crmkit") && means.containsKey("h2")) {
            System.out.printf("H2 / crmkit: %.1f×%n", means.get("h2") / means.get("crmkit"));
        }
        System.out.println("load average now: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
