package dev.crmkit.tck;

import static dev.crmkit.tck.XlsxBooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.io.CsvRow;
import dev.crmkit.io.DuplicateStrategy;
import dev.crmkit.io.ExportFormat;
import dev.crmkit.io.ExportResult;
import dev.crmkit.io.Exporter;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import dev.crmkit.io.RowProblem;
import dev.crmkit.io.XlsxReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Import from and export to .xlsx (IO-1, IO-3, IO-4, IO-5, USER-4) on the adapter under test. */
abstract class XlsxKit extends ImportKitBase {

    /** The header of {@link ImportKit#PEOPLE} as a spreadsheet row. */
    private static final String HEADER = row(1, "First name", "Last name", "Phone", "E-mail", "Birthday");

    private ImportReport importXlsx(byte[] file, ImportMapping mapping, ImportOptions options) {
        return Importer.of(crm).run(anna, new ByteArrayInputStream(file), mapping, options);
    }

    static List<List<String>> xlsxRows(byte[] file) {
        try (XlsxReader reader = XlsxReader.open(new ByteArrayInputStream(file))) {
            List<List<String>> rows = new ArrayList<>();
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get().cells());
            }
            return rows;
        }
    }

    /** A part of a workbook, read through the zip's table of contents (fastexcel's zips have data descriptors). */
    private static String part(byte[] xlsx, String name) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("crmkit-export", ".xlsx");
            try {
                java.nio.file.Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    ZipEntry entry = zip.getEntry(name);
                    assertThat(entry).as("part %s", name).isNotNull();
                    return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Tag("IO-1")
    @DisplayName("an .xlsx file imports through the same mapping as CSV: a numeric phone comes back as text, a date cell as the date")
    void typedCells() {
        CustomField staff = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Staff",
                FieldType.NUMBER));
        byte[] file = XlsxBooks.rows(row(1, "First name", "Last name", "Phone", "E-mail", "Birthday", "Staff")
                + row(2, "Иван", "Петров", "#79017763434", "ivan@client.test", "#d33010", "#12.50")
                + row(3, "Olga", "Sidorova", "#7.9017763435E10", "", "", ""));
        ImportReport report = importXlsx(file, ImportKit.PEOPLE.column("Staff", staff.id()), ImportOptions.defaults());
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        Contact ivan = contacts().stream().filter(c -> c.name().full().equals("Иван Петров")).findFirst().orElseThrow();
        assertThat(ivan.phones()).extracting(p -> p.number().raw()).containsExactly("79017763434");
        assertThat(ivan.birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(ivan.customFields().get(staff.id())).contains(new FieldValue.Number(new BigDecimal("12.5")));
        Contact olga = contacts().stream().filter(c -> c.name().full().equals("Olga Sidorova")).findFirst()
                .orElseThrow();
        assertThat(olga.phones()).extracting(p -> p.number().digits()).containsExactly("79017763435");
    }

    @Test
    @Tag("IO-3")
    @DisplayName("an .xlsx import reports bad rows by the spreadsheet's row and column, goes on, follows the duplicate strategy and re-runs change nothing")
    void samePipeline() {
        anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        byte[] file = XlsxBooks.rows(HEADER + row(2, "Ivan", "P.", "8 (901) 776-34-34", "", "")
                + row(4, "Olga", "Sidorova", "", "bad@", "") + row(5, "Anna", "Ivanova", "", "", "#45123")
                + row(6, "Petr", "Petrov", "", "petr@client.test", ""));
        List<String> heard = new ArrayList<>();
        ImportReport dry = importXlsx(file, ImportKit.PEOPLE, ImportOptions.defaults().asDryRun());
        ImportReport report = importXlsx(file, ImportKit.PEOPLE, ImportOptions.defaults()
                .progress((done, row) -> heard.add(done + "@" + row)));
        assertThat(List.of(report.created(), report.updated(), report.skipped(), report.failed()))
                .containsExactly(1L, 0L, 1L, 2L).isEqualTo(List.of(dry.created(), dry.updated(), dry.skipped(),
                        dry.failed()));
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .containsExactly(tuple(4L, "E-mail", "email.invalid"), tuple(5L, "Birthday", "io.value.date"));
        assertThat(heard).containsExactly("1@2", "2@4", "3@5", "4@6");
        assertThat(report.lastRowDone()).isEqualTo(6);
        for (DuplicateStrategy strategy : List.of(DuplicateStrategy.SKIP, DuplicateStrategy.UPDATE)) {
            importXlsx(file, ImportKit.PEOPLE, ImportOptions.defaults().duplicates(strategy));
            Snapshot before = snapshot();
            ImportReport again = importXlsx(file, ImportKit.PEOPLE, ImportOptions.defaults().duplicates(strategy));
            assertThat(List.of(again.created(), again.updated(), again.skipped(), again.failed()))
                    .containsExactly(0L, 0L, 2L, 2L);
            assertThat(snapshot()).as("again with %s", strategy).isEqualTo(before);
        }
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a number in a date column of an .xlsx file is reported at its row and column, and the import goes on")
    void numberInDate() {
        ImportReport report = importXlsx(XlsxBooks.rows(HEADER + row(2, "Ivan", "Petrov", "", "", "#45123")
                + row(3, "Anna", "Ivanova", "", "", "#d33010")), ImportKit.PEOPLE, ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .containsExactly(tuple(2L, "Birthday", "io.value.date"));
        assertThat(contacts()).extracting(c -> c.name().full()).containsExactly("Anna Ivanova");
    }

    @Test
    @Tag("IO-5")
    @DisplayName("importing our own .xlsx export restores the original values (+7 901 776-34-34 comes back as +7 901 776-34-34)")
    void roundTrip() {
        exportAndImportBack(ExportFormat.XLSX);
    }

    @Test
    @Tag("IO-5")
    @DisplayName("an .xlsx export has text cells only, never formulas, and cells beginning with =, +, -, @ behind an apostrophe")
    void formulaInjection() {
        hostileContact();
        ExportKit.Files files = new ExportKit.Files();
        Exporter.of(crm).contacts(anna, Filter.all(), files, ExportFormat.XLSX);
        byte[] xlsx = files.written.get(0).toByteArray();
        assertThat(part(xlsx, "xl/worksheets/sheet1.xml")).doesNotContain("<f>", "<f ");
        List<String> row = xlsxRows(xlsx).get(1);
        assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(row.get(3)).isEqualTo("'-Petrov");
        assertThat(row.get(4)).isEqualTo("'+7 901 776-34-34");
        assertThat(row.get(7)).isEqualTo("'@boss");
        assertThat(row.get(9)).isEqualTo("'=1+2");
    }

    @Test
    @Tag("IO-5")
    @DisplayName("an .xlsx export honours the filter and visibility and splits into files of the policy's size")
    void filterVisibilitySplit() {
        anna.users().update(borisUser.id(), borisUser.version(), u -> u.grant(UserRight.EXPORT));
        anna.contacts().create(ContactForm.named("Secret").access(AccessLevel.PRIVATE));
        anna.contacts().create(ContactForm.named("Shared").tag("vip").access(AccessLevel.SHARED_READ));
        anna.contacts().create(ContactForm.named("Other").access(AccessLevel.SHARED_READ));
        ExportKit.Files seen = new ExportKit.Files();
        assertThat(Exporter.of(crm).contacts(boris, Filter.all(), seen, ExportFormat.XLSX).records()).isEqualTo(2);
        assertThat(xlsxRows(seen.written.get(0).toByteArray()).stream().skip(1).map(r -> r.get(1)))
                .containsExactlyInAnyOrder("Shared", "Other");
        ExportKit.Files vip = new ExportKit.Files();
        Exporter.of(crm).contacts(anna, ContactFields.TAG.eq("vip"), vip, ExportFormat.XLSX);
        assertThat(xlsxRows(vip.written.get(0).toByteArray())).hasSize(2);

        Crm small = crm(Policy.builder(Policies.amoCrm()).exportRecordsPerFile(2).build());
        for (int i = 1; i <= 5; i++) {
            anna.companies().create(CompanyForm.named("Company " + i));
        }
        ExportKit.Files split = new ExportKit.Files();
        ExportResult result = Exporter.of(small).companies(small.as(annaUser.id()), Filter.all(), split,
                ExportFormat.XLSX);
        assertThat(result).isEqualTo(new ExportResult(5, 3));
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (var file : split.written) {
            List<List<String>> rows = xlsxRows(file.toByteArray());
            assertThat(rows.get(0)).containsExactly("id", "name", "phone", "email", "tag", "description");
            sizes.add(rows.size());
            rows.stream().skip(1).forEach(r -> names.add(r.get(1)));
        }
        assertThat(sizes).containsExactly(3, 3, 2);
        assertThat(names).containsExactlyInAnyOrder("Company 1", "Company 2", "Company 3", "Company 4", "Company 5");
    }

    @Test
    @Tag("USER-4")
    @DisplayName("an .xlsx export is refused to a user who is neither an admin nor has the export right, and writes no file")
    void exportRight() {
        anna.contacts().create(ContactForm.named("Ivan").access(AccessLevel.SHARED_READ));
        ExportKit.Files files = new ExportKit.Files();
        assertThat(catchThrowable(() -> Exporter.of(crm).contacts(boris, Filter.all(), files, ExportFormat.XLSX)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(files.written).isEmpty();
    }
}
