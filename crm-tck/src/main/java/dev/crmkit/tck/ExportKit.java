package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.CsvReader;
import dev.crmkit.io.CsvRow;
import dev.crmkit.io.ExportFormat;
import dev.crmkit.io.ExportResult;
import dev.crmkit.io.Exporter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Export to CSV (IO-5, USER-4) on the adapter under test. */
abstract class ExportKit extends ImportKitBase {

    /** The files an export wrote, in order. */
    static final class Files implements dev.crmkit.io.ExportTarget {
        final List<ByteArrayOutputStream> written = new ArrayList<>();

        @Override
        public java.io.OutputStream open(int index) {
            assertThat(index).isEqualTo(written.size() + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            written.add(out);
            return out;
        }

        List<List<String>> rows(int file) {
            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(written.get(file).toByteArray()),
                    CsvFormat.detect())) {
                List<List<String>> rows = new ArrayList<>();
                for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                    rows.add(row.get().cells());
                }
                return rows;
            }
        }
    }

    @Test
    @Tag("USER-4")
    @DisplayName("only admins and users with the export right export; anyone else is refused")
    void exportRight() {
        anna.contacts().create(ContactForm.named("Ivan").access(AccessLevel.SHARED_READ));
        Files files = new Files();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Exporter.of(crm).contacts(boris, Filter.all(),
                files))).isInstanceOf(AccessDeniedException.class);
        assertThat(files.written).isEmpty();
        assertThat(Exporter.of(crm).contacts(anna, Filter.all(), new Files()).records()).isEqualTo(1);
        anna.users().update(borisUser.id(), borisUser.version(), u -> u.grant(UserRight.EXPORT));
        assertThat(Exporter.of(crm).contacts(boris, Filter.all(), files).records()).isEqualTo(1);
    }

    @Test
    @Tag("IO-5")
    @DisplayName("an export holds what the filter selects and the user may see, closed deals only when the filter asks")
    void filterAndVisibility() {
        anna.users().update(borisUser.id(), borisUser.version(), u -> u.grant(UserRight.EXPORT));
        anna.contacts().create(ContactForm.named("Secret").access(AccessLevel.PRIVATE));
        anna.contacts().create(ContactForm.named("Shared").tag("vip").access(AccessLevel.SHARED_READ));
        anna.contacts().create(ContactForm.named("Other").access(AccessLevel.SHARED_READ));
        Files seen = new Files();
        assertThat(Exporter.of(crm).contacts(boris, Filter.all(), seen).records()).isEqualTo(2);
        assertThat(seen.rows(0).stream().skip(1).map(r -> r.get(1)).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("Shared", "Other");
        Files vip = new Files();
        Exporter.of(crm).contacts(anna, ContactFields.TAG.eq("vip"), vip);
        assertThat(vip.rows(0)).hasSize(2);
        assertThat(vip.rows(0).get(1).get(1)).isEqualTo("Shared");

        Deal open = anna.deals().create(DealForm.in(sales().id()).name("Open one"));
        Deal won = anna.deals().create(DealForm.in(sales().id()).name("Won one"));
        anna.deals().win(won.id());
        Files openOnly = new Files();
        Exporter.of(crm).deals(anna, DealFields.STAGE.in(sales().stages().stream().filter(s -> s.kind()
                == dev.crmkit.api.deal.StageKind.OPEN).map(s -> s.id()).collect(Collectors.toList())), openOnly);
        assertThat(openOnly.rows(0).stream().skip(1).map(r -> r.get(1))).containsExactly("Open one");
        Files all = new Files();
        ExportResult both = Exporter.of(crm).deals(anna, Filter.all(), all);
        assertThat(both.records()).isEqualTo(2);
        assertThat(all.rows(0).stream().skip(1).map(r -> r.get(3))).containsExactlyInAnyOrder(
                sales().firstStage().name(), sales().wonStage().name());
        assertThat(open.name()).isEqualTo("Open one");
    }

    @Test
    @Tag("IO-5")
    @DisplayName("an export larger than the policy's file size is split into files of at most that many records")
    void split() {
        assertThat(Policies.amoCrm().exportRecordsPerFile()).isEqualTo(500);
        Crm small = crm(Policy.builder(Policies.amoCrm()).exportRecordsPerFile(2).build());
        for (int i = 1; i <= 5; i++) {
            anna.companies().create(CompanyForm.named("Company " + i));
        }
        Files files = new Files();
        ExportResult result = Exporter.of(small).companies(small.as(annaUser.id()), Filter.all(), files);
        assertThat(result).isEqualTo(new ExportResult(5, 3));
        assertThat(files.written).hasSize(3);
        assertThat(List.of(files.rows(0).size(), files.rows(1).size(), files.rows(2).size()))
                .containsExactly(3, 3, 2);
        List<String> names = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            assertThat(files.rows(f).get(0)).containsExactly("id", "name", "phone", "email", "tag", "description");
            files.rows(f).stream().skip(1).forEach(r -> names.add(r.get(1)));
        }
        assertThat(names).containsExactlyInAnyOrder("Company 1", "Company 2", "Company 3", "Company 4", "Company 5");
        Files none = new Files();
        assertThat(Exporter.of(small).deals(small.as(annaUser.id()), Filter.all(), none))
                .isEqualTo(new ExportResult(0, 1));
        assertThat(none.rows(0)).hasSize(1);
    }

    @Test
    @Tag("IO-5")
    @DisplayName("cells beginning with =, +, -, @, tab or CR are written behind an apostrophe")
    void formulaInjection() {
        hostileContact();
        Files files = new Files();
        Exporter.of(crm).contacts(anna, Filter.all(), files);
        String text = files.written.get(0).toString(StandardCharsets.UTF_8);
        List<String> row = files.rows(0).get(1);
        assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(row.get(3)).isEqualTo("'-Petrov");
        assertThat(row.get(4)).isEqualTo("'+7 901 776-34-34");
        assertThat(row.get(7)).isEqualTo("'@boss");
        assertThat(row.get(9)).isEqualTo("'=1+2");
        assertThat(text).doesNotContain(",=", ",+", ",-", ",@", ",\"=", ",\"+");
    }

    @Test
    @Tag("IO-5")
    @DisplayName("importing our own export restores the original values (+7 901 776-34-34 comes back as +7 901 776-34-34)")
    void roundTrip() {
        exportAndImportBack(ExportFormat.CSV);
    }
}
