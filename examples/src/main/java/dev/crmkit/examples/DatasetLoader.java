package dev.crmkit.examples;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.examples.DatasetProblem.Outcome;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.io.CsvFormat;
import dev.crmkit.io.CsvReader;
import dev.crmkit.io.CsvRow;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import dev.crmkit.io.RowProblem;
import dev.crmkit.io.StandardField;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the CRM Sales Opportunities data set into a new in-memory CRM through the public API, reporting every row
 * it cannot load exactly as the file has it: accounts become companies (through crm-io's {@link Importer}), sales
 * agents and their managers users, products a list custom field of deals (and each deal's product line), and
 * opportunities deals of one pipeline Prospecting → Engaging → Won/Lost (also through the {@link Importer}, from
 * the rows as the checks corrected them) whose past stage changes are then backfilled at engage_date and
 * close_date.
 */
final class DatasetLoader {

    /** The CRM's clock: just after the data set's last date. */
    static final Instant NOW = Instant.parse("2018-01-01T00:00:00Z");
    static final Currency USD = Currency.getInstance("USD");

    private static final String ACCOUNTS = "accounts.csv";
    private static final String PRODUCTS = "products.csv";
    private static final String TEAMS = "sales_teams.csv";
    private static final String PIPELINE = "sales_pipeline.csv";

    /**
     * Misspellings of the accounts file corrected after its import: the sector {@code technolgy} (listed among
     * the data set's quirks) and the office location {@code Philipines}.
     */
    private static final Map<String, Map<String, String>> ACCOUNT_SPELLING = Map.of(
            "sector", Map.of("technolgy", "technology"),
            "office_location", Map.of("Philipines", "Philippines"));

    /**
     * A sales agent: a user of the CRM, with the manager and office the data set gives it, which crmkit's
     * {@link User} has no field for.
     *
     * @param name the agent's name
     * @param manager the manager's name
     * @param office the regional office
     * @param user the agent's user
     */
    record Agent(String name, String manager, String office, User user) {
    }

    /**
     * A product of products.csv.
     *
     * @param name its name
     * @param series its series
     * @param price its list price in USD
     * @param key its option key in the deals' Product field
     */
    record Product(String name, String series, BigDecimal price, String key) {
    }

    /**
     * How many rows each file had and what became of them.
     *
     * @param accountRows the data rows of accounts.csv
     * @param companies the companies stored
     * @param productRows the data rows of products.csv
     * @param teamRows the data rows of sales_teams.csv
     * @param users the users stored for agents and managers (the admin not counted)
     * @param opportunityRows the data rows of sales_pipeline.csv
     * @param deals the deals stored
     */
    record Counts(long accountRows, long companies, long productRows, long teamRows, long users,
                  long opportunityRows, long deals) {
    }

    /**
     * The loaded CRM.
     *
     * @param crm the CRM
     * @param admin the session of the admin who loaded it and sees everything
     * @param pipeline the pipeline of the opportunities
     * @param productField the deals' Product field
     * @param agents the agents, in the order of sales_teams.csv
     * @param managers the managers' users by name, in the order of sales_teams.csv
     * @param products the products, in the order of products.csv
     * @param problems every row problem, file by file, in row order
     * @param counts the rows and records
     * @param first the first date of a loaded deal (its engage_date or close_date)
     * @param last the last
     */
    record Dataset(Crm crm, CrmSession admin, Pipeline pipeline, CustomFieldId productField, List<Agent> agents,
                   Map<String, User> managers, List<Product> products, List<DatasetProblem> problems,
                   Counts counts, LocalDate first, LocalDate last) {

        /** The stage of the pipeline with a name. */
        Stage stage(String name) {
            return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** One data row of a CSV file, its cells by column. */
    private record Line(long number, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private final DatasetSource source;
    private final Crm crm;
    private final CrmSession admin;
    private final List<DatasetProblem> problems = new ArrayList<>();
    private final Set<String> emails = new HashSet<>();
    private Pipeline pipeline;
    private LossReasonId notRecorded;
    private CustomFieldId productField;
    private CustomFieldId engagedOn;
    private CustomFieldId closedOn;
    private final Map<String, CustomFieldId> companyFields = new LinkedHashMap<>();
    private LocalDate first;
    private LocalDate last;

    private DatasetLoader(DatasetSource source) {
        this.source = source;
        this.crm = Crm.builder().storage(InMemoryStorage.create())
                .policy(Policies.amoCrm().toBuilder().reportCurrency(USD).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        this.admin = crm.as(crm.bootstrap(UserForm.named("Data Admin").email("admin@crm-sales.example")).id());
    }

    /**
     * Loads a data set into a new CRM.
     *
     * @param source where the four files are
     * @return the loaded CRM, its records and the problems found
     * @throws IllegalArgumentException when a file lacks a column the load needs
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    static Dataset load(DatasetSource source) {
        return new DatasetLoader(source).load();
    }

    private Dataset load() {
        settings();
        List<Line> productRows = read(PRODUCTS, "product", "series", "sales_price");
        List<Product> products = products(productRows);
        List<Line> teamRows = read(TEAMS, "sales_agent", "manager", "regional_office");
        Map<String, User> managers = new LinkedHashMap<>();
        Map<String, Agent> agents = agents(teamRows, managers);
        List<Line> accountRows = read(ACCOUNTS, "account", "sector", "year_established", "revenue", "employees",
                "office_location", "subsidiary_of");
        Map<String, CompanyId> companies = companies(accountRows);
        List<Line> opportunities = read(PIPELINE, "opportunity_id", "sales_agent", "product", "account",
                "deal_stage", "engage_date", "close_date", "close_value");
        long deals = deals(opportunities, agents, products, companies);
        Counts counts = new Counts(accountRows.size(), companies.size(), productRows.size(), teamRows.size(),
                managers.size() + agents.size(), opportunities.size(), deals);
        problems.sort(java.util.Comparator.comparing((DatasetProblem p) -> DatasetSource.FILES.indexOf(p.file()))
                .thenComparingLong(DatasetProblem::row));
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        return new Dataset(crm, admin, pipeline, productField, List.copyOf(agents.values()), managers, products,
                List.copyOf(problems), counts, first == null ? today : first, last == null ? today : last);
    }

    /** The pipeline, the loss reason and the custom fields. */
    private void settings() {
        pipeline = admin.pipelines().create(NewPipeline.named("Sales").stage("Prospecting", 10)
                .stage("Engaging", 60));
        notRecorded = admin.settings().lossReasons().add("Not recorded in the data set").id();
        engagedOn = admin.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Engaged on", FieldType.DATE))
                .id();
        closedOn = admin.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Closed on", FieldType.DATE))
                .id();
        companyFields.put("sector", companyField("Sector", FieldType.TEXT));
        companyFields.put("year_established", companyField("Year established", FieldType.NUMBER));
        companyFields.put("revenue", companyField("Revenue", FieldType.NUMBER));
        companyFields.put("employees", companyField("Employees", FieldType.NUMBER));
        companyFields.put("office_location", companyField("Office location", FieldType.TEXT));
        companyFields.put("subsidiary_of", companyField("Subsidiary of", FieldType.TEXT));
    }

    private CustomFieldId companyField(String name, FieldType type) {
        return admin.customFields().define(CustomFieldForm.of(EntityType.COMPANY, name, type)).id();
    }

    // ---- products and people ----

    private List<Product> products(List<Line> rows) {
        List<Product> products = new ArrayList<>();
        CustomFieldForm field = CustomFieldForm.of(EntityType.DEAL, "Product", FieldType.LIST);
        Set<String> keys = new HashSet<>();
        for (Line row : rows) {
            String name = row.get("product");
            Optional<BigDecimal> price = amount(row.get("sales_price"));
            if (name.isEmpty() || !keys.add(key(name))) {
                problem(PRODUCTS, row, "product", name, name.isEmpty() ? "product.missing" : "product.duplicate",
                        Outcome.REFUSED, "a product needs a name of its own; not loaded");
            } else if (price.isEmpty()) {
                problem(PRODUCTS, row, "sales_price", row.get("sales_price"), "sales_price.invalid", Outcome.REFUSED,
                        "the list price is not an amount; not loaded");
            } else {
                products.add(new Product(name, row.get("series"), price.get(), key(name)));
                field.option(key(name), name);
            }
        }
        productField = admin.customFields().define(field).id();
        return List.copyOf(products);
    }

    private Map<String, Agent> agents(List<Line> rows, Map<String, User> managers) {
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (Line row : rows) {
            String name = row.get("sales_agent");
            String manager = row.get("manager");
            if (name.isEmpty() || manager.isEmpty()) {
                problem(TEAMS, row, name.isEmpty() ? "sales_agent" : "manager", "", "team.missing", Outcome.REFUSED,
                        "an agent needs a name and a manager; not loaded");
                continue;
            }
            if (agents.containsKey(name)) {
                problem(TEAMS, row, "sales_agent", name, "agent.duplicate", Outcome.REFUSED,
                        "the agent is listed on an earlier row; not loaded");
                continue;
            }
            managers.computeIfAbsent(manager, this::user);
            agents.put(name, new Agent(name, manager, row.get("regional_office"), user(name)));
        }
        return agents;
    }

    private User user(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        String email = local + "@crm-sales.example";
        for (int n = 2; !emails.add(email); n++) {
            email = local + "." + n + "@crm-sales.example";
        }
        return admin.users().add(UserForm.named(name).email(email));
    }

    // ---- accounts ----

    /** Imports the accounts as companies with crm-io, corrects the known misspellings, and maps names to ids. */
    private Map<String, CompanyId> companies(List<Line> rows) {
        ImportMapping mapping = ImportMapping.of(EntityType.COMPANY).column("account", StandardField.NAME);
        for (Map.Entry<String, CustomFieldId> f : companyFields.entrySet()) {
            mapping = mapping.column(f.getKey(), f.getValue());
        }
        ImportReport report = Importer.of(crm).run(admin, source.openUnchecked(ACCOUNTS), mapping,
                ImportOptions.defaults().tag("crm-sales-opportunities"));
        Map<Long, Line> byNumber = rows.stream().collect(Collectors.toMap(Line::number, l -> l));
        for (RowProblem p : report.problems()) {
            Line row = byNumber.get(p.row());
            problems.add(new DatasetProblem(ACCOUNTS, p.row(), p.column(), row == null ? "" : row.get(p.column()),
                    p.code(), Outcome.REFUSED, p.message(Locale.ENGLISH) + "; the import did not store the row"));
        }
        Map<String, Company> byName = new HashMap<>();
        all(page -> admin.companies().query(Filter.all(), Sort.byId(), page)).forEach(c -> byName.put(c.name(), c));
        for (Line row : rows) {
            for (Map.Entry<String, Map<String, String>> column : ACCOUNT_SPELLING.entrySet()) {
                String wrong = row.get(column.getKey());
                String right = column.getValue().get(wrong);
                Company company = byName.get(row.get("account"));
                if (right == null || company == null) {
                    continue;
                }
                CustomFieldId field = companyFields.get(column.getKey());
                byName.put(company.name(), admin.companies().update(company.id(), company.version(),
                        f -> f.customField(field, right)));
                problem(ACCOUNTS, row, column.getKey(), wrong, column.getKey() + ".spelling", Outcome.CORRECTED,
                        "misspelled; stored as " + right);
            }
        }
        Map<String, CompanyId> ids = new HashMap<>();
        byName.forEach((name, company) -> ids.put(name, company.id()));
        return ids;
    }

    // ---- opportunities ----

    /** What one opportunity row comes to after its checks. */
    private static final class Opportunity {
        final List<DatasetProblem> problems = new ArrayList<>();
        Agent agent;
        Product product;
        Stage stage;
        Optional<CompanyId> company = Optional.empty();
        Optional<LocalDate> engaged = Optional.empty();
        Optional<LocalDate> closed = Optional.empty();
        Optional<BigDecimal> value = Optional.empty();

        boolean refused() {
            return problems.stream().anyMatch(p -> p.outcome() == Outcome.REFUSED);
        }
    }

    /**
     * Checks every opportunity, imports the accepted ones as deals with crm-io's {@link Importer} (name, responsible
     * agent, open stage, budget, company, product and dates, from a file written as the checks corrected the rows),
     * then gives each its product line and backfills its history through the API.
     */
    private long deals(List<Line> rows, Map<String, Agent> agents, List<Product> products,
                       Map<String, CompanyId> companies) {
        Set<String> ids = new HashSet<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Line row : rows) {
            Opportunity o = check(row, ids, agents, products, companies);
            if (o.refused()) {
                o.problems.stream().filter(p -> p.outcome() == Outcome.REFUSED).forEach(problems::add);
                continue;
            }
            problems.addAll(o.problems);
            accepted.add(new Accepted(row, o));
        }
        ImportReport report = Importer.of(crm).run(admin, new ByteArrayInputStream(
                dealFile(accepted).getBytes(StandardCharsets.UTF_8)), dealMapping(),
                ImportOptions.defaults().pipeline(pipeline.id()).tag("crm-sales-opportunities"));
        Set<Long> failed = new HashSet<>();
        for (RowProblem p : report.problems()) {
            Accepted a = accepted.get((int) p.row() - 2);
            failed.add(p.row());
            String column = DEAL_COLUMNS.getOrDefault(p.column(), "");
            problems.add(problem(a.row(), column, column.isEmpty() ? "" : a.row().get(column), p.code(),
                    Outcome.REFUSED, "crm-io refused the row: " + p.message(Locale.ENGLISH) + "; not loaded"));
        }
        Map<String, Deal> imported = new HashMap<>();
        all(page -> admin.deals().query(DealFields.PIPELINE.eq(pipeline.id()), Sort.byId(), page))
                .forEach(d -> imported.put(d.name(), d));
        long stored = 0;
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            Deal deal = imported.get(a.row().get("opportunity_id"));
            if (failed.contains(i + 2L) || deal == null) {
                continue;
            }
            if (history(a.row(), a.opportunity(), deal)) {
                stored++;
                for (Optional<LocalDate> d : List.of(a.opportunity().engaged, a.opportunity().closed)) {
                    d.ifPresent(this::span);
                }
            }
        }
        return stored;
    }

    /** The deal file's columns by the data set's column each comes from. */
    private static final Map<String, String> DEAL_COLUMNS = Map.of("opportunity_id", "opportunity_id",
            "agent", "sales_agent", "stage", "deal_stage", "budget", "close_value", "account", "account",
            "product", "product", "engaged_on", "engage_date", "closed_on", "close_date");

    /** An opportunity that passed the checks, with its row. */
    private record Accepted(Line row, Opportunity opportunity) {
    }

    /** The columns of the deal file and the fields crm-io imports them into. */
    private ImportMapping dealMapping() {
        return ImportMapping.of(EntityType.DEAL).column("opportunity_id", StandardField.NAME)
                .column("agent", StandardField.RESPONSIBLE).column("stage", StandardField.STAGE)
                .column("budget", StandardField.BUDGET).column("currency", StandardField.CURRENCY)
                .column("account", StandardField.COMPANY).column("product", productField)
                .column("engaged_on", engagedOn).column("closed_on", closedOn);
    }

    /**
     * The accepted opportunities as crm-io reads deals: a closed one at Engaging (it is won or lost after its
     * history is backfilled), a won one with its close_value as budget, the others with their product's list price.
     */
    private String dealFile(List<Accepted> accepted) {
        StringBuilder csv = new StringBuilder("opportunity_id,agent,stage,budget,currency,account,product,engaged_on,"
                + "closed_on\r\n");
        for (Accepted a : accepted) {
            Opportunity o = a.opportunity();
            boolean closes = o.stage.kind() != StageKind.OPEN;
            Optional<BigDecimal> budget = o.stage.equals(pipeline.wonStage()) ? o.value
                    : Optional.of(o.product.price());
            List<String> cells = List.of(a.row().get("opportunity_id"),
                    o.agent.user().email().orElseThrow().value(),
                    closes ? pipeline.stages().get(1).name() : o.stage.name(),
                    budget.map(BigDecimal::toPlainString).orElse(""), USD.getCurrencyCode(),
                    o.company.isPresent() ? a.row().get("account") : "", o.product.key(),
                    o.engaged.map(LocalDate::toString).orElse(""), o.closed.map(LocalDate::toString).orElse(""));
            csv.append(cells.stream().map(c -> '"' + c.replace("\"", "\"\"") + '"')
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** Widens the data set's period to a date. */
    private void span(LocalDate d) {
        first = first == null || d.isBefore(first) ? d : first;
        last = last == null || d.isAfter(last) ? d : last;
    }

    private Opportunity check(Line row, Set<String> ids, Map<String, Agent> agents, List<Product> products,
                              Map<String, CompanyId> companies) {
        Opportunity o = new Opportunity();
        String id = row.get("opportunity_id");
        if (id.isEmpty() || !ids.add(id)) {
            o.problems.add(problem(row, "opportunity_id", id, id.isEmpty() ? "opportunity_id.missing"
                    : "opportunity_id.duplicate", Outcome.REFUSED,
                    "an opportunity needs an id of its own; not loaded"));
        }
        o.agent = agents.get(row.get("sales_agent"));
        if (o.agent == null) {
            o.problems.add(problem(row, "sales_agent", row.get("sales_agent"), "sales_agent.unknown",
                    Outcome.REFUSED, "not an agent of " + TEAMS + "; a deal needs its responsible user; not loaded"));
        }
        product(row, o, products);
        o.stage = pipeline.stages().stream().filter(s -> s.name().equals(row.get("deal_stage"))).findFirst()
                .orElse(null);
        if (o.stage == null) {
            o.problems.add(problem(row, "deal_stage", row.get("deal_stage"), "deal_stage.unknown", Outcome.REFUSED,
                    "not a stage of the pipeline (Prospecting, Engaging, Won, Lost); not loaded"));
            return o;
        }
        String account = row.get("account");
        o.company = Optional.ofNullable(companies.get(account));
        if (o.company.isEmpty()) {
            o.problems.add(problem(row, "account", account, account.isEmpty() ? "account.missing"
                    : "account.unknown", Outcome.LOADED_WITHOUT, (account.isEmpty() ? "no account"
                    : "not an account of " + ACCOUNTS) + "; the deal is stored without a company"));
        }
        dates(row, o);
        value(row, o);
        return o;
    }

    /** The product: as products.csv spells it, or matching one when spaces and case are ignored. */
    private void product(Line row, Opportunity o, List<Product> products) {
        String name = row.get("product");
        o.product = products.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (o.product != null) {
            return;
        }
        List<Product> like = products.stream().filter(p -> p.key().equals(key(name))).toList();
        if (like.size() == 1 && !name.isEmpty()) {
            o.product = like.get(0);
            o.problems.add(problem(row, "product", name, "product.spelling", Outcome.CORRECTED,
                    PRODUCTS + " spells it " + o.product.name() + "; loaded as " + o.product.name()));
        } else {
            o.problems.add(problem(row, "product", name, name.isEmpty() ? "product.missing" : "product.unknown",
                    Outcome.REFUSED, "not a product of " + PRODUCTS + "; not loaded"));
        }
    }

    /** engage_date and close_date, as the stage needs them. */
    private void dates(Line row, Opportunity o) {
        boolean open = o.stage.kind() == StageKind.OPEN;
        boolean prospecting = o.stage.equals(pipeline.firstStage());
        o.engaged = date(row, "engage_date", o);
        o.closed = date(row, "close_date", o);
        if (prospecting && o.engaged.isPresent()) {
            o.problems.add(problem(row, "engage_date", row.get("engage_date"), "engage_date.unexpected",
                    Outcome.LOADED_WITHOUT, "a deal in Prospecting has not engaged; the date is not loaded"));
            o.engaged = Optional.empty();
        }
        if (open && o.closed.isPresent()) {
            o.problems.add(problem(row, "close_date", row.get("close_date"), "close_date.unexpected",
                    Outcome.LOADED_WITHOUT, "an open deal has not closed; the date is not loaded"));
            o.closed = Optional.empty();
        }
        if (prospecting && row.get("engage_date").isEmpty()) {
            o.problems.add(problem(row, "engage_date", "", "history.unknown", Outcome.LOADED_WITHOUT,
                    "no date for a deal in Prospecting: it has no history and counts as created at the load, "
                            + "outside the report period"));
        } else if (!prospecting && row.get("engage_date").isEmpty()) {
            o.problems.add(problem(row, "engage_date", "", "engage_date.missing", Outcome.LOADED_WITHOUT,
                    "no engage_date: no history before the close is backfilled, and the deal has no cycle"));
        }
        if (!open && row.get("close_date").isEmpty()) {
            o.problems.add(problem(row, "close_date", "", "close_date.missing", Outcome.LOADED_WITHOUT,
                    "no close_date: the deal counts as closed at the load, outside the report period"));
        }
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Map<String, Optional<LocalDate>> dates = Map.of("engage_date", o.engaged, "close_date", o.closed);
        dates.forEach((column, d) -> {
            if (d.isPresent() && d.get().isAfter(today)) {
                o.problems.add(problem(row, column, d.get().toString(), "date.future", Outcome.REFUSED,
                        "after the load's clock (" + today + "); not loaded"));
            }
        });
        if (o.engaged.isPresent() && o.closed.isPresent() && o.closed.get().isBefore(o.engaged.get())) {
            o.problems.add(problem(row, "close_date", row.get("close_date"), "dates.reversed", Outcome.REFUSED,
                    "closed before it engaged (" + o.engaged.get() + "); not loaded"));
        }
    }

    private Optional<LocalDate> date(Line row, String column, Opportunity o) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            o.problems.add(problem(row, column, text, column + ".invalid", Outcome.LOADED_WITHOUT,
                    "not a date (yyyy-MM-dd): the deal is stored without it"));
            return Optional.empty();
        }
    }

    /** close_value: the budget of a won deal; a lost deal's is 0, an open deal's empty. */
    private void value(Line row, Opportunity o) {
        String text = row.get("close_value");
        o.value = amount(text);
        boolean won = o.stage.equals(pipeline.wonStage());
        if (won && o.value.isEmpty()) {
            o.problems.add(problem(row, "close_value", text, text.isEmpty() ? "close_value.missing"
                    : "close_value.invalid", Outcome.LOADED_WITHOUT, "a won deal without its value: stored "
                    + "without a budget"));
        } else if (!won && !text.isEmpty() && o.value.map(v -> v.signum() != 0).orElse(true)) {
            o.problems.add(problem(row, "close_value", text, "close_value.unexpected", Outcome.LOADED_WITHOUT,
                    "only a won deal has a value; not loaded"));
        }
    }

    /**
     * Gives an imported deal its product line and backfills its history: created in Prospecting and moved to
     * Engaging at engage_date, closed at close_date; a closed one is then won or lost. A deal the API refuses is
     * deleted again and reported.
     *
     * @return whether it was stored
     */
    private boolean history(Line row, Opportunity o, Deal deal) {
        StageId prospecting = pipeline.firstStage().id();
        StageId engaging = pipeline.stages().get(1).id();
        try {
            admin.deals().update(deal.id(), deal.version(),
                    f -> f.product(o.product.name(), BigDecimal.ONE, Money.of(o.product.price(), USD)));
            if (o.engaged.isPresent()) {
                Instant at = o.engaged.get().atStartOfDay(ZoneOffset.UTC).toInstant();
                admin.deals().backfill(deal.id(), Optional.empty(), prospecting, at);
                admin.deals().backfill(deal.id(), Optional.of(prospecting), engaging, at);
            }
            if (o.stage.kind() != StageKind.OPEN) {
                if (o.closed.isPresent()) {
                    admin.deals().backfill(deal.id(), Optional.of(engaging), o.stage.id(),
                            o.closed.get().atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                if (o.stage.equals(pipeline.wonStage())) {
                    admin.deals().win(deal.id());
                } else {
                    admin.deals().lose(deal.id(), notRecorded);
                }
            }
            return true;
        } catch (ValidationException refused) {
            String codes = refused.violations().stream().map(Violation::code).collect(Collectors.joining(", "));
            problems.add(problem(row, "", "", "api.refused", Outcome.REFUSED, "crmkit refused the deal ("
                    + codes + "); not loaded"));
            admin.deals().delete(deal.id(), admin.deals().get(deal.id()).version());
            return false;
        }
    }

    // ---- helpers ----

    /** Every item of a query, page after page. */
    private static <T> List<T> all(Function<PageRequest, Slice<T>> query) {
        List<T> items = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Slice<T> slice = query.apply(page);
            items.addAll(slice.items());
            if (!slice.hasNext()) {
                return items;
            }
            page = page.next(slice);
        }
    }

    /** The cells of a file's data rows by column; the header names the columns. */
    private List<Line> read(String file, String... columns) {
        try (CsvReader reader = CsvReader.open(source.openUnchecked(file), CsvFormat.detect())) {
            CsvRow header = reader.next().orElseThrow(() -> new IllegalArgumentException(file + " is empty"));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.cells().size(); i++) {
                index.putIfAbsent(header.cell(i).strip().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = java.util.Arrays.stream(columns).filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file + " lacks the column(s) " + String.join(", ", missing));
            }
            List<Line> lines = new ArrayList<>();
            for (Optional<CsvRow> next = reader.next(); next.isPresent(); next = reader.next()) {
                CsvRow row = next.get();
                if (row.blank()) {
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (String c : columns) {
                    cells.put(c, row.cell(index.get(c)).strip());
                }
                lines.add(new Line(row.number(), cells));
            }
            return lines;
        }
    }

    private static Optional<BigDecimal> amount(String text) {
        try {
            BigDecimal v = new BigDecimal(text);
            return v.signum() < 0 ? Optional.empty() : Optional.of(v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A product's option key: its name in lower case without spaces, so {@code GTX Pro} and {@code GTXPro} meet. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private DatasetProblem problem(Line row, String column, String value, String code, Outcome outcome,
                                   String detail) {
        return new DatasetProblem(PIPELINE, row.number(), column, value, code, outcome, detail);
    }

    private void problem(String file, Line row, String column, String value, String code, Outcome outcome,
                         String detail) {
        problems.add(new DatasetProblem(file, row.number(), column, value, code, outcome, detail));
    }
}
