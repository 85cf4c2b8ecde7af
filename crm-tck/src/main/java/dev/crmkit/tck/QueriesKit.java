package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealBuilder;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Filters, sorting and keyset paging. */
abstract class QueriesKit extends StorageKitBase {

    private User anna;
    private User boris;
    private Pipeline sales;
    private List<Deal> deals;

    @BeforeEach
    void thirtyDeals() {
        anna = user("Anna");
        boris = user("Boris");
        sales = pipeline("Sales", 0);
        Contact ivan = data.aContact("Ivan", "Petrov", anna.id());
        Contact petr = data.aContact("Petr", "Ivanov", anna.id());
        committed(tx -> tx.contacts().insert(ivan));
        committed(tx -> tx.contacts().insert(petr));
        List<Deal> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DealBuilder b = data.aDeal("Deal " + (char) ('A' + (i * 7) % 26) + i, sales,
                    i % 3 == 0 ? boris.id() : anna.id(), i % 5 == 4 ? null : (100 * (i % 7)) + ".00").toBuilder();
            if (i % 2 == 0) {
                b.contacts(List.of(ivan.id()));
            }
            if (i % 3 == 1) {
                b.contacts(List.of(petr.id(), ivan.id()));
            }
            if (i % 4 == 0) {
                b.tags(List.of("hot", "q4"));
            }
            if (i % 6 == 5) {
                b.stage(sales.wonStage().id());
            }
            list.add(b.build());
        }
        storage.run(tx -> list.forEach(tx.deals()::insert));
        deals = list;
    }

    private List<Deal> all(Filter<Deal> filter, Sort<Deal> sort) {
        List<Deal> result = new ArrayList<>();
        PageRequest page = PageRequest.first(4);
        while (true) {
            PageRequest current = page;
            Slice<Deal> slice = storage.inTransaction((Transaction tx) -> tx.deals().query(filter, sort, current));
            assertThat(slice.items().size()).isLessThanOrEqualTo(4);
            result.addAll(slice.items());
            if (!slice.hasNext()) {
                return result;
            }
            page = page.next(slice);
        }
    }

    private List<Deal> expected(java.util.function.Predicate<Deal> p) {
        return deals.stream().filter(p).sorted(Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER))
                .collect(Collectors.toList());
    }

    private BigDecimal amount(Deal d) {
        return d.budget().map(b -> b.amount().amount()).orElse(null);
    }

    @Test
    @DisplayName("equality and inequality on a single-valued field")
    void equality() {
        assertThat(all(DealFields.RESPONSIBLE.eq(boris.id()), Sort.byId()))
                .isEqualTo(expected(d -> d.responsible().equals(boris.id())));
        assertThat(all(DealFields.RESPONSIBLE.ne(boris.id()), Sort.byId()))
                .isEqualTo(expected(d -> !d.responsible().equals(boris.id())));
    }

    @Test
    @DisplayName("order comparisons fail on absent values; NE matches absent values")
    void comparisons() {
        BigDecimal three = new BigDecimal("300");
        assertThat(all(DealFields.BUDGET_AMOUNT.gt(three), Sort.byId()))
                .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) > 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.ge(three), Sort.byId()))
                .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) >= 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.lt(three), Sort.byId()))
                .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) < 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.le(three), Sort.byId()))
                .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) <= 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.ne(three), Sort.byId()))
                .isEqualTo(expected(d -> amount(d) == null || amount(d).compareTo(three) != 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.eq(new BigDecimal("300.000")), Sort.byId()))
                .as("numbers compare by value, not scale")
                .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) == 0));
        assertThat(all(DealFields.BUDGET_AMOUNT.present(), Sort.byId()))
                .isEqualTo(expected(d -> d.budget().isPresent()));
    }

    @Test
    @DisplayName("many-valued fields match when some value matches")
    void manyValued() {
        Contact petr = storage.inTransaction((Transaction tx) -> tx.contacts().query(ContactFields.NAME.eq("Petr Ivanov"),
                Sort.byId(), PageRequest.first(1)).items().get(0));
        assertThat(all(DealFields.CONTACT.eq(petr.id()), Sort.byId()))
                .isEqualTo(expected(d -> d.contacts().contains(petr.id())));
        assertThat(all(DealFields.CONTACT.ne(petr.id()), Sort.byId()))
                .isEqualTo(expected(d -> !d.contacts().contains(petr.id())));
        assertThat(all(DealFields.TAG.in(List.of("q4", "cold")), Sort.byId()))
                .isEqualTo(expected(d -> d.tags().contains("q4")));
    }

    @Test
    @DisplayName("AND, OR and NOT combine with two-valued logic")
    void andOrNotUseTwoValuedLogic() {
        Filter<Deal> f = Filter.or(
                Filter.and(DealFields.RESPONSIBLE.eq(anna.id()), DealFields.TAG.eq("hot")),
                Filter.not(DealFields.BUDGET_AMOUNT.le(new BigDecimal("200"))));
        assertThat(all(f, Sort.byId())).isEqualTo(expected(d ->
                (d.responsible().equals(anna.id()) && d.tags().contains("hot"))
                        || !(amount(d) != null && amount(d).compareTo(new BigDecimal("200")) <= 0)));
        assertThat(all(Filter.and(), Sort.byId())).hasSize(30);
        assertThat(all(Filter.or(), Sort.byId())).isEmpty();
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().count(DealFields.STAGE.eq(sales.wonStage().id()))))
                .isEqualTo(expected(d -> d.stage().equals(sales.wonStage().id())).size());
    }

    @Test
    @DisplayName("sorting by a field, then by id; absent values last ascending and first descending")
    void sorting() {
        Comparator<BigDecimal> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Deal> byId = Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER);
        List<Deal> asc = deals.stream().sorted(Comparator.comparing(this::amount, nullsLast).thenComparing(byId))
                .collect(Collectors.toList());
        assertThat(all(Filter.all(), Sort.by(DealFields.BUDGET_AMOUNT))).isEqualTo(asc);
        List<Deal> desc = deals.stream()
                .sorted(Comparator.comparing(this::amount, nullsLast.reversed()).thenComparing(byId))
                .collect(Collectors.toList());
        assertThat(all(Filter.all(), Sort.byDescending(DealFields.BUDGET_AMOUNT))).isEqualTo(desc);
        List<Deal> byName = deals.stream().sorted(Comparator.comparing(Deal::name).thenComparing(byId))
                .collect(Collectors.toList());
        assertThat(all(Filter.all(), Sort.by(DealFields.NAME))).isEqualTo(byName);
        List<Deal> byOwnerThenBudget = deals.stream().sorted(Comparator
                .comparing((Deal d) -> d.responsible(), dev.crmkit.api.EntityId.ORDER.reversed())
                .thenComparing(this::amount, nullsLast).thenComparing(byId)).collect(Collectors.toList());
        assertThat(all(Filter.all(), Sort.byDescending(DealFields.RESPONSIBLE).then(DealFields.BUDGET_AMOUNT)))
                .isEqualTo(byOwnerThenBudget);
    }

    @Test
    @DisplayName("keyset paging visits every record once even while records are inserted and deleted")
    void pagingIsStable() {
        Sort<Deal> sort = Sort.by(DealFields.BUDGET_AMOUNT);
        Slice<Deal> first = storage.inTransaction((Transaction tx) -> tx.deals().query(Filter.all(), sort, PageRequest.first(10)));
        assertThat(first.items()).hasSize(10);
        Cursor cursor = first.next().orElseThrow();
        Deal early = data.aDeal("Cheap newcomer", sales, anna.id(), "0.00");
        Deal deletedLater = first.items().get(3);
        storage.run(tx -> {
            tx.deals().insert(early);
            tx.deals().delete(deletedLater.id(), deletedLater.version());
        });
        List<Deal> rest = new ArrayList<>();
        PageRequest page = PageRequest.after(10, cursor);
        while (true) {
            PageRequest current = page;
            Slice<Deal> s = storage.inTransaction((Transaction tx) -> tx.deals().query(Filter.all(), sort, current));
            rest.addAll(s.items());
            if (!s.hasNext()) {
                break;
            }
            page = page.next(s);
        }
        Set<DealId> seen = new HashSet<>();
        first.items().forEach(d -> seen.add(d.id()));
        for (Deal d : rest) {
            assertThat(seen.add(d.id())).as("visited once: " + d.name()).isTrue();
        }
        assertThat(seen).containsAll(deals.stream().map(Deal::id).collect(Collectors.toList()));
        assertThat(seen).doesNotContain(early.id());
    }

    @Test
    @DisplayName("the last page has no cursor; an empty result is one empty page")
    void lastPage() {
        Slice<Deal> none = storage.inTransaction((Transaction tx) ->
                tx.deals().query(DealFields.NAME.eq("nothing"), Sort.byId(), PageRequest.first(5)));
        assertThat(none.items()).isEmpty();
        assertThat(none.hasNext()).isFalse();
        Slice<Deal> exact = storage.inTransaction((Transaction tx) ->
                tx.deals().query(Filter.all(), Sort.byId(), PageRequest.first(30)));
        assertThat(exact.items()).hasSize(30);
        assertThat(exact.hasNext()).isFalse();
    }

    @Test
    @DisplayName("a filter value of the wrong type or an order comparison on an unordered field is a typed error")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void badFilters() {
        dev.crmkit.api.query.Field raw = DealFields.BUDGET_AMOUNT;
        assertThatThrownBy(() -> raw.eq("300"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("filter.value.type"));
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("count agrees with the filter")
    void countAgreesWithTheFilter() {
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().count(DealFields.TAG.eq("hot"))))
                .isEqualTo(expected(d -> d.tags().contains("hot")).size());
    }

    @Test
    @DisplayName("strings sort by code point on every adapter: U+FF01 before an emoji, which UTF-16 puts first")
    void stringsSortByCodePoint() {
        List<String> names = List.of("\uD83D\uDE00 emoji", "\uFF01 fullwidth", "\uE000 private", "z latin");
        storage.run(tx -> names.forEach(n -> tx.deals().insert(data.aDeal(n, sales, anna.id(), null))));
        assertThat(all(DealFields.NAME.ge("\uE000"), Sort.by(DealFields.NAME))).extracting(Deal::name)
                .containsExactly("\uE000 private", "\uFF01 fullwidth", "\uD83D\uDE00 emoji");
        assertThat(all(DealFields.NAME.gt("\uFFFF"), Sort.byId())).extracting(Deal::name)
                .containsExactly("\uD83D\uDE00 emoji");
    }
}
