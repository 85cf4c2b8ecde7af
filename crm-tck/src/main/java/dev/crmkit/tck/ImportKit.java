package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.io.DuplicateStrategy;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.ImportTemplates;
import dev.crmkit.io.Importer;
import dev.crmkit.io.RowProblem;
import dev.crmkit.io.StandardField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Import of contacts, companies, leads and deals (IO-1, IO-2, IO-3) on the adapter under test. */
abstract class ImportKit extends ImportKitBase {

    static final ImportMapping PEOPLE = ImportMapping.of(EntityType.CONTACT)
            .column("First name", StandardField.FIRST_NAME).column("Last name", StandardField.LAST_NAME)
            .column("Phone", StandardField.PHONE).column("E-mail", StandardField.EMAIL)
            .column("Birthday", StandardField.BIRTH_DATE);

    static final String HEADER = "First name,Last name,Phone,E-mail,Birthday\n";

    String importTag() {
        return "import_" + DateTimeFormatter.ofPattern("yyyy-MM-dd_HH:mm")
                .format(LocalDateTime.ofInstant(clock.instant(), annaUser.timeZone()));
    }

    @Test
    @Tag("IO-1")
    @DisplayName("contacts come in with standard and custom fields, values parsed by the fields' types")
    void contactsWithCustomFields() {
        CustomField region = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Region",
                FieldType.TEXT));
        CustomField staff = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Staff",
                FieldType.NUMBER));
        ImportMapping mapping = PEOPLE.column("Region", region.id()).column("Staff", staff.id())
                .column("Job", StandardField.POSITION);
        ImportReport report = importAs(anna, HEADER.strip() + ",Region,Staff,Job\n"
                + "Ivan,Petrov,+7 901 776-34-34,ivan@client.test,17.05.1990,Moscow,12,Buyer\n", mapping,
                ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.problems()).isEmpty();
        Contact ivan = contacts().get(0);
        assertThat(ivan.name().full()).isEqualTo("Ivan Petrov");
        assertThat(ivan.phones()).extracting(p -> p.number().raw()).containsExactly("+7 901 776-34-34");
        assertThat(ivan.emails()).extracting(e -> e.email().value()).containsExactly("ivan@client.test");
        assertThat(ivan.birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(ivan.position()).contains("Buyer");
        assertThat(ivan.customFields().get(region.id())).contains(new FieldValue.Text("Moscow"));
        assertThat(ivan.customFields().get(staff.id())).contains(new FieldValue.Number(new BigDecimal("12")));
    }

    @Test
    @Tag("IO-1")
    @DisplayName("companies, leads and deals come in through their own forms; a deal's stage is named")
    void companiesLeadsDeals() {
        ImportReport companies = importAs(anna, "Name;Phone;Tags\nAcme;+7 495 100-00-00;wholesale; b2b\n",
                ImportMapping.of(EntityType.COMPANY).column("Name", StandardField.NAME)
                        .column("Phone", StandardField.PHONE).column("Tags", StandardField.TAG),
                ImportOptions.defaults());
        assertThat(companies.created()).isEqualTo(1);
        Company acme = anna.companies().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items().get(0);
        assertThat(acme.name()).isEqualTo("Acme");
        assertThat(acme.tags()).contains("wholesale", importTag());

        ImportReport leads = importAs(anna, "Request,Name,Surname,Company,Phone\nChairs,Olga,Sidorova,Sid LLC,"
                + "+7 903 111-22-33\n", ImportMapping.of(EntityType.LEAD).column("Request", StandardField.NAME)
                .column("Name", StandardField.FIRST_NAME).column("Surname", StandardField.LAST_NAME)
                .column("Company", StandardField.COMPANY_NAME).column("Phone", StandardField.PHONE),
                ImportOptions.defaults());
        assertThat(leads.created()).isEqualTo(1);
        Lead lead = anna.leads().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items().get(0);
        assertThat(lead.name()).isEqualTo("Chairs");
        assertThat(lead.companyName()).contains("Sid LLC");
        assertThat(lead.person().orElseThrow().full()).isEqualTo("Olga Sidorova");

        ImportReport deals = importAs(anna, "Deal,Stage,Close\nTables,Negotiation,2026-12-24\nLamps,,\n",
                ImportMapping.of(EntityType.DEAL).column("Deal", StandardField.NAME)
                        .column("Stage", StandardField.STAGE).column("Close", StandardField.EXPECTED_CLOSE),
                ImportOptions.defaults().pipeline(sales().id()));
        assertThat(deals.created()).isEqualTo(2);
        List<Deal> stored = anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items();
        Deal tables = stored.stream().filter(d -> d.name().equals("Tables")).findFirst().orElseThrow();
        Deal lamps = stored.stream().filter(d -> d.name().equals("Lamps")).findFirst().orElseThrow();
        assertThat(sales().stage(tables.stage()).orElseThrow().name()).isEqualTo("Negotiation");
        assertThat(tables.expectedClose()).contains(LocalDate.of(2026, 12, 24));
        assertThat(lamps.stage()).isEqualTo(sales().firstStage().id());
        assertThat(lamps.tags()).containsExactly(importTag());
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a deal row names its responsible user (by e-mail or name), its budget and currency and its company; "
            + "an unknown user or company, a bad amount or currency fails the row under its column")
    void dealsWithResponsibleBudgetAndCompany() {
        Company acme = anna.companies().create(CompanyForm.named("Acme"));
        ImportMapping deals = ImportMapping.of(EntityType.DEAL).column("Deal", StandardField.NAME)
                .column("Owner", StandardField.RESPONSIBLE).column("Value", StandardField.BUDGET)
                .column("Cur", StandardField.CURRENCY).column("Account", StandardField.COMPANY);
        String file = "Deal,Owner,Value,Cur,Account\n"
                + "Tables,BORIS@crmkit.test,1054.50,USD,Acme\n"
                + "Lamps,boris manager,300,,\n"
                + "Chairs,,,,\n"
                + "Sofas,Nobody,10,USD,Acme\n"
                + "Beds,boris@crmkit.test,ten,ZZQ,Acme\n"
                + "Desks,boris@crmkit.test,10,USD,Acme Ltd\n";
        ImportOptions options = ImportOptions.defaults().pipeline(sales().id());
        ImportReport dry = importAs(anna, file, deals, options.asDryRun());
        ImportReport report = importAs(anna, file, deals, options);
        assertThat(List.of(report.created(), report.failed())).containsExactly(3L, 3L);
        assertThat(dry.problems()).isEqualTo(report.problems());
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .containsExactly(tuple(5L, "Owner", "io.value.user"),
                        tuple(6L, "Value", "money.amount.invalid"), tuple(6L, "Cur", "money.currency.unknown"),
                        tuple(7L, "Account", "io.value.company"));
        Map<String, Deal> stored = anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items()
                .stream().collect(Collectors.toMap(Deal::name, d -> d));
        assertThat(stored.keySet()).containsExactlyInAnyOrder("Tables", "Lamps", "Chairs");
        Deal tables = stored.get("Tables");
        assertThat(tables.responsible()).isEqualTo(borisUser.id());
        assertThat(tables.budget().orElseThrow().amount()).isEqualTo(Money.of("1054.50", "USD"));
        assertThat(tables.company()).contains(acme.id());
        assertThat(stored.get("Lamps").responsible()).isEqualTo(borisUser.id());
        assertThat(stored.get("Lamps").budget().orElseThrow().amount())
                .as("without a currency, the policy's report currency").isEqualTo(Money.of("300", "RUB"));
        assertThat(stored.get("Lamps").company()).isEmpty();
        assertThat(stored.get("Chairs").responsible()).as("the importing user").isEqualTo(annaUser.id());
        assertThat(stored.get("Chairs").budget()).isEmpty();

        ImportReport raised = importAs(anna, "Deal,Owner,Value,Cur,Account\nLamps,anna@crmkit.test,450,RUB,Acme\n",
                deals, options.duplicates(DuplicateStrategy.UPDATE));
        assertThat(raised.updated()).isEqualTo(1);
        Deal lamps = anna.deals().get(stored.get("Lamps").id());
        assertThat(lamps.responsible()).isEqualTo(annaUser.id());
        assertThat(lamps.budget().orElseThrow().amount()).isEqualTo(Money.of("450", "RUB"));
        assertThat(lamps.company()).contains(acme.id());
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a mapping saved as a template is stored, reused by name from another session and another Crm; a name is never replaced; an unknown name is refused")
    void templates() {
        ImportTemplates templates = ImportTemplates.of(anna);
        templates.save("People from the fair", PEOPLE);
        assertThat(templates.names()).containsExactly("People from the fair");
        ImportTemplates later = ImportTemplates.of(crm(policy()).as(borisUser.id()));
        assertThat(later.get(" People from the fair ")).as("stored, not kept in memory").isEqualTo(PEOPLE);
        ImportReport report = importAs(boris, HEADER + "Ivan,Petrov,,,\n", later.get(" People from the fair "),
                ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(1);
        assertThat(codes(catchValidation(() -> later.save("People from the fair", PEOPLE))))
                .containsExactly("template.name.taken");
        assertThat(templates.get("People from the fair")).isEqualTo(PEOPLE);
        assertThat(codes(catchValidation(() -> templates.get("Nope")))).containsExactly("io.template.unknown");
        assertThat(codes(catchValidation(() -> templates.save("  ", PEOPLE)))).containsExactly("io.template.name_blank");
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a mapping to an unknown field, a field of another entity or a missing column is refused before any row")
    void unknownFields() {
        CustomField dealField = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Region",
                FieldType.TEXT));
        sales();
        ImportMapping bad = PEOPLE.column("Company", StandardField.COMPANY_NAME).column("Region", dealField.id())
                .column("Nowhere", StandardField.POSITION);
        ValidationException e = failsAndChangesNothing(ValidationException.class, () -> importAs(anna,
                HEADER.strip() + ",Company,Region\nIvan,Petrov,,,,Acme,North\n", bad, ImportOptions.defaults()));
        assertThat(e.violations()).extracting(v -> v.path(), v -> v.code()).containsExactly(
                tuple("mapping.Company", "io.mapping.unknown_field"), tuple("mapping.Region", "io.mapping.unknown_field"),
                tuple("mapping.Nowhere", "io.mapping.column_missing"));
        refused(ValidationException.class, () -> importAs(anna, "Deal\nTables\n", ImportMapping.of(EntityType.DEAL)
                .column("Deal", StandardField.NAME), ImportOptions.defaults()), "io.mapping.pipeline_required");
        refused(ValidationException.class, () -> importAs(anna, "Deal\nTables\n", ImportMapping.of(EntityType.DEAL),
                ImportOptions.defaults().pipeline(sales().id())), "io.mapping.empty");
    }

    @Test
    @Tag("IO-2")
    @DisplayName("every imported record gets import_<yyyy-MM-dd>_<HH:mm> and the extra tag; amoCRM refuses to switch it off")
    void importTags() {
        ImportReport report = importAs(anna, HEADER + "Ivan,Petrov,,,\n", PEOPLE,
                ImportOptions.defaults().tag("fair-2026"));
        assertThat(report.importTag()).contains(importTag());
        assertThat(importTag()).matches("import_\\d{4}-\\d{2}-\\d{2}_\\d{2}:\\d{2}");
        assertThat(contacts().get(0).tags()).containsExactlyInAnyOrder(importTag(), "fair-2026");
        refused(ValidationException.class, () -> importAs(anna, HEADER + "Anna,Ivanova,,,\n", PEOPLE,
                ImportOptions.defaults().withoutImportTag()), "io.tag.required");
        assertThat(Policies.amoCrm().importTagRequired()).isTrue();

        Policy optional = Policy.builder(Policies.amoCrm()).importTagRequired(false).build();
        Crm relaxed = crm(optional);
        ImportReport untagged = Importer.of(relaxed).run(relaxed.as(annaUser.id()), csv(HEADER + "Anna,Ivanova,,,\n"),
                PEOPLE, ImportOptions.defaults().withoutImportTag());
        assertThat(untagged.importTag()).isEmpty();
        Contact annaIvanova = contacts().stream().filter(c -> c.name().full().equals("Anna Ivanova")).findFirst()
                .orElseThrow();
        assertThat(annaIvanova.tags()).isEmpty();
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a bad row is reported with its row, column, code and message, and the rows after it are imported")
    void badRowsGoOn() {
        ImportReport report = importAs(anna, HEADER + "Ivan,Petrov,,,\n,,,,\n,,,bad@,\nOlga,Sidorova,,,12345\n"
                + "Anna,Ivanova,,,\n", PEOPLE, ImportOptions.defaults());
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.lastRowDone()).isEqualTo(6);
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
                .contains(tuple(4L, "E-mail", "email.invalid"), tuple(5L, "Birthday", "io.value.date"));
        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.message(java.util.Locale.ENGLISH)).isNotBlank();
            assertThat(p.message(java.util.Locale.forLanguageTag("ru"))).isNotBlank();
        });
        assertThat(report.problems().stream().filter(p -> p.row() == 5).findFirst().orElseThrow()
                .message(java.util.Locale.ENGLISH)).contains("12345");
        assertThat(contacts()).extracting(c -> c.name().full()).containsExactlyInAnyOrder("Ivan Petrov",
                "Anna Ivanova");
    }

    @Test
    @Tag("IO-3")
    @DisplayName("new contacts stored in chunks come out as row by row: same report, same records, the events single creates write, nothing twice on a re-run")
    void chunks() {
        long beforeProbe = snapshot().lastEvent();
        importAs(anna, HEADER + "Probe,Row,,probe@client.test,\n", PEOPLE, ImportOptions.defaults().chunkSize(1));
        long eventsPerCreate = snapshot().lastEvent() - beforeProbe;
        assertThat(eventsPerCreate).isPositive();
        anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        String file = HEADER
                + "Olga,Sidorova,,olga@client.test,\n"          // 2 created
                + "Ivan,P.,8 (901) 776-34-34,,\n"               // 3 a stored duplicate: skipped
                + ",,,bad@,\n"                                  // 4 failed
                + "Pavel,Orlov,+7 902 111-22-33,,\n"            // 5 created
                + "Olga,S.,,OLGA@client.test,\n"                // 6 duplicates row 2: skipped
                + "Pavel,O.,+7 (902) 111-22-33,,\n"             // 7 duplicates row 5: skipped
                + "Nina,Kozlova,,nina@client.test,\n"           // 8 created
                + "Oleg,Belov,,oleg@client.test,12345\n"        // 9 failed
                + "Irina,Volkova,,irina@client.test,\n"         // 10 created
                + "Petr,Smirnov,+7 903 555-66-77,,\n";          // 11 created
        long before = snapshot().lastEvent();
        ImportReport report = importAs(anna, file, PEOPLE, ImportOptions.defaults().chunkSize(3));
        assertThat(List.of(report.created(), report.updated(), report.skipped(), report.failed()))
                .containsExactly(5L, 0L, 3L, 2L);
        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.lastRowDone()).isEqualTo(11);
        assertThat(report.problems()).extracting(RowProblem::row).containsOnly(4L, 9L);
        assertThat(contacts()).extracting(c -> c.name().full()).containsExactlyInAnyOrder("Probe Row", "Ivan Petrov",
                "Olga Sidorova", "Pavel Orlov", "Nina Kozlova", "Irina Volkova", "Petr Smirnov");
        assertThat(snapshot().lastEvent() - before).as("the events of five single creates")
                .isEqualTo(5 * eventsPerCreate);

        Snapshot stored = snapshot();
        for (int chunk : new int[] {1, 3, dev.crmkit.api.Limits.BATCH}) {
            ImportReport again = importAs(anna, file, PEOPLE, ImportOptions.defaults().chunkSize(chunk));
            assertThat(List.of(again.created(), again.skipped(), again.failed())).as("again in chunks of %d", chunk)
                    .containsExactly(0L, 8L, 2L);
            assertThat(snapshot()).as("again in chunks of %d", chunk).isEqualTo(stored);
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImportOptions.defaults().chunkSize(0)))
                .isInstanceOf(dev.crmkit.api.ValidationException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> ImportOptions.defaults().chunkSize(dev.crmkit.api.Limits.BATCH + 1)))
                .isInstanceOf(dev.crmkit.api.ValidationException.class);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("SKIP leaves stored duplicates and later rows duplicating earlier ones alone; running the file again changes nothing")
    void skipDuplicates() {
        Contact stored = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        String file = HEADER + "Ivan,P.,8 (901) 776-34-34,,\nOlga,Sidorova,,olga@client.test,\n"
                + "Olga,S.,,OLGA@client.test,\n";
        ImportReport first = importAs(anna, file, PEOPLE, ImportOptions.defaults());
        assertThat(List.of(first.created(), first.updated(), first.skipped(), first.failed()))
                .containsExactly(1L, 0L, 2L, 0L);
        assertThat(anna.contacts().get(stored.id())).isEqualTo(stored);
        Snapshot before = snapshot();
        ImportReport again = importAs(anna, file, PEOPLE, ImportOptions.defaults());
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("UPDATE adds the row's new values to the stored duplicate; running the file again changes nothing")
    void updateDuplicates() {
        Contact stored = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        String file = HEADER + "Ivan,Petrov,8 (901) 776-34-34,ivan@client.test,17.05.1990\n";
        ImportReport first = importAs(anna, file, PEOPLE, ImportOptions.defaults().duplicates(DuplicateStrategy.UPDATE));
        assertThat(first.updated()).isEqualTo(1);
        Contact updated = anna.contacts().get(stored.id());
        assertThat(updated.phones()).hasSize(1);
        assertThat(updated.emails()).extracting(e -> e.email().value()).containsExactly("ivan@client.test");
        assertThat(updated.birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(updated.tags()).containsExactly(importTag());
        Snapshot before = snapshot();
        clock.advance(java.time.Duration.ofMinutes(5));
        ImportReport again = importAs(anna, file, PEOPLE, ImportOptions.defaults().duplicates(DuplicateStrategy.UPDATE));
        assertThat(again.updated()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("leads match by name and phone or e-mail, deals by name in the pipeline: re-runs with SKIP or UPDATE change nothing")
    void leadsAndDealsAgain() {
        ImportMapping leads = ImportMapping.of(EntityType.LEAD).column("Request", StandardField.NAME)
                .column("Phone", StandardField.PHONE).column("Tags", StandardField.TAG);
        String leadFile = "Request,Phone,Tags\nChairs,+7 903 111-22-33,\nChairs,+7 903 999-88-77,\n"
                + "Chairs,8 903 111 22 33,hot\n";
        ImportReport dry = importAs(anna, leadFile, leads, ImportOptions.defaults().asDryRun());
        ImportReport first = importAs(anna, leadFile, leads, ImportOptions.defaults());
        assertThat(List.of(first.created(), first.skipped())).containsExactly(2L, 1L);
        assertThat(List.of(dry.created(), dry.skipped())).containsExactly(2L, 1L);
        ImportMapping deals = ImportMapping.of(EntityType.DEAL).column("Deal", StandardField.NAME)
                .column("Close", StandardField.EXPECTED_CLOSE);
        String dealFile = "Deal,Close\nTables,2026-12-24\nLamps,\n";
        assertThat(importAs(anna, dealFile, deals, ImportOptions.defaults().pipeline(sales().id())).created())
                .isEqualTo(2);
        for (DuplicateStrategy strategy : List.of(DuplicateStrategy.SKIP, DuplicateStrategy.UPDATE)) {
            importAs(anna, leadFile, leads, ImportOptions.defaults().duplicates(strategy));
            Snapshot before = snapshot();
            assertThat(importAs(anna, leadFile, leads, ImportOptions.defaults().duplicates(strategy)).skipped())
                    .isEqualTo(3);
            assertThat(importAs(anna, dealFile, deals, ImportOptions.defaults().duplicates(strategy)
                    .pipeline(sales().id())).skipped()).isEqualTo(2);
            assertThat(snapshot()).as("again with %s", strategy).isEqualTo(before);
        }
        ImportReport moved = importAs(anna, "Deal,Close\nLamps,2027-01-15\n", deals, ImportOptions.defaults()
                .duplicates(DuplicateStrategy.UPDATE).pipeline(sales().id()));
        assertThat(moved.updated()).isEqualTo(1);
        ImportReport hot = importAs(anna, "Request,Phone,Tags\nChairs,+7 903 999-88-77,hot\n", leads,
                ImportOptions.defaults().duplicates(DuplicateStrategy.UPDATE));
        assertThat(hot.updated()).isEqualTo(1);
        List<Lead> stored = anna.leads().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items();
        assertThat(stored).hasSize(2).allSatisfy(l -> assertThat(l.tags()).contains("hot", importTag()));
        assertThat(anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items())
                .filteredOn(d -> d.name().equals("Lamps")).singleElement()
                .satisfies(d -> assertThat(d.expectedClose()).contains(LocalDate.of(2027, 1, 15)));
        assertThat(importAs(anna, dealFile, deals, ImportOptions.defaults().duplicates(DuplicateStrategy.CREATE_ANYWAY)
                .pipeline(sales().id())).created()).isEqualTo(2);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("CREATE_ANYWAY stores a duplicate where the policy allows it and reports the row where it does not")
    void createAnyway() {
        anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        String file = HEADER + "Ivan,Petrov,+7 901 776-34-34,,\n";
        ImportReport allowed = importAs(anna, file, PEOPLE, ImportOptions.defaults()
                .duplicates(DuplicateStrategy.CREATE_ANYWAY));
        assertThat(allowed.created()).isEqualTo(1);
        assertThat(contacts()).hasSize(2);

        Policy strict = Policy.builder(Policies.amoCrm()).contactDuplicates(Policies.amoCrm().contactDuplicates()
                .neverCreateAnyway()).build();
        Crm never = crm(strict);
        ImportReport refused = Importer.of(never).run(never.as(annaUser.id()), csv(file), PEOPLE,
                ImportOptions.defaults().duplicates(DuplicateStrategy.CREATE_ANYWAY));
        assertThat(refused.failed()).isEqualTo(1);
        assertThat(refused.problems()).extracting(RowProblem::row, RowProblem::code)
                .containsExactly(tuple(2L, "io.row.duplicate"));
        assertThat(contacts()).hasSize(2);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a dry run reports what the import would do, duplicates within the file included, and writes nothing")
    void dryRun() {
        anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34"));
        String file = HEADER + "Ivan,P.,8 (901) 776-34-34,,\nOlga,Sidorova,,olga@client.test,\n"
                + "Olga,S.,,olga@client.test,\n,,,,\nAnna,Ivanova,,,1 May\n";
        Snapshot before = snapshot();
        ImportReport dry = importAs(anna, file, PEOPLE, ImportOptions.defaults().asDryRun());
        assertThat(snapshot()).as("a dry run writes nothing").isEqualTo(before);
        assertThat(dry.dryRun()).isTrue();
        ImportReport real = importAs(anna, file, PEOPLE, ImportOptions.defaults());
        assertThat(List.of(dry.created(), dry.updated(), dry.skipped(), dry.failed()))
                .isEqualTo(List.of(real.created(), real.updated(), real.skipped(), real.failed()))
                .containsExactly(1L, 0L, 2L, 1L);
        assertThat(dry.problems()).isEqualTo(real.problems());
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a row without phone or e-mail is the stored namesake without them, not one with a phone: "
            + "the dry run predicts it and a re-run changes nothing")
    void rowsWithoutPhoneOrEmail() {
        Contact withPhone = anna.contacts().create(ContactForm.person("Maria", "Orlova").phone("+7 902 555-11-22"));
        String file = HEADER + "Maria,Orlova,,,\n Maria , Orlova,,,\nMaria,Orlova,,maria@client.test,\n";
        ImportReport dry = importAs(anna, file, PEOPLE, ImportOptions.defaults().asDryRun());
        ImportReport real = importAs(anna, file, PEOPLE, ImportOptions.defaults());
        assertThat(List.of(dry.created(), dry.skipped(), dry.failed()))
                .isEqualTo(List.of(real.created(), real.skipped(), real.failed()))
                .containsExactly(2L, 1L, 0L);
        assertThat(anna.contacts().get(withPhone.id())).as("the namesake with a phone is left alone")
                .isEqualTo(withPhone);
        assertThat(contacts()).filteredOn(c -> c.phones().isEmpty() && c.emails().isEmpty())
                .extracting(c -> c.name().full()).containsExactly("Maria Orlova");
        Snapshot before = snapshot();
        ImportReport again = importAs(anna, file, PEOPLE, ImportOptions.defaults());
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("IO-3")
    @DisplayName("the listener hears every row done with the row to resume after")
    void progress() {
        List<String> heard = new ArrayList<>();
        importAs(anna, HEADER + "Ivan,Petrov,,,\n\n,,,,\nAnna,Ivanova,,,\n", PEOPLE,
                ImportOptions.defaults().progress((done, row) -> heard.add(done + "@" + row)));
        assertThat(heard).as("blank rows are passed over").containsExactly("1@2", "2@5");
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a storage failure mid-file leaves whole rows only, and resuming after the reported row imports each row once")
    void crashAndResume() {
        FailingStorage failing = FailingStorage.wrap(storage);
        Crm onFailing = crm(failing, policy());
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 6; i++) {
            file.append("Name").append(i).append(",Surname,+7 901 000-00-0").append(i).append(",n").append(i)
                    .append("@client.test,\n");
        }
        failing.disarm();
        // Chunks of one row, so that the writes of a row can be counted and the failure put in row 5's.
        ImportOptions oneByOne = ImportOptions.defaults().chunkSize(1);
        Importer.of(onFailing).run(onFailing.as(annaUser.id()), csv(HEADER + "Probe,Row,+7 999 000-00-00,p@x.test,\n"),
                PEOPLE, oneByOne);
        int perRow = failing.writes();
        assertThat(perRow).isPositive();
        failing.failOnWrite(3 * perRow + 1);
        dev.crmkit.io.ImportStoppedException stopped = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.crmkit.io.ImportStoppedException.class, () -> Importer.of(onFailing).run(onFailing.as(annaUser.id()),
                        csv(file.toString()), PEOPLE, oneByOne));
        assertThat(stopped).isNotNull();
        assertThat(stopped.report().lastRowDone()).isEqualTo(4);
        assertThat(stopped.report().created()).isEqualTo(3);
        failing.disarm();
        List<Contact> whole = contacts().stream().filter(c -> c.name().full().startsWith("Name"))
                .collect(Collectors.toList());
        assertThat(whole).extracting(c -> c.name().full()).containsExactlyInAnyOrder("Name1 Surname",
                "Name2 Surname", "Name3 Surname");
        assertThat(whole).allSatisfy(c -> {
            assertThat(c.phones()).hasSize(1);
            assertThat(c.emails()).hasSize(1);
            assertThat(c.tags()).hasSize(1);
        });
        ImportReport resumed = Importer.of(onFailing).run(onFailing.as(annaUser.id()), csv(file.toString()), PEOPLE,
                ImportOptions.defaults().resumeAfter(stopped.report().lastRowDone()));
        assertThat(resumed.created()).isEqualTo(3);
        assertThat(resumed.rows()).isEqualTo(3);
        assertThat(contacts().stream().filter(c -> c.name().full().startsWith("Name")).map(c -> c.emails().stream()
                .map(ContactEmail::email).map(Object::toString).collect(Collectors.joining())).collect(Collectors.toList()))
                .hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    @Tag("IO-3")
    @DisplayName("a storage failure in a chunk's batch write stores none of the chunk, stops at the row before it, and resuming stores each row once")
    void crashInAChunk() {
        FailingStorage failing = FailingStorage.wrap(storage);
        Crm onFailing = crm(failing, policy());
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 6; i++) {
            file.append("Chunk").append(i).append(",Surname,+7 902 000-00-0").append(i).append(",c").append(i)
                    .append("@client.test,\n");
        }
        ImportOptions inTwos = ImportOptions.defaults().chunkSize(2);
        failing.disarm();
        Importer.of(onFailing).run(onFailing.as(annaUser.id()),
                csv(HEADER + "Probe,One,+7 999 000-00-01,p1@x.test,\nProbe,Two,+7 999 000-00-02,p2@x.test,\n"), PEOPLE, inTwos);
        int perChunk = failing.writes();
        assertThat(perChunk).isPositive();
        failing.failOnWrite(perChunk + 1);
        dev.crmkit.io.ImportStoppedException stopped = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.crmkit.io.ImportStoppedException.class, () -> Importer.of(onFailing).run(onFailing.as(annaUser.id()),
                        csv(file.toString()), PEOPLE, inTwos));
        assertThat(stopped).isNotNull();
        assertThat(stopped.report().lastRowDone()).isEqualTo(3);
        assertThat(stopped.report().created()).isEqualTo(2);
        failing.disarm();
        assertThat(contacts()).extracting(c -> c.name().full()).filteredOn(n -> n.startsWith("Chunk"))
                .containsExactlyInAnyOrder("Chunk1 Surname", "Chunk2 Surname");
        ImportReport resumed = Importer.of(onFailing).run(onFailing.as(annaUser.id()), csv(file.toString()), PEOPLE,
                inTwos.resumeAfter(stopped.report().lastRowDone()));
        assertThat(resumed.created()).isEqualTo(4);
        assertThat(contacts()).extracting(c -> c.name().full()).filteredOn(n -> n.startsWith("Chunk"))
                .hasSize(6).doesNotHaveDuplicates();
    }

    private static ValidationException catchValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, call);
    }

}
