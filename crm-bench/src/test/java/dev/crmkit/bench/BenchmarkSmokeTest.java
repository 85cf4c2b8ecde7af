package dev.crmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.query.Filter;
import dev.crmkit.inmemory.InMemoryStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Runs every benchmark once on tiny data and checks that both sides agree; never measures time. */
@DisplayName("Benchmarks run once on tiny data")
class BenchmarkSmokeTest {

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    @Test
    @DisplayName("phone keys: on the first, kinder numbers keys agree with libphonenumber on valid Russian and US "
            + "numbers and only German ones differ; on both lists the keys tell valid numbers apart as E.164 does")
    void phones() {
        PhoneKeyBenchmark b = new PhoneKeyBenchmark();
        b.count = 500;
        b.data = "mobiles";
        b.setUp();
        b.crmkitMatchKey(blackhole());
        b.libphonenumberParse(blackhole());
        b.libphonenumberParseFormat(blackhole());

        assertThat(b.numbers).hasSize(500)
                .anyMatch(n -> n.startsWith("+1 "))
                .anyMatch(n -> n.startsWith("+49 "))
                .anyMatch(n -> n.contains(" доб. "));
        assertThat(b.agreeing).isEqualTo(b.valid).isGreaterThan(400);
        long german = b.numbers.stream().filter(n -> n.startsWith("+49 ")).count();
        Reports.Agreement a = Reports.agreement(b.numbers);
        assertThat(a.total()).isEqualTo(500);
        assertThat(a.valid()).isGreaterThan(400).isLessThanOrEqualTo(a.total());
        assertThat(a.agreeing() + a.disagreements().size()).isEqualTo(a.valid());
        assertThat(a.agreeing()).isGreaterThan(400);
        // Ten digits of +49 30 1234567 are not its national number: the case crm-phone-e164 exists for.
        assertThat(a.disagreements()).isNotEmpty().hasSizeLessThanOrEqualTo((int) german)
                .allSatisfy(d -> assertThat(d).startsWith("+49 "));

        PhoneKeyBenchmark real = new PhoneKeyBenchmark();
        real.count = 2_000;
        real.setUp();
        real.crmkitMatchKey(blackhole());
        real.libphonenumberParse(blackhole());
        assertThat(real.numbers).anyMatch(n -> n.startsWith("+375 ")).anyMatch(n -> n.matches("\\d{3}-\\d{2}-\\d{2}"))
                .anyMatch(n -> n.contains(" ext. "));
        assertThat(real.agreeing).isEqualTo(real.valid).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("PostgreSQL scan: under the amoCRM, Bitrix24 and ONLYOFFICE rules crmkit on crm-jdbc and PostgreSQL's "
            + "own GROUP BY find the clusters crmkit finds in memory")
    void postgresScan() throws Exception {
        for (String rule : new String[] {"amoCRM", "bitrix24", "onlyOffice"}) {
            PostgresScanBenchmark b = new PostgresScanBenchmark();
            b.contacts = 3_000;
            b.duplicates = 0.10;
            b.rule = rule;
            b.setUp();
            try {
                var jdbc = b.crmkitJdbcScan();
                b.stillAgrees();
                var sql = b.postgresGroupBy();
                b.stillAgrees();
                ScanBenchmark memory = new ScanBenchmark();
                memory.contacts = 3_000;
                memory.duplicates = 0.10;
                memory.rule = rule;
                memory.duckThreads = "1";
                memory.crmkitThreads = "1";
                memory.setUp(null);
                try {
                    assertThat(jdbc).as(rule).hasSizeGreaterThan(100);
                    // The generator gives the contacts their ids, so the two stores' clusters compare as they are.
                    assertThat(ScanBenchmark.normalize(jdbc)).as(rule).isEqualTo(ScanBenchmark.normalizeDuck(sql.ids()))
                            .isEqualTo(b.agreed).isEqualTo(memory.agreed);
                } finally {
                    memory.tearDown();
                }
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    @DisplayName("single records on PostgreSQL: crm-jdbc's port and hand-written JDBC store identical rows, and each "
            + "side's create, update and find leaves the record the other side reads back")
    void jdbc() throws Exception {
        for (boolean sameShape : new boolean[] {false, true}) {
            JdbcBenchmark b = new JdbcBenchmark();
            b.existing = 500;
            b.fresh = 50;
            b.peerSameShape = sameShape;
            b.setUp();
            try {
                for (int i = 0; i < 3; i++) {
                    assertThat(b.crmkitCreate()).isEqualTo(b.expected);
                    b.stillRight();
                    assertThat(b.jdbcCreate()).isEqualTo(b.expected);
                    b.stillRight();
                    assertThat(b.crmkitUpdate().version()).isEqualTo(2);
                    b.stillRight();
                    assertThat(b.jdbcUpdate().version()).isEqualTo(2);
                    b.stillRight();
                    assertThat(b.crmkitFind()).isNotNull().isEqualTo(b.expected);
                    b.stillRight();
                    assertThat(b.jdbcFind()).isNotNull().isEqualTo(b.expected);
                    b.stillRight();
                }
                // Each update took the next stored contact: the first was updated once, by the crmkit side.
                assertThat(b.peer.find(b.stored[0].id())).contains(b.stored[0]);
                assertThat(b.stored[0].version()).isEqualTo(2);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    @DisplayName("bulk insert on PostgreSQL: crm-jdbc's batch port (three calls of up to 1,000) and one hand-written "
            + "COPY store identical tables holding exactly the given contacts, also for text that COPY must escape")
    void bulk() throws Exception {
        BulkInsertBenchmark b = new BulkInsertBenchmark();
        b.contacts = 2_500;
        b.setUp();
        try {
            assertThat(b.toInsert).hasSize(2_500);
            assertThat(b.chunks).extracting(List::size).containsExactly(1_000, 1_000, 500);
            assertThat(b.expected.rows()).isEqualTo(2_500);
            sidesStoreTheContacts(b);

            // Text with every character COPY's text format and array literals escape, in the document and columns.
            var contacts = new ArrayList<>(b.toInsert.subList(0, 1_200));
            var first = contacts.get(0);
            contacts.set(0, first.toBuilder()
                    .name(new PersonName(Optional.of("Back\\slash \"Quote\""),
                            Optional.empty(), Optional.of("{Brace,Comma} \\N")))
                    .tags(new LinkedHashSet<>(List.of("a\"b", "c\\d", "e,f", "{g}", "NULL",
                            "tab\there", "line\nbreak", "")))
                    .managers(Set.of(first.responsible()))
                    .description("two\tcolumns\r\nand \\N a \\. line\n\\.\n").build());
            b.use(contacts);
            assertThat(b.expected.rows()).isEqualTo(1_200);
            sidesStoreTheContacts(b);

            // The check after each invocation notices a changed row and a missing one.
            b.execute("UPDATE bench_bulk.contacts SET name = name || '!' WHERE id = '" + first.id().value() + "'");
            assertThatThrownBy(b::stillRight).isInstanceOf(IllegalStateException.class).hasMessageContaining("1200");
            b.execute("DELETE FROM bench_bulk.contacts WHERE id = '" + first.id().value() + "'");
            assertThatThrownBy(b::stillRight).isInstanceOf(IllegalStateException.class).hasMessageContaining("1199");
        } finally {
            b.tearDown();
        }
    }

    /** Each side on the empty table: the table holds the contacts as given, and both sides' rows are identical. */
    private static void sidesStoreTheContacts(BulkInsertBenchmark b) throws Exception {
        var byId = Comparator.comparing((Contact c) -> c.id().value());
        var given = b.toInsert.stream().sorted(byId).toList();
        b.empty();
        assertThat(b.crmkitBulk()).isEqualTo(b.toInsert.size());
        b.stillRight();
        var ours = b.rows();
        assertThat(readBack(b)).isEqualTo(given);
        b.empty();
        assertThat(b.rows()).isEmpty();
        assertThat(b.copyBulk()).isEqualTo(b.toInsert.size());
        b.stillRight();
        assertThat(readBack(b)).isEqualTo(given);
        assertThat(b.rows()).hasSize(b.toInsert.size()).isEqualTo(ours);
    }

    /** The stored contacts read through crm-jdbc, in the order of their ids' UUIDs. */
    private static List<Contact> readBack(BulkInsertBenchmark b) {
        var byId = Comparator.comparing((Contact c) -> c.id().value());
        return b.storage.inTransaction(tx -> {
            try (var all = tx.contacts().streamAll()) {
                return all.sorted(byId).toList();
            }
        });
    }

    @Test
    @DisplayName("scan: under the amoCRM, Bitrix24 and ONLYOFFICE rules crmkit and DuckDB (both on one thread, both at "
            + "their default) find the same clusters")
    void scan() throws Exception {
        for (String rule : new String[] {"amoCRM", "bitrix24", "onlyOffice"}) {
            for (String threads : new String[] {"1", "default"}) {
                ScanBenchmark b = new ScanBenchmark();
                b.contacts = 3_000;
                b.duplicates = 0.10;
                b.rule = rule;
                b.duckThreads = threads;
                // Both sides at the same count; 3,000 contacts are too few for crmkit to split its scan (that it finds
                // the same clusters split is DuplicateScanPartsTest's and ParallelScanTest's).
                b.crmkitThreads = threads;
                b.setUp(null);
                try {
                    b.resetPeak();
                    var crmkit = b.crmkitScan();
                    b.stillAgrees();
                    var duck = b.duckdbGroupBy();
                    b.stillAgrees();
                    assertThat(crmkit).as(rule).hasSizeGreaterThan(100);
                    assertThat(ScanBenchmark.normalize(crmkit)).as(rule).isEqualTo(ScanBenchmark.normalizeDuck(duck.ids()))
                            .isEqualTo(b.agreed);
                } finally {
                    b.tearDown();
                }
            }
        }
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("deal query: crmkit and H2 give the same three pages of 50 deals, in the same order")
    void dealQuery() throws Exception {
        DealQueryBenchmark b = new DealQueryBenchmark();
        b.deals = 20_000;
        b.setUp(null);
        try {
            assertThat(b.expected).hasSize(DealQueryBenchmark.PAGE).doesNotHaveDuplicates();
            var ours = b.crmkit();
            b.stillAgrees();
            var theirs = b.h2();
            b.stillAgrees();
            assertThat(ours.items()).extracting(d -> d.id().value()).isEqualTo(b.expected)
                    .isEqualTo(DealQueryBenchmark.ids(theirs));
            assertThat(ours.items()).allSatisfy(d -> {
                assertThat(d.pipeline()).isEqualTo(b.sales.id());
                assertThat(b.stages).contains(d.stage());
                assertThat(d.budget().orElseThrow().amount().amount()).isBetween(DealQueryBenchmark.LOW,
                        DealQueryBenchmark.HIGH);
            });
            assertThat(ours.items()).extracting(d -> d.budget().orElseThrow().amount().amount())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(theirs).extracting(r -> r.columns()[6]).isEqualTo(ours.items().stream()
                    .map(d -> d.budget().orElseThrow().amount().amount()).toList());
        } finally {
            b.tearDown();
        }
    }

    @Test
    @DisplayName("create: under each preset, with the check on exactly the contacts a correct check finds are refused, "
            + "with it off every contact is created")
    void create() {
        for (String rule : new String[] {"amoCRM", "bitrix24", "onlyOffice"}) {
            for (boolean check : new boolean[] {true, false}) {
                CreateBenchmark b = new CreateBenchmark();
                b.duplicateCheck = check;
                b.rule = rule;
                b.existing = 2_000;
                b.batch = 300;
                b.duplicates = 0.10;
                b.people();
                b.storeExisting();
                CreateBenchmark.Outcome outcome = b.createOneByOne();
                b.check();
                assertThat(outcome.created() + outcome.refused()).isEqualTo(300);
                if (check) {
                    assertThat(outcome.refused()).as(rule).isEqualTo(b.expectedRefused).isPositive();
                } else {
                    assertThat(outcome.refused()).as(rule).isZero();
                }
            }
        }
    }

    @Test
    @DisplayName("create on PostgreSQL: under each preset crmkit on crm-jdbc with the check and PostgreSQL's own SQL "
            + "refuse the same contacts, those a correct check finds, and store the rest; without the check every "
            + "contact is stored; each iteration starts from the stored contacts")
    void postgresCreate() throws Exception {
        for (String rule : new String[] {"amoCRM", "bitrix24", "onlyOffice"}) {
            PostgresCreateBenchmark b = new PostgresCreateBenchmark();
            b.rule = rule;
            b.existing = 2_000;
            b.batch = 300;
            b.duplicates = 0.10;
            b.setUp();
            try {
                assertThat(b.expectedRefused.cardinality()).as(rule).isPositive().isLessThan(300);
                for (int round = 0; round < 2; round++) {
                    b.reset();
                    var on = b.crmkitCheckOn();
                    b.check();
                    b.reset();
                    var off = b.crmkitCheckOff();
                    b.check();
                    b.reset();
                    var sql = b.postgresCheck();
                    b.check();
                    assertThat(on.refused()).as(rule).isEqualTo(sql.refused()).isEqualTo(b.expectedRefused);
                    assertThat(on.created()).as(rule).isEqualTo(sql.created())
                            .isEqualTo(300 - b.expectedRefused.cardinality());
                    assertThat(off.refused().isEmpty()).as(rule).isTrue();
                    assertThat(off.created()).as(rule).isEqualTo(300);
                }
                // The check after an iteration notices an outcome other than the expected one.
                b.reset();
                b.last = new PostgresCreateBenchmark.Outcome("crmkitCheckOff", false, new java.util.BitSet(), 299);
                assertThatThrownBy(b::check).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("299");
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    @DisplayName("import: crmkit's CSV reader and FastCSV read the same records and cells; the dry run, the import "
            + "and PostgreSQL's COPY keep the same contacts, those the generator worked out, and refuse the same rows")
    void importCsv() throws Exception {
        ImportBenchmark b = new ImportBenchmark();
        b.rows = 3_000;
        b.setUp(null);
        try {
            ContactCsv.Expected e = b.file.expected();
            b.empty();
            ImportBenchmark.Counts fast = b.fastcsvParse();
            b.check();
            b.empty();
            ImportBenchmark.Counts ours = b.crmkitParse();
            b.check();
            b.empty();
            var dry = b.crmkitDryRun();
            b.check();
            b.empty();
            var real = b.crmkitImport();
            InMemoryStorage stored = b.storage;
            b.check();
            b.empty();
            var pg = b.postgresCopy();
            b.check();

            assertThat(ours).isEqualTo(fast).isEqualTo(new ImportBenchmark.Counts(3_001, 6 * 3_001));
            assertThat(e.bad()).isPositive();
            assertThat(e.skipped()).isPositive();
            assertThat(e.stored() + e.skipped() + e.bad() + e.blank()).isEqualTo(3_000);
            assertThat(real.created()).isEqualTo(dry.created()).isEqualTo(pg.inserted()).isEqualTo(e.stored());
            assertThat(real.skipped()).isEqualTo(dry.skipped()).isEqualTo(e.skipped());
            assertThat(real.failed()).isEqualTo(dry.failed()).isEqualTo(pg.copied() - pg.inserted() - e.skipped() - e.blank())
                    .isEqualTo(e.bad());
            long count = stored.inTransaction(tx -> tx.contacts().count(Filter.all()));
            assertThat(count).isEqualTo(e.stored());
            assertThat(real.problems()).extracting(p -> p.violation().code()).contains("contact.name.required",
                    "phone.letters", "email.invalid", "io.value.date");
        } finally {
            b.tearDown();
        }
    }

    @Test
    @Tag("AN-2")
    @Tag("AN-4")
    @DisplayName("analytics: crmkit's funnel and cycle reports, its portable facts, DuckDB's and PostgreSQL's SQL, crm-jdbc "
            + "native and portable all "
            + "give the worked-out answers on generated transitions")
    void analytics() throws Exception {
        AnalyticsBenchmark b = new AnalyticsBenchmark();
        b.transitions = 3_000;
        b.setUp(null);
        try {
            assertThat(b.data.size).isEqualTo(3_000);
            assertThat(b.data.deals).isBetween(150, 1_000);
            var funnels = b.crmkitFunnel();
            b.stillAgrees();
            var cycles = b.crmkitCycle();
            b.stillAgrees();
            assertThat(b.duckdbFunnel()).isEqualTo(funnels).isEqualTo(b.expectedFunnels);
            b.stillAgrees();
            assertThat(b.duckdbCycle()).isEqualTo(cycles).isEqualTo(b.expectedCycles);
            b.stillAgrees();
            assertThat(b.postgresFunnel()).isEqualTo(funnels);
            b.stillAgrees();
            assertThat(b.postgresCycle()).isEqualTo(cycles);
            b.stillAgrees();
            // crm-jdbc through its AnalyticsQueries and through crm-core's portable path, on its own copy of the rows.
            assertThat(b.jdbcFunnel()).isEqualTo(funnels);
            b.stillAgrees();
            assertThat(b.portableFunnel()).isEqualTo(funnels);
            b.stillAgrees();
            assertThat(b.jdbcCycle()).isEqualTo(cycles);
            b.stillAgrees();
            assertThat(b.portableCycle()).isEqualTo(cycles);
            b.stillAgrees();
            // crm-core's portable facts, read through the ports, agree too.
            b.storage.run(tx -> {
                var portable = dev.crmkit.core.analytics.PortableAnalytics.over(tx);
                for (int p = 0; p < b.pipelines.size(); p++) {
                    var pipeline = b.pipelines.get(p);
                    var deals = dev.crmkit.api.query.DealFields.PIPELINE.eq(pipeline.id());
                    assertThat(AnalyticsData.Funnel.of(portable.funnel(pipeline, deals, AnalyticsData.FROM,
                            AnalyticsData.TO))).isEqualTo(funnels.get(p));
                    assertThat(AnalyticsData.Cycle.of(portable.cycle(pipeline, deals, AnalyticsData.FROM,
                            AnalyticsData.TO, java.util.Optional.empty()))).isEqualTo(cycles.get(p));
                }
            });
            // Not trivially equal: every kind of fact is there.
            AnalyticsData.Funnel sales = funnels.get(0);
            assertThat(sales.won()).isPositive();
            assertThat(sales.newDeals()).isPositive();
            assertThat(sales.wonSum().amount()).isPositive();
            assertThat(sales.stages()).hasSize(8).allSatisfy(s -> assertThat(s.entered()).isPositive());
            assertThat(sales.stages().get(0).movedOn()).isPositive();
            assertThat(sales.stages().get(0).lostHere()).isPositive();
            assertThat(sales.stages().get(5).nowCount()).isPositive();
            assertThat(cycles.get(0).won().deals()).isPositive();
            assertThat(cycles.get(0).lost().deals()).isPositive();
            assertThat(cycles.get(1).won().deals()).isPositive();
        } finally {
            b.tearDown();
        }
    }
}
