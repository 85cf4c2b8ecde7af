package dev.crmkit.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The checks that go with the benchmarks: whether the match keys agree with libphonenumber, and whether
 * the scan finds the same clusters as DuckDB (with crmkit's peak heap), and the heap the deal query
 * benchmark's deals take, and how a profile of an import splits into its stages. Run with
 * {@code java -cp crm-bench/target/benchmarks.jar dev.crmkit.bench.Reports agreement|scan|deals [size]} or
 * {@code … Reports jfr <recording.jfr>…}.
 */
public final class Reports {

    private Reports() {
    }

    /** The outcome of comparing keys on the inputs libphonenumber accepts as valid. */
    record Agreement(int total, int valid, int agreeing, List<String> disagreements) {
    }

    static Agreement agreement(List<String> numbers) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        int valid = 0;
        int agreeing = 0;
        List<String> disagreements = new ArrayList<>();
        for (String raw : numbers) {
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed;
            try {
                parsed = util.parse(raw, "RU");
            } catch (NumberParseException e) {
                continue;
            }
            if (!util.isValidNumber(parsed)) {
                continue;
            }
            valid++;
            String national = String.valueOf(parsed.getNationalNumber());
            String expected = national.length() > 10 ? national.substring(national.length() - 10) : national;
            String key = PhoneNumber.parse(raw).matchKey();
            if (key.equals(expected)) {
                agreeing++;
            } else {
                disagreements.add(raw + " → crmkit " + key + ", national number " + national);
            }
        }
        return new Agreement(numbers.size(), valid, agreeing, disagreements);
    }

    /**
     * Prints a report.
     *
     * @param args {@code agreement [count]}, {@code scan [contacts] [rule] [duplicates]}, {@code deals [deals]} or
     *        {@code jfr <recordings>}
     * @throws Exception if a peer fails
     */
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "agreement";
        if (what.equals("agreement")) {
            int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
            Agreement a = agreement(BenchData.phones(42, count));
            System.out.println("numbers: " + a.total() + ", valid for libphonenumber: " + a.valid()
                    + ", keys agreeing with its national number: " + a.agreeing());
            System.out.println("disagreements (" + a.disagreements().size() + "):");
            a.disagreements().stream().limit(20).forEach(d -> System.out.println("  " + d));
            return;
        }
        if (what.equals("jfr")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + ":");
                split(Path.of(args[i])).forEach((stage, n) -> System.out.printf("  %-28s %,8d samples%n", stage, n));
            }
            return;
        }
        if (what.equals("deals")) {
            dealHeap(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            return;
        }
        ScanBenchmark bench = new ScanBenchmark();
        bench.contacts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        bench.rule = args.length > 2 ? args[2] : "amoCRM";
        bench.duplicates = args.length > 3 ? Double.parseDouble(args[3]) : 0.10;
        bench.duckThreads = "1";
        bench.crmkitThreads = "1";
        bench.setUp(null);
        bench.resetPeak();
        long start = System.nanoTime();
        List<DuplicateCluster> crmkit = bench.crmkitScan();
        long crmkitMillis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        start = System.nanoTime();
        ScanBenchmark.Clusters duck = bench.duckdbGroupBy();
        long duckMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("contacts: " + bench.contacts + ", rule " + bench.rule + ", clusters crmkit " + crmkit.size()
                + ", DuckDB " + duck.ids().size() + ", same clusters: "
                + ScanBenchmark.normalize(crmkit).equals(ScanBenchmark.normalizeDuck(duck.ids())));
        System.out.println("one run: crmkit " + crmkitMillis + " ms, DuckDB " + duckMillis + " ms");
        System.out.println("heap: " + (bench.loadedHeap >> 20) + " MiB for the contacts loaded, peak during the scan "
                + (peak >> 20) + " MiB (sum of the heap pools' peaks, both sides loaded)");
        bench.tearDown();
    }

    /** The stages of an import a sample's stack shows, tried in this order: the first frame found decides. */
    static final List<Map.Entry<String, List<String>>> STAGES = List.of(
            Map.entry("dedupe", List.of("dev.crmkit.core.contact.Duplicates.", "dev.crmkit.io.Importer$DryRunMatches.",
                    "dev.crmkit.core.contact.MatchKeys.")),
            Map.entry("validate", List.of("dev.crmkit.core.contact.ContactService.candidate",
                    "dev.crmkit.io.Importer$Run.parse")),
            Map.entry("parse", List.of("dev.crmkit.io.CsvReader.")),
            Map.entry("store", List.of("dev.crmkit.core.contact.ClientWrites.insert")),
            Map.entry("transactions", List.of("dev.crmkit.core.support.Context.")),
            Map.entry("other import", List.of("dev.crmkit.io.Importer")));

    /**
     * How a recording's CPU samples of the benchmark thread split into an import's stages: each sample goes to the
     * first stage in {@link #STAGES} one of whose methods is on its stack (the stages are separate subtrees of the
     * import's calls, so the order only matters for the last two, which hold what the others leave: opening and
     * committing each row's transactions, then the import's own loop and report).
     *
     * @param recording a Java Flight Recording
     * @return samples per stage, plus {@code outside the import} for the rest of the thread's samples
     * @throws IOException if the recording cannot be read
     */
    static Map<String, Long> split(Path recording) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        STAGES.forEach(e -> counts.put(e.getKey(), 0L));
        counts.put("outside the import", 0L);
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("jmh-worker")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                String stage = "outside the import";
                if (stack != null) {
                    List<String> frames = new ArrayList<>();
                    for (RecordedFrame f : stack.getFrames()) {
                        frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                    }
                    stage = STAGES.stream().filter(e -> frames.stream().anyMatch(f -> e.getValue().stream()
                            .anyMatch(f::startsWith))).map(Map.Entry::getKey).findFirst().orElse(stage);
                }
                counts.merge(stage, 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The heap the deals of the query benchmark take, loaded into the in-memory adapter with its query indexes
     * and without them, and into H2 (in-memory, on the heap) with the benchmark's indexes: the heap used after a
     * full GC with the storage held, less the heap used before the deals were generated.
     */
    private static void dealHeap(int count) throws java.sql.SQLException {
        for (String side : List.of("crmkit with query indexes", "crmkit without query indexes", "H2 with its indexes")) {
            long before = settled();
            InMemoryStorage storage = side.contains("without") ? InMemoryStorage.withoutQueryIndexes() : InMemoryStorage.create();
            DealData.World world = DealData.world(storage);
            List<Deal> all = DealData.deals(world, 12, count);
            java.sql.Connection h2 = null;
            if (side.startsWith("H2")) {
                h2 = java.sql.DriverManager.getConnection("jdbc:h2:mem:heap-" + System.nanoTime());
                DealQueryBenchmark.load(h2, all, world);
            } else {
                for (int from = 0; from < all.size(); from += 10_000) {
                    List<Deal> batch = all.subList(from, Math.min(all.size(), from + 10_000));
                    storage.run(tx -> batch.forEach(tx.deals()::insert));
                }
            }
            all = null;
            long after = settled();
            System.out.printf("%s: %,d MiB for %,d deals (%,d bytes a deal)%n", side, (after - before) >> 20, count,
                    (after - before) / count);
            if (h2 != null) {
                h2.close();
            }
            java.lang.ref.Reference.reachabilityFence(storage);
        }
    }

    /** The heap used after full collections, once it stops shrinking. */
    private static long settled() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = used();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
