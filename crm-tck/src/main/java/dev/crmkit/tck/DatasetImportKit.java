package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.io.DuplicateStrategy;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import dev.crmkit.io.RowProblem;
import dev.crmkit.io.StandardField;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real data set through the public Importer (IO-3), on the adapter under test: the accounts and sales agents of
 * the public "CRM Sales Opportunities" sample data (in {@code crm-sales-opportunities/} beside this class, with its
 * README), whose quirks are reported row by row while the rest is imported. The expected counts were computed from
 * the files, not from the import.
 */
abstract class DatasetImportKit extends ImportKitBase {

    /** The sectors of the accounts, spelled right: the file spells {@code technology} as {@code technolgy}. */
    private static final List<String> SECTORS = List.of("employment", "entertainment", "finance", "marketing",
            "medical", "retail", "services", "software", "technology", "telecommunications");

    private static InputStream file(String name) {
        return Objects.requireNonNull(DatasetImportKit.class.getResourceAsStream("crm-sales-opportunities/" + name),
                name);
    }

    private CustomField field(String name, FieldType type) {
        CustomFieldForm form = CustomFieldForm.of(EntityType.COMPANY, name, type);
        if (type == FieldType.LIST) {
            SECTORS.forEach(s -> form.option(s, s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1)));
        }
        return anna.customFields().define(form);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("the 85 accounts import as companies: 73 stored with their custom fields, the 12 misspelled sectors reported row by row")
    void accounts() {
        CustomField sector = field("Sector", FieldType.LIST);
        CustomField established = field("Established", FieldType.NUMBER);
        CustomField revenue = field("Revenue", FieldType.NUMBER);
        CustomField employees = field("Employees", FieldType.NUMBER);
        CustomField office = field("Office", FieldType.TEXT);
        CustomField parent = field("Subsidiary of", FieldType.TEXT);
        ImportMapping mapping = ImportMapping.of(EntityType.COMPANY).column("account", StandardField.NAME)
                .column("sector", sector.id()).column("year_established", established.id())
                .column("revenue", revenue.id()).column("employees", employees.id())
                .column("office_location", office.id()).column("subsidiary_of", parent.id());

        ImportReport report = Importer.of(crm).run(anna, file("accounts.csv"), mapping, ImportOptions.defaults()
                .tag("crm-sales-opportunities"));

        // awk -F, 'NR>1{n++} NR>1 && $2=="technolgy"{t++; rows=rows" "NR} END{print n, t, n-t; print rows}'
        // accounts.csv prints "85 12 73" and the file rows " 2 8 14 18 19 30 37 41 45 58 61 83".
        assertThat(report.rows()).isEqualTo(85);
        assertThat(List.of(report.created(), report.updated(), report.skipped(), report.failed()))
                .containsExactly(73L, 0L, 0L, 12L);
        assertThat(report.lastRowDone()).isEqualTo(86);
        assertThat(report.problems()).extracting(RowProblem::row).containsExactly(2L, 8L, 14L, 18L, 19L, 30L, 37L,
                41L, 45L, 58L, 61L, 83L);
        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.column()).isEqualTo("sector");
            assertThat(p.code()).isEqualTo("field.option.unknown");
            assertThat(p.message(java.util.Locale.ENGLISH)).contains("technolgy");
        });

        List<Company> stored = anna.companies().query(Filter.all(), Sort.byId(), PageRequest.first(100)).items();
        assertThat(stored).hasSize(73);
        assertThat(stored).allSatisfy(c -> assertThat(c.tags()).contains("crm-sales-opportunities"));
        // awk -F, 'NR>1 && $7!="" && $2!="technolgy"{c++} END{print c}' accounts.csv gives 12: of the 15
        // subsidiaries, 3 are technolgy rows and not stored.
        assertThat(stored).filteredOn(c -> c.customFields().get(parent.id()).isPresent()).hasSize(12);
        Company cheers = stored.stream().filter(c -> c.name().equals("Cheers")).findFirst().orElseThrow();
        assertThat(cheers.customFields().get(sector.id())).contains(new FieldValue.Choice("entertainment"));
        assertThat(cheers.customFields().get(established.id())).contains(new FieldValue.Number(new BigDecimal("1993")));
        assertThat(cheers.customFields().get(revenue.id())).contains(new FieldValue.Number(new BigDecimal("4269.9")));
        assertThat(cheers.customFields().get(employees.id())).contains(new FieldValue.Number(new BigDecimal("6472")));
        assertThat(cheers.customFields().get(parent.id())).contains(new FieldValue.Text("Massive Dynamic"));
        Company bioholding = stored.stream().filter(c -> c.name().equals("Bioholding")).findFirst().orElseThrow();
        assertThat(bioholding.customFields().get(office.id())).as("a misspelled country is only text")
                .contains(new FieldValue.Text("Philipines"));

        // The accounts have no phone or e-mail, so no duplicate rule can match them; a second run still finds
        // each by its name among the companies without contact data, and changes nothing more.
        Snapshot before = snapshot();
        ImportReport again = Importer.of(crm).run(anna, file("accounts.csv"), mapping, ImportOptions.defaults()
                .tag("crm-sales-opportunities"));
        assertThat(List.of(again.created(), again.updated(), again.skipped(), again.failed()))
                .containsExactly(0L, 0L, 73L, 12L);
        assertThat(snapshot()).isEqualTo(before);
        ImportReport update = Importer.of(crm).run(anna, file("accounts.csv"), mapping, ImportOptions.defaults()
                .duplicates(DuplicateStrategy.UPDATE).tag("crm-sales-opportunities"));
        assertThat(List.of(update.created(), update.failed())).containsExactly(0L, 12L);
        assertThat(anna.companies().query(Filter.all(), Sort.byId(), PageRequest.first(100)).items()).hasSize(73);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("the 35 sales agents import as contacts with their regional office as a tag, none a duplicate of another, once however often run")
    void salesAgents() {
        CustomField manager = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Manager",
                FieldType.TEXT));
        ImportMapping mapping = ImportMapping.of(EntityType.CONTACT).column("sales_agent", StandardField.NAME)
                .column("manager", manager.id()).column("regional_office", StandardField.TAG);
        ImportReport report = Importer.of(crm).run(anna, file("sales_teams.csv"), mapping, ImportOptions.defaults());
        // awk -F, 'NR>1' sales_teams.csv | wc -l gives 35; by office (awk -F, 'NR>1{print $3}' | sort | uniq -c):
        // 11 Central, 12 East, 12 West
        assertThat(List.of(report.created(), report.failed())).containsExactly(35L, 0L);
        List<Contact> agents = contacts();
        assertThat(agents).hasSize(35);
        assertThat(agents.stream().filter(c -> c.tags().contains("Central")).count()).isEqualTo(11);
        assertThat(agents.stream().filter(c -> c.tags().contains("East")).count()).isEqualTo(12);
        assertThat(agents.stream().filter(c -> c.tags().contains("West")).count()).isEqualTo(12);
        assertThat(agents).allSatisfy(c -> assertThat(c.customFields().get(manager.id())).isPresent());
        Snapshot before = snapshot();
        ImportReport again = Importer.of(crm).run(anna, file("sales_teams.csv"), mapping, ImportOptions.defaults());
        assertThat(List.of(again.created(), again.skipped(), again.failed())).as("no phone or e-mail, found by name")
                .containsExactly(0L, 35L, 0L);
        assertThat(snapshot()).isEqualTo(before);
    }
}
