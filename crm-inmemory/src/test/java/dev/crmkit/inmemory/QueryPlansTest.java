package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Storage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The query planner answers exactly as a full scan does: the same seeded deals go into a storage with query
 * indexes and one without, and random filters, sorts and page sizes, paged through their cursors,
 * inside transactions that have written, changed and deleted deals of their own, must give the same pages and
 * counts on both, while every plan is taken.
 */
@DisplayName("In-memory query plans answer as a full scan does")
class QueryPlansTest {

    private static final CustomFieldId REGION = CustomFieldId.of(new UUID(0x7000_0000_0000_0001L, 1));
    private static final String[] REGIONS = {"north", "south", "west", "east", "volga"};
    private static final String[] CURRENCIES = {"RUB", "RUB", "RUB", "USD", "JPY"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** How many pages of each query are compared: enough to follow cursors deep into the order. */
    private static final int PAGES = 8;

    private final Random random = new Random(20261123);
    private final List<PipelineId> pipelines = new ArrayList<>();
    private final List<List<StageId>> stages = new ArrayList<>();
    private final List<UserId> users = new ArrayList<>();
    private final EnumSet<Planner.Kind> plans = EnumSet.noneOf(Planner.Kind.class);

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private Deal deal(DealId id, long version) {
        int p = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
        List<StageId> ps = stages.get(p);
        Instant created = T0.plusSeconds(60L * random.nextInt(500));
        var b = Deal.builder().id(id).version(version).created(created).updated(created)
                .name("Deal " + (char) ('A' + random.nextInt(26)) + random.nextInt(40)).pipeline(pipelines.get(p))
                .stage(ps.get(Math.min(random.nextInt(ps.size()), random.nextInt(ps.size())))).stageEntered(created)
                .responsible(users.get(random.nextInt(users.size())));
        if (random.nextInt(100) >= 15) {
            // Round sums repeat, and 100 JPY equals 100.00 RUB as an amount: ties are frequent.
            BigDecimal amount = random.nextBoolean() ? BigDecimal.valueOf(100L * random.nextInt(30))
                    : BigDecimal.valueOf(random.nextInt(300_000), 2);
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            if (currency.equals("JPY")) {
                amount = amount.setScale(0, java.math.RoundingMode.DOWN);
            }
            b.budget(Budget.fixed(Money.of(amount, currency)));
        }
        if (random.nextInt(3) > 0) {
            b.expectedClose(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60)));
        }
        if (random.nextInt(5) > 0) {
            b.customFields(new CustomFieldValues(Map.of(REGION, new FieldValue.Choice(REGIONS[random.nextInt(REGIONS.length)]))));
        }
        return b.build();
    }

    private <V> V pick(List<V> list) {
        return list.get(random.nextInt(list.size()));
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(random.nextInt(3200)).movePointLeft(random.nextInt(2));
    }

    /** One random condition on the indexed and unindexed fields. */
    private Filter<Deal> condition() {
        Field<Deal, String> region = CustomFieldQuery.choice(REGION);
        int p = random.nextInt(3);
        switch (random.nextInt(16)) {
            case 0:
                return DealFields.PIPELINE.eq(pipelines.get(p));
            case 1:
                return DealFields.PIPELINE.in(List.of(pipelines.get(p), pick(pipelines)));
            case 2:
                return DealFields.STAGE.eq(pick(stages.get(p)));
            case 3:
                return DealFields.STAGE.in(List.of(pick(stages.get(p)), pick(stages.get(p)), pick(stages.get(random.nextInt(3)))));
            case 4:
                return DealFields.RESPONSIBLE.eq(pick(users));
            case 5:
                return DealFields.BUDGET_AMOUNT.between(amount(), amount());
            case 6:
                return random.nextBoolean() ? DealFields.BUDGET_AMOUNT.gt(amount()) : DealFields.BUDGET_AMOUNT.le(amount());
            case 7:
                return random.nextBoolean() ? DealFields.BUDGET_AMOUNT.lt(amount()) : DealFields.BUDGET_AMOUNT.ge(amount());
            case 8:
                return DealFields.BUDGET_AMOUNT.eq(BigDecimal.valueOf(100L * random.nextInt(30)));
            case 9:
                return random.nextBoolean() ? DealFields.BUDGET_AMOUNT.present() : Filter.not(DealFields.BUDGET_AMOUNT.present());
            case 10:
                return DealFields.CREATED.between(T0.plusSeconds(60L * random.nextInt(500)), T0.plusSeconds(60L * random.nextInt(500)));
            case 11:
                return DealFields.EXPECTED_CLOSE.in(List.of(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60)),
                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60))));
            case 12:
                return region.in(List.of(REGIONS[random.nextInt(5)], REGIONS[random.nextInt(5)]));
            case 13:
                return DealFields.BUDGET_AMOUNT.ne(BigDecimal.valueOf(100L * random.nextInt(30)));
            case 14:
                return DealFields.NAME.contains(String.valueOf((char) ('A' + random.nextInt(26))));
            default:
                return Filter.all();
        }
    }

    private Filter<Deal> filter() {
        int shape = random.nextInt(10);
        List<Filter<Deal>> parts = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            parts.add(condition());
        }
        if (shape == 0) {
            return new Filter.Or<>(parts);
        }
        if (shape == 1) {
            return Filter.not(new Filter.And<>(parts));
        }
        if (shape == 2 && parts.size() > 1) {
            return Filter.and(parts.get(0), new Filter.And<>(parts.subList(1, parts.size())));
        }
        return new Filter.And<>(parts);
    }

    private Sort<Deal> sort() {
        List<Field<Deal, ?>> sortable = List.of(DealFields.BUDGET_AMOUNT, DealFields.CREATED, DealFields.EXPECTED_CLOSE);
        switch (random.nextInt(7)) {
            case 0:
                return Sort.byId();
            case 1:
                return Sort.by(pick(sortable));
            case 2:
                return Sort.byDescending(pick(sortable));
            case 3:
                return Sort.byDescending(DealFields.BUDGET_AMOUNT).then(DealFields.NAME);
            case 4:
                return Sort.by(DealFields.CREATED).thenDescending(DealFields.EXPECTED_CLOSE);
            case 5:
                return Sort.by(DealFields.NAME);
            default:
                return random.nextBoolean() ? Sort.byDescending(DealFields.BUDGET_AMOUNT) : Sort.by(DealFields.BUDGET_AMOUNT);
        }
    }

    /** The first pages of a query (at most {@link #PAGES}), read in one transaction that first applies the given writes. */
    private List<Slice<Deal>> pages(Storage storage, Function<dev.crmkit.spi.Transaction, Void> writes, Filter<Deal> filter,
                                    Sort<Deal> sort, int size, long[] count) {
        return storage.inTransaction(tx -> {
            writes.apply(tx);
            List<Slice<Deal>> all = new ArrayList<>();
            PageRequest page = PageRequest.first(size);
            while (true) {
                Slice<Deal> slice = tx.deals().query(filter, sort, page);
                if (tx instanceof MemoryTransaction && ((MemoryTransaction) tx).deals.lastPlan != null) {
                    plans.add(((MemoryTransaction) tx).deals.lastPlan.kind());
                }
                all.add(slice);
                if (slice.next().isEmpty() || all.size() == PAGES) {
                    break;
                }
                page = PageRequest.after(size, slice.next().get());
            }
            count[0] = tx.deals().count(filter);
            throw new Rollback(all);
        });
    }

    /** Ends a transaction without committing, carrying what it read. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Slice<Deal>> pages;

        Rollback(List<Slice<Deal>> pages) {
            super(null, null, false, false);
            this.pages = pages;
        }
    }

    private List<Slice<Deal>> read(Storage storage, Function<dev.crmkit.spi.Transaction, Void> writes, Filter<Deal> filter,
                                   Sort<Deal> sort, int size, long[] count) {
        try {
            return pages(storage, writes, filter, sort, size, count);
        } catch (Rollback r) {
            return r.pages;
        }
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("600 random queries over 3,000 deals, with and without a transaction's own writes, 8 pages each")
    void sameAnswersAsAScan() {
        for (int p = 0; p < 3; p++) {
            pipelines.add(PipelineId.of(uuid()));
            List<StageId> list = new ArrayList<>();
            for (int s = 0; s < 4 + p; s++) {
                list.add(StageId.of(uuid()));
            }
            stages.add(list);
        }
        for (int u = 0; u < 6; u++) {
            users.add(UserId.of(uuid()));
        }
        InMemoryStorage planned = InMemoryStorage.create();
        InMemoryStorage scanned = InMemoryStorage.withoutQueryIndexes();
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            deals.add(deal(DealId.of(uuid()), 1));
        }
        for (Storage s : List.of(planned, scanned)) {
            s.run(tx -> deals.forEach(tx.deals()::insert));
        }
        int compared = 0;
        for (int q = 0; q < 600; q++) {
            Filter<Deal> filter = filter();
            Sort<Deal> sort = sort();
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
            List<Deal> inserted = new ArrayList<>();
            List<Deal> updated = new ArrayList<>();
            List<Deal> deleted = new ArrayList<>();
            if (q % 3 == 0) {
                for (int i = random.nextInt(6); i >= 0; i--) {
                    inserted.add(deal(DealId.of(uuid()), 1));
                    Deal old = deals.get(random.nextInt(deals.size()));
                    if (updated.stream().noneMatch(u -> u.id().equals(old.id())) && !deleted.contains(old)) {
                        updated.add(deal(old.id(), old.version() + 1));
                    }
                    Deal gone = deals.get(random.nextInt(deals.size()));
                    if (!deleted.contains(gone) && !gone.id().equals(old.id())
                            && updated.stream().noneMatch(u -> u.id().equals(gone.id()))) {
                        deleted.add(gone);
                    }
                }
            }
            Function<dev.crmkit.spi.Transaction, Void> writes = tx -> {
                inserted.forEach(tx.deals()::insert);
                for (Deal d : updated) {
                    tx.deals().update(d, d.version() - 1);
                }
                for (Deal d : deleted) {
                    tx.deals().delete(d.id(), d.version());
                }
                return null;
            };
            long[] plannedCount = new long[1];
            long[] scannedCount = new long[1];
            List<Slice<Deal>> expected = read(scanned, writes, filter, sort, size, scannedCount);
            List<Slice<Deal>> actual = read(planned, writes, filter, sort, size, plannedCount);
            assertThat(ids(actual)).as("query %d: %s by %s, pages of %d", q, filter, sort, size).isEqualTo(ids(expected));
            assertThat(actual).as("pages and cursors").isEqualTo(expected);
            assertThat(plannedCount[0]).as("count of %s", filter).isEqualTo(scannedCount[0]);
            compared += expected.stream().mapToInt(s -> s.items().size()).sum();
        }
        assertThat(compared).as("the queries found deals").isGreaterThan(10_000);
        assertThat(plans).as("every plan was taken").containsExactlyInAnyOrder(Planner.Kind.values());
    }

    private static List<List<DealId>> ids(List<Slice<Deal>> pages) {
        return pages.stream().map(s -> s.items().stream().map(Deal::id).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("the benchmark's query shape walks the stages' budget index and stops after the page")
    void pipelineStagesBudgetAndListWalkTheStageIndex() {
        PipelineId p = PipelineId.of(uuid());
        List<StageId> st = List.of(StageId.of(uuid()), StageId.of(uuid()), StageId.of(uuid()));
        for (int i = 0; i < 3; i++) {
            pipelines.add(p);
            stages.add(st);
        }
        users.add(UserId.of(uuid()));
        InMemoryStorage storage = InMemoryStorage.create();
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            deals.add(deal(DealId.of(uuid()), 1));
        }
        storage.run(tx -> deals.forEach(tx.deals()::insert));
        Filter<Deal> filter = Filter.and(DealFields.PIPELINE.eq(p), DealFields.STAGE.in(List.of(st.get(0), st.get(1))),
                DealFields.BUDGET_AMOUNT.between(new BigDecimal("500"), new BigDecimal("2500")),
                CustomFieldQuery.<Deal>choice(REGION).in(List.of("north", "south")));
        Sort<Deal> sort = Sort.byDescending(DealFields.BUDGET_AMOUNT);
        List<Deal> expected = deals.stream().filter(filter::test).sorted((a, b) -> {
            int c = DealFields.BUDGET_AMOUNT.compare(DealFields.BUDGET_AMOUNT.sortKey(b), DealFields.BUDGET_AMOUNT.sortKey(a));
            return c != 0 ? c : dev.crmkit.api.EntityId.ORDER.compare(a.id(), b.id());
        }).limit(10).collect(Collectors.toList());
        Planner.Result<?> plan = storage.inTransaction(tx -> {
            assertThat(tx.deals().query(filter, sort, PageRequest.first(10)).items()).isEqualTo(expected);
            return ((MemoryTransaction) tx).deals.lastPlan;
        });
        assertThat(expected).hasSize(10);
        assertThat(plan.kind()).isEqualTo(Planner.Kind.PARTITION_WALK);
        assertThat(plan.index()).isEqualTo("stage, budget.amount");
        assertThat(plan.matches()).as("it stopped after the page and one more").hasSize(11);
        Set<DealId> seen = plan.matches().stream().map(d -> ((Deal) d).id()).collect(Collectors.toSet());
        assertThat(seen).containsAll(expected.stream().map(Deal::id).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("a query for an exact contact name reads only the namesakes the name index finds and keeps exact matches")
    void contactNameUsesTheNameIndex() {
        InMemoryStorage storage = InMemoryStorage.create();
        UserId owner = UserId.of(uuid());
        List<Contact> contacts = new ArrayList<>();
        String[] names = {"Maria Orlova", "maria  orlova", "MARIA ORLOVA", "Ivan Petrov", "Anna Ivanova"};
        for (int i = 0; i < 500; i++) {
            String[] parts = names[i % names.length].split(" +");
            contacts.add(Contact.builder().id(ContactId.of(uuid())).created(T0).updated(T0)
                    .name(PersonName.of(parts[0], parts[1])).responsible(owner)
                    .access(dev.crmkit.api.contact.AccessLevel.SHARED_READ).build());
        }
        storage.run(tx -> contacts.forEach(tx.contacts()::insert));
        Filter<Contact> filter = ContactFields.NAME.eq("Maria Orlova");
        Planner.Result<?> plan = storage.inTransaction(tx -> {
            assertThat(tx.contacts().query(filter, Sort.byId(), PageRequest.first(1_000)).items())
                    .hasSize(100).allSatisfy(c -> assertThat(c.name().full()).isEqualTo("Maria Orlova"));
            assertThat(tx.contacts().count(ContactFields.NAME.in(List.of("Ivan Petrov", "ivan petrov", "Nobody"))))
                    .isEqualTo(100);
            return ((MemoryTransaction) tx).contacts.lastPlan;
        });
        assertThat(plan.kind()).isEqualTo(Planner.Kind.RESTRICTION);
        assertThat(plan.index()).isEqualTo("name");
        assertThat(plan.matches()).as("two spellings of one name are looked up once, not counted twice").hasSize(100);
    }
}
