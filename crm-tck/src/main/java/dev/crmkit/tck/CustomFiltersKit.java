package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.field.CustomFieldForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Filtering, sorting and paging by standard and custom fields of every type (DEAL-11), with the same
 * answers on every adapter: comparisons and ranges on numbers, money, dates and instants, contains on text,
 * any-of on lists, presence, AND/OR/NOT, keyset pages in a stable order.
 */
abstract class CustomFiltersKit extends FacadeKitBase {

    private Pipeline p;
    private CustomFieldId seats;
    private CustomFieldId price;
    private CustomFieldId since;
    private CustomFieldId call;
    private CustomFieldId vip;
    private CustomFieldId note;
    private CustomFieldId region;
    private CustomFieldId colours;

    private CustomFieldId field(String name, FieldType type, String... options) {
        CustomFieldForm form = CustomFieldForm.of(EntityType.DEAL, name, type);
        for (String o : options) {
            form.option(o, o.toUpperCase(java.util.Locale.ROOT));
        }
        return anna.customFields().define(form).id();
    }

    private void deal(String name, long budget, int stage, UnaryOperator<DealForm> with) {
        anna.deals().create(with.apply(DealForm.in(p.id()).name(name).stage(p.stages().get(stage).id())
                .budget(Money.of(BigDecimal.valueOf(budget), "RUB"))));
    }

    @BeforeEach
    void deals() {
        p = sales();
        seats = field("Seats", FieldType.NUMBER);
        price = field("Price", FieldType.MONEY);
        since = field("Client since", FieldType.DATE);
        call = field("Next call", FieldType.DATE_TIME);
        vip = field("VIP", FieldType.CHECKBOX);
        note = field("Note", FieldType.TEXT);
        region = field("Region", FieldType.LIST, "north", "south", "west");
        colours = field("Colours", FieldType.MULTI_LIST, "red", "green", "blue");
        deal("Alpha", 100, 0, f -> f.customField(seats, "10").customField(price, "1500 RUB").customField(region, "north")
                .customField(colours, "red, green").customField(since, "2020-01-15").customField(vip, "yes")
                .customField(note, "Office chairs, grey").customField(call, "2026-11-05T10:00:00Z"));
        deal("Bravo", 250, 1, f -> f.customField(seats, "25.5").customField(price, "900 EUR").customField(region, "south")
                .customField(colours, "blue").customField(since, "2024-06-01").customField(vip, "no")
                .customField(note, "office desks"));
        deal("Charlie", 250, 1, f -> f.customField(seats, "50").customField(region, "west").customField(colours, "red")
                .customField(call, "2026-11-03T08:00:00Z"));
        deal("Delta", 400, 2, f -> f.customField(seats, "-3").customField(region, "north")
                .customField(note, "Chairs for the Office"));
        deal("Echo", 900, 0, f -> f);
        deal("Foxtrot", 50, 1, f -> f.customField(seats, "10.000").customField(colours, "green, blue")
                .customField(vip, "да").customField(since, "2024-06-01"));
    }

    private List<String> names(Filter<Deal> filter) {
        return anna.deals().query(filter, Sort.by(DealFields.NAME), PageRequest.first(100)).items().stream()
                .map(Deal::name).toList();
    }

    private static <V> Field<Deal, V> on(Field<Deal, V> f) {
        return f;
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("numbers, money, dates and instants compare and take ranges; an absent value matches no comparison")
    void rangesOfEveryOrderedType() {
        Field<Deal, BigDecimal> seatCount = CustomFieldQuery.number(seats);
        assertThat(names(seatCount.between(new BigDecimal("10"), new BigDecimal("30"))))
                .containsExactly("Alpha", "Bravo", "Foxtrot");
        assertThat(names(seatCount.eq(BigDecimal.TEN))).as("10.000 is 10").containsExactly("Alpha", "Foxtrot");
        assertThat(names(seatCount.lt(BigDecimal.ZERO))).containsExactly("Delta");
        assertThat(names(seatCount.ne(BigDecimal.TEN))).as("ne matches absent values too")
                .containsExactly("Bravo", "Charlie", "Delta", "Echo");
        assertThat(names(on(CustomFieldQuery.money(price)).ge(new BigDecimal("1000")))).containsExactly("Alpha");
        assertThat(names(on(CustomFieldQuery.date(since)).between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))))
                .containsExactly("Bravo", "Foxtrot");
        assertThat(names(on(CustomFieldQuery.dateTime(call)).lt(Instant.parse("2026-11-04T00:00:00Z"))))
                .containsExactly("Charlie");
        assertThat(names(Filter.not(on(CustomFieldQuery.dateTime(call)).present())))
                .containsExactly("Bravo", "Delta", "Echo", "Foxtrot");
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("checkboxes by value, text by equality and by contains (case matters), lists by any-of")
    void flagsTextAndLists() {
        assertThat(names(on(CustomFieldQuery.flag(vip)).eq(true))).containsExactly("Alpha", "Foxtrot");
        assertThat(names(on(CustomFieldQuery.flag(vip)).ne(true))).containsExactly("Bravo", "Charlie", "Delta", "Echo");
        Field<Deal, String> text = CustomFieldQuery.text(note);
        assertThat(names(text.contains("Office"))).containsExactly("Alpha", "Delta");
        assertThat(names(text.contains("office"))).containsExactly("Bravo");
        assertThat(names(text.eq("office desks"))).containsExactly("Bravo");
        assertThat(names(DealFields.NAME.contains("ha"))).as("contains on a standard field")
                .containsExactly("Alpha", "Charlie");
        Field<Deal, String> regionKey = CustomFieldQuery.choice(region);
        assertThat(names(regionKey.in(List.of("north", "west")))).containsExactly("Alpha", "Charlie", "Delta");
        Field<Deal, String> colour = CustomFieldQuery.choice(colours);
        assertThat(names(colour.eq("red"))).containsExactly("Alpha", "Charlie");
        assertThat(names(colour.in(List.of("blue", "green")))).containsExactly("Alpha", "Bravo", "Foxtrot");
        assertThat(names(colour.ne("red"))).containsExactly("Bravo", "Delta", "Echo", "Foxtrot");
        assertThat(names(colour.present())).containsExactly("Alpha", "Bravo", "Charlie", "Foxtrot");
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("standard and custom conditions combine with AND, OR and NOT")
    void combined() {
        Filter<Deal> filter = Filter.and(DealFields.PIPELINE.eq(p.id()),
                DealFields.STAGE.in(List.of(p.stages().get(0).id(), p.stages().get(1).id())),
                DealFields.BUDGET_AMOUNT.between(new BigDecimal("50"), new BigDecimal("300")),
                CustomFieldQuery.<Deal>choice(colours).in(List.of("red", "blue")));
        assertThat(names(filter)).containsExactly("Alpha", "Bravo", "Charlie", "Foxtrot");
        assertThat(names(Filter.or(CustomFieldQuery.<Deal>choice(region).eq("south"),
                Filter.not(CustomFieldQuery.<Deal>number(seats).present())))).containsExactly("Bravo", "Echo");
        assertThat(names(Filter.not(Filter.and(CustomFieldQuery.<Deal>flag(vip).eq(false),
                CustomFieldQuery.<Deal>text(note).contains("desk"))))).doesNotContain("Bravo").hasSize(5);
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("sorted by a custom field in either direction, absent values at the end ascending, keyset pages in a stable order")
    void sortedAndPaged() {
        Field<Deal, BigDecimal> seatCount = CustomFieldQuery.number(seats);
        assertThat(pages(Sort.by(seatCount), 2)).containsExactly("Delta", "Alpha", "Foxtrot", "Bravo", "Charlie", "Echo");
        assertThat(pages(Sort.byDescending(seatCount), 4))
                .containsExactly("Echo", "Charlie", "Bravo", "Alpha", "Foxtrot", "Delta");
        assertThat(pages(Sort.byDescending(DealFields.BUDGET_AMOUNT).then(CustomFieldQuery.money(price)), 1))
                .containsExactly("Echo", "Delta", "Bravo", "Charlie", "Alpha", "Foxtrot");
        assertThatThrownBy(() -> Sort.by(CustomFieldQuery.<Deal>choice(region))).as("a list field is many-valued")
                .isInstanceOf(ValidationException.class);
    }

    /** Every deal, read in pages of {@code size}: the order must not depend on the page size. */
    private List<String> pages(Sort<Deal> sort, int size) {
        List<String> all = new ArrayList<>();
        PageRequest page = PageRequest.first(size);
        for (int n = 0; n <= 6; n++) {
            Slice<Deal> slice = anna.deals().query(Filter.all(), sort, page);
            slice.items().forEach(d -> all.add(d.name()));
            if (slice.next().isEmpty()) {
                return all;
            }
            page = PageRequest.after(size, slice.next().get());
        }
        throw new AssertionError("more pages than deals, so the pages repeat: " + all);
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("contacts, companies and leads filter by their custom fields too")
    void otherEntities() {
        CustomField hobby = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Hobby", FieldType.TEXT));
        CustomField size = anna.customFields().define(CustomFieldForm.of(EntityType.COMPANY, "Staff", FieldType.NUMBER));
        CustomField channel = anna.customFields().define(CustomFieldForm.of(EntityType.LEAD, "Channel", FieldType.LIST)
                .option("ads", "Ads").option("fair", "Fair"));
        anna.contacts().create(ContactForm.named("Ivan").customField(hobby.id(), "chess"));
        anna.contacts().create(ContactForm.named("Oleg").customField(hobby.id(), "football"));
        anna.companies().create(CompanyForm.named("Hooves").customField(size.id(), "120"));
        anna.companies().create(CompanyForm.named("Horns").customField(size.id(), "8"));
        anna.leads().create(LeadForm.named("From the fair").customField(channel.id(), "Fair"));
        anna.leads().create(LeadForm.named("From ads").customField(channel.id(), "ads"));
        assertThat(anna.contacts().query(CustomFieldQuery.<Contact>text(hobby.id()).contains("ball"),
                Sort.by(ContactFields.ID), PageRequest.first(10)).items()).extracting(c -> c.name().full())
                .containsExactly("Oleg");
        assertThat(anna.companies().query(CustomFieldQuery.<Company>number(size.id()).gt(BigDecimal.valueOf(100)),
                Sort.by(CompanyFields.NAME), PageRequest.first(10)).items()).extracting(Company::name)
                .containsExactly("Hooves");
        assertThat(anna.leads().query(CustomFieldQuery.<Lead>choice(channel.id()).eq("fair"), Sort.by(LeadFields.NAME),
                PageRequest.first(10)).items()).extracting(Lead::name).containsExactly("From the fair");
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("a filter on an unknown field, another entity type's field or the wrong kind of field is refused")
    void badCustomFilters() {
        CustomField hobby = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Hobby", FieldType.TEXT));
        Sort<Deal> byName = Sort.by(DealFields.NAME);
        refused(ValidationException.class, () -> anna.deals().query(CustomFieldQuery.<Deal>text(
                CustomFieldId.of(UUID.randomUUID())).eq("x"), byName, PageRequest.first(10)), "filter.field.unknown");
        refused(ValidationException.class, () -> anna.deals().query(CustomFieldQuery.<Deal>text(hobby.id()).eq("chess"),
                byName, PageRequest.first(10)), "filter.field.unknown");
        refused(ValidationException.class, () -> anna.deals().query(CustomFieldQuery.<Deal>number(note).eq(BigDecimal.ONE),
                byName, PageRequest.first(10)), "filter.field.kind");
        refused(ValidationException.class, () -> anna.deals().query(Filter.all(),
                Sort.by(CustomFieldQuery.<Deal>date(seats)), PageRequest.first(10)), "filter.field.kind");
        assertThatThrownBy(() -> CustomFieldQuery.<Deal>number(seats).contains("1"))
                .isInstanceOf(ValidationException.class);
    }
}
