package dev.crmkit.bench;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealBuilder;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.spi.Storage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generated deals of a CRM in use for some years, the same for a seed on every run: six pipelines of very
 * different sizes, stages filled as a sales funnel (the early stages fuller, many deals won or lost), skewed
 * budgets (log-normal, mostly round sums that repeat, some absent, a few in dollars or euros), and five custom
 * fields of deals, each absent on a share of them: a region (list), products (multi-list), seats (number), a
 * contract date (date) and a comment (text, with the placeholders people type).
 */
public final class DealData {

    /** The region list's option keys, the most common first. */
    static final String[] REGIONS = {"msk", "spb", "volga", "ural", "south", "siberia", "north-west", "far-east",
        "kaliningrad", "crimea", "abroad", "other"};
    private static final double[] REGION_WEIGHTS = {28, 14, 12, 10, 9, 7, 6, 4, 3, 3, 2, 2};
    private static final String[] PRODUCTS = {"licences", "support", "training", "hardware", "integration", "audit",
        "hosting", "consulting"};
    private static final String[] COMMENTS = {"перезвонить", "  Перезвонить ", "НД", "нд.", "call back", "думает",
        "Клиент думает, ждём ответа до пятницы", "Sent the offer, waiting for the budget approval",
        "Выставлен счёт на 50%, остаток после поставки", "thinking", "no answer", "Договор у юристов"};
    private static final String[] COMPANIES = {"ООО «Ромашка»", "Romashka LLC", "АО Вектор", "Vector JSC", "ИП Петров",
        "ООО Северный ветер", "Stroymontazh", "ООО СтройМонтаж", "ГК Альфа", "Alpha Group"};
    private static final String[][] STAGES = {
        {"First contact", "Qualification", "Proposal", "Negotiation", "Contract", "Invoice", "Payment"},
        {"Application", "Check", "Agreement", "Onboarding", "First order"},
        {"Announced", "Documents", "Submitted", "Auction", "Contract", "Delivery"},
        {"Due soon", "Offer sent", "Negotiation", "Renewed"},
        {"Request", "Diagnostics", "Estimate", "Repair", "Handover"},
        {"Cart", "Checkout", "Paid", "Shipped"}};
    private static final String[] PIPELINES = {"Sales", "Partners", "Tenders", "Renewals", "Service", "Online"};
    private static final double[] PIPELINE_WEIGHTS = {40, 20, 15, 12, 8, 5};
    static final Instant START = Instant.parse("2023-01-09T06:00:00Z");
    private static final long SPAN_SECONDS = ChronoUnit.DAYS.getDuration().getSeconds() * 3 * 365;

    /**
     * A CRM whose pipelines, managers and custom fields the deals use.
     *
     * @param crm the facade
     * @param admin the administrator's session
     * @param pipelines the six pipelines, the largest first
     * @param managers the users deals are assigned to
     * @param region the list field
     * @param products the multi-list field
     * @param seats the number field
     * @param contract the date field
     * @param comment the text field
     */
    public record World(Crm crm, CrmSession admin, List<Pipeline> pipelines, List<UserId> managers, CustomField region,
                        CustomField products, CustomField seats, CustomField contract, CustomField comment) {
    }

    private DealData() {
    }

    /**
     * Sets up a CRM on a storage: an administrator, twenty managers, the pipelines and the five custom fields.
     *
     * @param storage an empty storage
     * @return the world
     */
    public static World world(Storage storage) {
        Crm crm = Crm.builder().storage(storage).policy(Policies.amoCrm()).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        CrmSession session = crm.as(admin.id());
        List<UserId> managers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            managers.add(session.users().add(UserForm.named("Manager " + i)).id());
        }
        List<Pipeline> pipelines = new ArrayList<>();
        for (int p = 0; p < PIPELINES.length; p++) {
            NewPipeline form = NewPipeline.named(PIPELINES[p]);
            for (int s = 0; s < STAGES[p].length; s++) {
                form.stage(STAGES[p][s], 10 + 80 * s / STAGES[p].length);
            }
            pipelines.add(session.pipelines().create(form));
        }
        CustomFieldForm region = CustomFieldForm.of(EntityType.DEAL, "Region", FieldType.LIST);
        for (String r : REGIONS) {
            region.option(r, r.toUpperCase(java.util.Locale.ROOT));
        }
        CustomFieldForm products = CustomFieldForm.of(EntityType.DEAL, "Products", FieldType.MULTI_LIST);
        for (String p : PRODUCTS) {
            products.option(p, p);
        }
        return new World(crm, session, List.copyOf(pipelines), List.copyOf(managers),
                session.customFields().define(region), session.customFields().define(products),
                session.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Seats", FieldType.NUMBER)),
                session.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Contract date", FieldType.DATE)),
                session.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Comment", FieldType.TEXT)));
    }

    private static int weighted(Random r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A stage as a funnel fills them: 30 % lost, 15 % won, the open ones halving from the first on. */
    private static Stage stage(Random r, Pipeline p) {
        double x = r.nextDouble();
        if (x < 0.30) {
            return p.lostStage();
        }
        if (x < 0.45) {
            return p.wonStage();
        }
        List<Stage> open = p.stages().stream().filter(s -> !s.equals(p.wonStage()) && !s.equals(p.lostStage())).toList();
        double[] weights = new double[open.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.pow(0.7, i);
        }
        return open.get(weighted(r, weights));
    }

    /**
     * The deals, with ids that rise with their creation time as the id generator's do.
     *
     * @param w the world
     * @param seed the seed
     * @param count how many
     * @return the deals, at version 1
     */
    public static List<Deal> deals(World w, long seed, int count) {
        Random r = new Random(seed);
        List<Deal> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant created = START.plusSeconds((long) ((double) SPAN_SECONDS * i / count) + r.nextInt(600))
                    .truncatedTo(ChronoUnit.MICROS);
            UUID id = new UUID((created.toEpochMilli() << 16) | 0x7000L | r.nextInt(0x1000),
                    (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
            Pipeline p = w.pipelines().get(weighted(r, PIPELINE_WEIGHTS));
            Stage stage = stage(r, p);
            int manager = Math.min(w.managers().size() - 1, (int) Math.abs(r.nextGaussian() * 6));
            DealBuilder b = Deal.builder().id(DealId.of(id)).created(created).updated(created.plusSeconds(r.nextInt(86_400)))
                    .name(COMPANIES[r.nextInt(COMPANIES.length)] + (r.nextInt(4) == 0 ? "" : " — deal " + r.nextInt(5000)))
                    .pipeline(p.id()).stage(stage.id()).stageEntered(created).responsible(w.managers().get(manager));
            if (r.nextInt(100) >= 12) {
                b.budget(Budget.fixed(budget(r)));
            }
            if (r.nextInt(10) >= 3) {
                b.expectedClose(LocalDate.ofInstant(created, java.time.ZoneOffset.UTC).plusDays(7 + r.nextInt(120)));
            }
            if (r.nextInt(10) < 3) {
                b.tags(r.nextBoolean() ? Set.of("vip") : Set.of("tender", "q" + (1 + r.nextInt(4))));
            }
            b.customFields(customFields(w, r));
            list.add(b.build());
        }
        return list;
    }

    /** Log-normal around 150,000: mostly whole thousands or tens of thousands (repeating), some to the kopeck. */
    private static Money budget(Random r) {
        if (r.nextInt(50) == 0) {
            return Money.of(BigDecimal.ZERO, "RUB");
        }
        double raw = Math.exp(Math.log(150_000) + 1.2 * r.nextGaussian());
        BigDecimal amount = BigDecimal.valueOf(Math.min(raw, 5e9)).setScale(2, RoundingMode.HALF_UP);
        int shape = r.nextInt(20);
        if (shape < 12) {
            amount = amount.setScale(-3, RoundingMode.HALF_UP).setScale(2);
        } else if (shape < 17) {
            amount = amount.setScale(-4, RoundingMode.HALF_UP).setScale(2);
        }
        int currency = r.nextInt(20);
        return Money.of(amount, currency < 17 ? "RUB" : currency < 19 ? "USD" : "EUR");
    }

    private static CustomFieldValues customFields(World w, Random r) {
        Map<CustomFieldId, FieldValue> values = new LinkedHashMap<>();
        if (r.nextInt(100) >= 15) {
            values.put(w.region().id(), new FieldValue.Choice(REGIONS[weighted(r, REGION_WEIGHTS)]));
        }
        if (r.nextInt(100) >= 25) {
            Set<String> chosen = new LinkedHashSet<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                chosen.add(PRODUCTS[Math.min(PRODUCTS.length - 1, (int) Math.abs(r.nextGaussian() * 3))]);
            }
            values.put(w.products().id(), new FieldValue.Choices(chosen));
        }
        if (r.nextInt(100) >= 40) {
            values.put(w.seats().id(), new FieldValue.Number(r.nextInt(8) == 0
                    ? BigDecimal.valueOf(r.nextInt(5000), 1) : BigDecimal.valueOf(5L * (1 + r.nextInt(60)))));
        }
        if (r.nextInt(100) >= 50) {
            values.put(w.contract().id(), new FieldValue.Date(LocalDate.of(2023, 1, 1).plusDays(r.nextInt(1200))));
        }
        if (r.nextInt(100) >= 30) {
            values.put(w.comment().id(), new FieldValue.Text(COMMENTS[r.nextInt(COMMENTS.length)]));
        }
        return new CustomFieldValues(values);
    }
}
