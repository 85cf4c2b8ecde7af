package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.CsvReader;
import dev.crmkit.io.CsvRow;
import dev.crmkit.io.ExportFormat;
import dev.crmkit.io.Exporter;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Custom fields in exports (IO-5) and back through the import (IO-1), in CSV and .xlsx, on the adapter under test. */
abstract class ExportCustomFieldsKit extends ImportKitBase {

    private static List<List<String>> rows(byte[] file, ExportFormat format) {
        if (format == ExportFormat.XLSX) {
            return XlsxKit.xlsxRows(file);
        }
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(file), CsvFormat.detect())) {
            List<List<String>> rows = new ArrayList<>();
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get().cells());
            }
            return rows;
        }
    }

    /** A field of every type for an entity, by type. */
    private Map<FieldType, CustomField> everyType(EntityType entity) {
        Map<FieldType, CustomField> fields = new LinkedHashMap<>();
        for (FieldType type : FieldType.values()) {
            CustomFieldForm form = CustomFieldForm.of(entity, "F " + type.name().toLowerCase(java.util.Locale.ROOT),
                    type);
            if (type == FieldType.LIST || type == FieldType.MULTI_LIST) {
                form.option("red", "Red").option("green", "Green");
            }
            fields.put(type, anna.customFields().define(form));
        }
        return fields;
    }

    private static Map<FieldType, String> values() {
        Map<FieldType, String> values = new LinkedHashMap<>();
        values.put(FieldType.TEXT, "=cmd|' /C calc'!A0");
        values.put(FieldType.TEXTAREA, "line one\nline \"two\", three; four");
        values.put(FieldType.NUMBER, "-123456789012345.123456");
        values.put(FieldType.MONEY, "1500.50 RUB");
        values.put(FieldType.DATE, "2026-12-24");
        values.put(FieldType.DATE_TIME, "2026-11-02T09:30:00Z");
        values.put(FieldType.BIRTHDAY, "1990-05-17");
        values.put(FieldType.CHECKBOX, "true");
        values.put(FieldType.LIST, "green");
        values.put(FieldType.MULTI_LIST, "red; green");
        values.put(FieldType.URL, "https://client.test/a?b=c");
        values.put(FieldType.PHONE, "+7 901 776-34-34");
        values.put(FieldType.EMAIL, "ivan@client.test");
        return values;
    }

    private Crm untagged() {
        return crm(Policy.builder(Policies.amoCrm()).importTagRequired(false).build());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    @Tag("IO-5")
    @DisplayName("an export has a column per custom field, headed by its name, and its import maps every type back")
    void contactsRoundTrip(ExportFormat format) {
        Map<FieldType, CustomField> fields = everyType(EntityType.CONTACT);
        CustomField clash = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Phone",
                FieldType.TEXT));
        ContactForm form = ContactForm.person("Ivan", "Petrov").phone("+7 495 123-45-67");
        values().forEach((type, text) -> form.customField(fields.get(type).id(), text));
        form.customField(clash.id(), "-not a phone");
        Contact original = anna.contacts().create(form);
        assertThat(original.customFields().values()).hasSize(fields.size() + 1);
        anna.contacts().create(ContactForm.named("Plain"));

        Crm plain = untagged();
        ExportKit.Files files = new ExportKit.Files();
        Exporter.of(plain).contacts(plain.as(annaUser.id()), Filter.all(), files, format);
        List<List<String>> rows = rows(files.written.get(0).toByteArray(), format);
        List<String> header = rows.get(0);
        assertThat(header.subList(header.size() - fields.size() - 1, header.size())).containsExactlyElementsOf(
                concat(fields.values().stream().map(CustomField::name).toList(), "Phone (custom field)"));
        assertThat(rows).as("a custom text is neutralized like any cell").anySatisfy(r ->
                assertThat(r).contains("'=cmd|' /C calc'!A0", "'-not a phone"));

        for (Contact c : contacts()) {
            anna.contacts().delete(c.id(), c.version());
        }
        ImportReport report = Importer.of(plain).run(plain.as(annaUser.id()),
                new ByteArrayInputStream(files.written.get(0).toByteArray()),
                Exporter.importMapping(anna, EntityType.CONTACT), ImportOptions.defaults().withoutImportTag());
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        Contact back = contacts().stream().filter(c -> c.name().equals(original.name())).findFirst().orElseThrow();
        assertThat(back.customFields()).isEqualTo(original.customFields());
        assertThat(back.customFields().get(fields.get(FieldType.PHONE).id()).map(v -> ((FieldValue.Phone) v).value()
                .raw())).contains("+7 901 776-34-34");
        assertThat(back.phones()).isEqualTo(original.phones());
        assertThat(contacts().stream().filter(c -> c.name().full().equals("Plain")).findFirst().orElseThrow()
                .customFields().values()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    @Tag("IO-5")
    @DisplayName("companies and deals carry their own custom fields, a deal its responsible user, budget and company, in an export and back through the import")
    void companiesAndDeals(ExportFormat format) {
        CustomField sector = anna.customFields().define(CustomFieldForm.of(EntityType.COMPANY, "Sector",
                FieldType.LIST).option("retail", "Retail").option("medical", "Medical"));
        CustomField size = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Seats", FieldType.NUMBER));
        Company acme = anna.companies().create(CompanyForm.named("Acme").customField(sector.id(), "Medical"));
        Deal tables = anna.deals().create(DealForm.in(sales().id()).name("Tables").customField(size.id(), "12")
                .responsible(borisUser.id()).budget(dev.crmkit.api.money.Money.of("1054.50", "USD"))
                .company(acme.id()));

        Crm plain = untagged();
        ExportKit.Files companies = new ExportKit.Files();
        Exporter.of(plain).companies(plain.as(annaUser.id()), Filter.all(), companies, format);
        ExportKit.Files deals = new ExportKit.Files();
        Exporter.of(plain).deals(plain.as(annaUser.id()), Filter.all(), deals, format);
        List<List<String>> companyRows = rows(companies.written.get(0).toByteArray(), format);
        assertThat(companyRows.get(0)).endsWith("Sector");
        assertThat(companyRows.get(1)).endsWith("medical");
        List<List<String>> dealRows = rows(deals.written.get(0).toByteArray(), format);
        assertThat(dealRows.get(0)).endsWith("Seats");
        assertThat(dealRows.get(1)).endsWith("12");

        anna.companies().delete(acme.id(), acme.version());
        anna.deals().delete(tables.id(), anna.deals().get(tables.id()).version());
        Importer importer = Importer.of(plain);
        ImportReport c = importer.run(plain.as(annaUser.id()), new ByteArrayInputStream(companies.written.get(0)
                .toByteArray()), Exporter.importMapping(anna, EntityType.COMPANY), ImportOptions.defaults()
                .withoutImportTag());
        ImportReport d = importer.run(plain.as(annaUser.id()), new ByteArrayInputStream(deals.written.get(0)
                .toByteArray()), Exporter.importMapping(anna, EntityType.DEAL), ImportOptions.defaults()
                .withoutImportTag().pipeline(sales().id()));
        assertThat(c.problems()).isEmpty();
        assertThat(d.problems()).isEmpty();
        Company acmeBack = anna.companies().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items().get(0);
        assertThat(acmeBack.customFields()).isEqualTo(acme.customFields());
        Deal tablesBack = anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items().get(0);
        assertThat(tablesBack.customFields()).isEqualTo(tables.customFields());
        assertThat(tablesBack.responsible()).isEqualTo(borisUser.id());
        assertThat(tablesBack.budget()).isEqualTo(tables.budget());
        assertThat(tablesBack.company()).as("the company imported back before it, found by name")
                .contains(acmeBack.id());
        CustomFieldId seats = size.id();
        assertThat(tablesBack.customFields().get(seats)).contains(new FieldValue.Number(new java.math.BigDecimal("12")));
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
