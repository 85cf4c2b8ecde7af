package dev.crmkit.bench;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.CsvReader;
import dev.crmkit.io.CsvRow;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import dev.crmkit.io.StandardField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
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
 * Importing a generated CSV file of contacts ({@link ContactCsv}: messy values, 7 % returning people, 1.7 % bad
 * rows) through crm-io's public {@link Importer} into the in-memory adapter, amoCRM preset (a contact needs a name;
 * the same phone or e-mail is a duplicate), duplicates skipped, with the stages switched on one after another so
 * the time splits: {@link #crmkitParse} ({@link CsvReader} alone), {@link #crmkitDryRun} (every row mapped,
 * validated and checked against the earlier rows, nothing stored) and {@link #crmkitImport} (the real import).
 * Peers on the same file: FastCSV merely parsing it ({@link #fastcsvParse}), and PostgreSQL loading it with
 * {@code COPY} into a table with unique indexes on the same duplicate keys ({@link #postgresCopy}, see
 * {@link PostgresPeer}). One thread on each side; every iteration's result is checked against what the generator
 * worked out for the file ({@link ContactCsv.Expected}), so a fork whose side gets another answer fails, and two
 * sides that pass have the same answer. Forks are meant to alternate between the sides: see {@link Interleaved}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Threads(1)
public class ImportBenchmark {

    /** The seed of the generated file. */
    static final long SEED = 15;
    /** The policy: amoCRM, whose rule PostgreSQL's unique indexes mirror. */
    static final Policy POLICY = Policies.amoCrm();
    /** Every column of the file into the contact's field. */
    static final ImportMapping MAPPING = ImportMapping.of(EntityType.CONTACT)
            .column("First name", StandardField.FIRST_NAME).column("Last name", StandardField.LAST_NAME)
            .column("Phone", StandardField.PHONE).column("E-mail", StandardField.EMAIL)
            .column("Birth date", StandardField.BIRTH_DATE).column("Comment", StandardField.DESCRIPTION);

    /** How many data rows. */
    @Param("1000000")
    public int rows;

    /**
     * The policy's {@code duplicateDetection}: {@code false} leaves out the check {@code create} makes under locks;
     * the import's own look-up of stored and earlier duplicates ({@code findDuplicates}) runs either way.
     */
    @Param("true")
    public boolean duplicateDetection = true;

    ContactCsv.Generated file;
    Crm crm;
    CrmSession session;
    InMemoryStorage storage;
    PostgresPeer postgres;
    /** The measured side's last answer. */
    Object last;

    /** Records and cells of a parsed file, the header included. */
    record Counts(long records, long cells) {
    }

    /**
     * Generates the file (or reads it from the cache) and starts PostgreSQL when the fork measures it.
     *
     * @param params the benchmark's parameters, or null to set up every side (the smoke test)
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws SQLException {
        file = ContactCsv.of(SEED, rows);
        if (params == null || params.getBenchmark().endsWith(".postgresCopy")) {
            postgres = PostgresPeer.start();
        }
    }

    /**
     * An empty CRM for an import, empty tables for PostgreSQL.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        last = null;
        session = null;
        storage = InMemoryStorage.create();
        crm = Crm.builder().storage(storage).policy(Policy.builder(POLICY).duplicateDetection(duplicateDetection).build())
                .build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        session = crm.as(admin.id());
        if (postgres != null) {
            postgres.clear();
        }
        System.gc();
    }

    /**
     * Checks the measured side's answer against the generator's, then frees it.
     *
     * @throws SQLException if PostgreSQL fails
     */
    @TearDown(Level.Iteration)
    public void check() throws SQLException {
        if (last != null) {
            check(last);
        }
        last = null;
        storage = null;
        crm = null;
        session = null;
    }

    /**
     * Checks one answer of any side against what the generator worked out.
     *
     * @param answer a side's answer
     * @throws SQLException if PostgreSQL fails
     * @throws IllegalStateException when it differs
     */
    void check(Object answer) throws SQLException {
        ContactCsv.Expected e = file.expected();
        if (answer instanceof Counts) {
            Counts c = (Counts) answer;
            require(c.records() == e.dataRows() + 1 && c.cells() == e.cells(), "parsed " + c + ", expected "
                    + (e.dataRows() + 1) + " records and " + e.cells() + " cells");
        } else if (answer instanceof ImportReport) {
            ImportReport r = (ImportReport) answer;
            require(r.created() == e.stored() && r.skipped() == e.skipped() && r.failed() == e.bad() && r.updated() == 0,
                    "import " + counts(r) + ", expected " + e);
            if (!r.dryRun()) {
                long stored = storage.inTransaction(tx -> tx.contacts().count(Filter.all()));
                require(stored == e.stored(), stored + " contacts stored, expected " + e.stored());
            }
        } else {
            PostgresPeer.Load l = (PostgresPeer.Load) answer;
            require(l.copied() == e.dataRows() && l.inserted() == e.stored() && postgres.contacts() == e.stored(),
                    "PostgreSQL " + l + ", expected " + e.dataRows() + " rows copied and " + e.stored() + " inserted");
            System.out.printf("  COPY %d ms, INSERT … SELECT %d ms%n", l.copyMillis(), l.insertMillis());
        }
    }

    static String counts(ImportReport r) {
        return "created " + r.created() + ", updated " + r.updated() + ", skipped " + r.skipped() + ", failed "
                + r.failed();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /** Closes PostgreSQL. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /**
     * FastCSV: every record of the file, its cells as strings.
     *
     * @return the records and cells
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public Counts fastcsvParse() throws IOException {
        long records = 0;
        long cells = 0;
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> reader = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(file.path())) {
            for (CsvRecord record : reader) {
                records++;
                cells += record.getFieldCount();
            }
        }
        Counts c = new Counts(records, cells);
        last = c;
        return c;
    }

    /**
     * crmkit's parse: crm-io's {@link CsvReader} alone (format detection, strict decoding, Jackson's CSV parser).
     *
     * @return the records and cells
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public Counts crmkitParse() throws IOException {
        long records = 0;
        long cells = 0;
        try (InputStream in = Files.newInputStream(file.path()); CsvReader reader = CsvReader.open(in, CsvFormat.detect())) {
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                records++;
                cells += row.get().cells().size();
            }
        }
        Counts c = new Counts(records, cells);
        last = c;
        return c;
    }

    /**
     * crmkit's dry run: parse, map and validate every row and match it against the earlier rows of the file (the
     * store stays empty, so the stored-duplicate lookups find nothing); nothing is stored.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ImportReport crmkitDryRun() throws IOException {
        return importFile(ImportOptions.defaults().asDryRun());
    }

    /**
     * crmkit's import: every row in its own transaction, validated, checked for duplicates among the stored
     * contacts, and stored with its events and the import tag.
     *
     * @return the report
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public ImportReport crmkitImport() throws IOException {
        return importFile(ImportOptions.defaults());
    }

    private ImportReport importFile(ImportOptions options) throws IOException {
        ImportReport report = Importer.of(crm).run(session, Files.newInputStream(file.path()), MAPPING, options);
        last = report;
        return report;
    }

    /**
     * PostgreSQL: {@code COPY} of the file into the staging table, then the contacts from it into the table with
     * the unique indexes, bad rows refused and duplicates skipped, in one transaction.
     *
     * @return the rows copied and the contacts inserted
     * @throws SQLException if PostgreSQL fails
     * @throws IOException if the file cannot be read
     */
    @Benchmark
    public PostgresPeer.Load postgresCopy() throws SQLException, IOException {
        PostgresPeer.Load load = postgres.load(file.path());
        last = load;
        return load;
    }
}
