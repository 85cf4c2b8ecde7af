package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.field.WhenUsed;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Custom fields (DEAL-3) through the facade: admins define them per entity type, every type's values are
 * checked against it on create and edit of leads, contacts, companies and deals, text input is parsed by the
 * field's type, and removing a field or an option that records hold needs an explicit choice.
 */
@DisplayName("DEAL-3 custom fields")
abstract class CustomFieldsKit extends FacadeKitBase {

    private CustomField define(EntityType entity, String name, FieldType type) {
        return anna.customFields().define(CustomFieldForm.of(entity, name, type));
    }

    private CustomField region() {
        return anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Region", FieldType.LIST)
                .option("north", "North").option("south", "South"));
    }

    private CustomField colours() {
        return anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Colours", FieldType.MULTI_LIST)
                .option("red", "Red").option("green", "Green").option("blue", "Blue"));
    }

    private Deal deal(Function<DealForm, DealForm> with) {
        return anna.deals().create(with.apply(DealForm.in(sales().id()).name("Chairs")));
    }

    /** One good value of each field type, typed and as text, with the value the text gives. */
    static Stream<Arguments> goodValues() {
        return Stream.of(
                Arguments.of(FieldType.TEXT, new FieldValue.Text("Moscow office"), " Moscow office ",
                        new FieldValue.Text("Moscow office")),
                Arguments.of(FieldType.TEXTAREA, new FieldValue.Text("Line one\nline two"), "Line one\nline two",
                        new FieldValue.Text("Line one\nline two")),
                Arguments.of(FieldType.NUMBER, new FieldValue.Number(new BigDecimal("12.5")), "1 234,5",
                        new FieldValue.Number(new BigDecimal("1234.5"))),
                Arguments.of(FieldType.MONEY, new FieldValue.Amount(Money.of("1500.50", "RUB")), "1500,50 RUB",
                        new FieldValue.Amount(Money.of("1500.50", "RUB"))),
                Arguments.of(FieldType.DATE, new FieldValue.Date(LocalDate.of(2026, 12, 3)), "03.12.2026",
                        new FieldValue.Date(LocalDate.of(2026, 12, 3))),
                Arguments.of(FieldType.DATE_TIME, new FieldValue.DateTime(Instant.parse("2026-12-03T07:00:00Z")),
                        "2026-12-03T10:00:00+03:00", new FieldValue.DateTime(Instant.parse("2026-12-03T07:00:00Z"))),
                Arguments.of(FieldType.BIRTHDAY, new FieldValue.Date(LocalDate.of(1990, 5, 17)), "1990-05-17",
                        new FieldValue.Date(LocalDate.of(1990, 5, 17))),
                Arguments.of(FieldType.CHECKBOX, new FieldValue.Flag(true), "да", new FieldValue.Flag(true)),
                Arguments.of(FieldType.URL, new FieldValue.Url(URI.create("https://hooves.test/")), "http://hooves.test",
                        new FieldValue.Url(URI.create("http://hooves.test"))),
                Arguments.of(FieldType.PHONE, new FieldValue.Phone(PhoneNumber.parse("+7 901 776-34-34")),
                        "8 (901) 776-34-34", new FieldValue.Phone(PhoneNumber.parse("8 (901) 776-34-34"))),
                Arguments.of(FieldType.EMAIL, new FieldValue.Mail(Email.parse("ivan@mail.test")), "Ivan@Mail.test",
                        new FieldValue.Mail(Email.parse("Ivan@Mail.test"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    @Tag("DEAL-3")
    @DisplayName("every field type takes its own values, typed or as text, on deals, leads, contacts and companies")
    void everyTypeOnEveryEntity(FieldType type, FieldValue typed, String text, FieldValue parsed) {
        CustomField onDeal = define(EntityType.DEAL, "Deal " + type, type);
        CustomField onLead = define(EntityType.LEAD, "Lead " + type, type);
        CustomField onContact = define(EntityType.CONTACT, "Contact " + type, type);
        CustomField onCompany = define(EntityType.COMPANY, "Company " + type, type);

        Deal d = deal(f -> f.customField(onDeal.id(), typed));
        Lead l = anna.leads().create(LeadForm.named("Request").customField(onLead.id(), typed));
        Contact c = anna.contacts().create(ContactForm.named("Ivan").customField(onContact.id(), typed));
        Company co = anna.companies().create(CompanyForm.named("Hooves").customField(onCompany.id(), typed));
        assertThat(anna.deals().get(d.id()).customFields().get(onDeal.id())).contains(typed);
        assertThat(anna.leads().get(l.id()).customFields().get(onLead.id())).contains(typed);
        assertThat(anna.contacts().get(c.id()).customFields().get(onContact.id())).contains(typed);
        assertThat(anna.companies().get(co.id()).customFields().get(onCompany.id())).contains(typed);

        Deal edited = anna.deals().update(d.id(), d.version(), f -> f.customField(onDeal.id(), text));
        Lead editedLead = anna.leads().update(l.id(), l.version(), f -> f.customField(onLead.id(), text));
        Contact editedContact = anna.contacts().update(c.id(), c.version(), f -> f.customField(onContact.id(), text));
        Company editedCompany = anna.companies().update(co.id(), co.version(), f -> f.customField(onCompany.id(), text));
        assertThat(List.of(edited.customFields().get(onDeal.id()), editedLead.customFields().get(onLead.id()),
                editedContact.customFields().get(onContact.id()), editedCompany.customFields().get(onCompany.id())))
                .allSatisfy(v -> assertThat(v).contains(parsed));
        assertThat(anna.deals().get(d.id()).customFields().get(onDeal.id())).contains(parsed);

        Deal cleared = anna.deals().update(d.id(), edited.version(), f -> f.customField(onDeal.id(), "  "));
        assertThat(cleared.customFields().get(onDeal.id())).as("blank text clears the value").isEmpty();
    }

    /** A field type, a bad value for it (typed or text) and the code it gets. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(FieldType.NUMBER, "abc", "field.number.invalid"),
                Arguments.of(FieldType.NUMBER, "1.2.3", "field.number.invalid"),
                Arguments.of(FieldType.NUMBER, "1234567890123456", "field.number.too_large"),
                Arguments.of(FieldType.NUMBER, new FieldValue.Text("12"), "field.value.type"),
                Arguments.of(FieldType.MONEY, "1500", "field.money.invalid"),
                Arguments.of(FieldType.MONEY, "1500 XYZ", "money.currency.unknown"),
                Arguments.of(FieldType.DATE, "31.02.2026", "field.date.invalid"),
                Arguments.of(FieldType.DATE, "yesterday", "field.date.invalid"),
                Arguments.of(FieldType.DATE, "1899-12-31", "date.range"),
                Arguments.of(FieldType.DATE_TIME, "2026-12-03 10:00", "field.datetime.invalid"),
                Arguments.of(FieldType.BIRTHDAY, new FieldValue.Date(LocalDate.of(2026, 11, 3)), "field.birthday.future"),
                Arguments.of(FieldType.CHECKBOX, "maybe", "field.flag.invalid"),
                Arguments.of(FieldType.TEXT, "two\nlines", "text.line_break"),
                Arguments.of(FieldType.TEXT, new FieldValue.Text("two\nlines"), "field.text.multiline"),
                Arguments.of(FieldType.URL, "not a url", "field.url.invalid"),
                Arguments.of(FieldType.URL, "ftp://files.test/price.xls", "field.url.invalid"),
                Arguments.of(FieldType.URL, new FieldValue.Url(URI.create("mailto:ivan@mail.test")), "field.url.invalid"),
                Arguments.of(FieldType.PHONE, "call me", "field.phone.invalid"),
                Arguments.of(FieldType.EMAIL, "ivan@", "field.email.invalid"),
                Arguments.of(FieldType.EMAIL, new FieldValue.Flag(true), "field.value.type"),
                Arguments.of(FieldType.LIST, "purple", "field.option.unknown"),
                Arguments.of(FieldType.LIST, new FieldValue.Choice("purple"), "field.option.unknown"),
                Arguments.of(FieldType.LIST, new FieldValue.Choices(Set.of("a")), "field.value.type"),
                Arguments.of(FieldType.MULTI_LIST, "a, purple", "field.option.unknown"),
                Arguments.of(FieldType.MULTI_LIST, new FieldValue.Choices(Set.of("a", "purple")), "field.option.unknown"));
    }

    @ParameterizedTest(name = "{0} given {1}")
    @MethodSource("badValues")
    @Tag("DEAL-3")
    @DisplayName("a value that is not of its field's type is refused, naming the field, and nothing is written")
    void badValueRefused(FieldType type, Object bad, String code) {
        CustomFieldForm form = CustomFieldForm.of(EntityType.DEAL, "Checked", type);
        if (type.hasOptions()) {
            form.option("a", "A").option("b", "B");
        }
        CustomField field = anna.customFields().define(form);
        Function<DealForm, DealForm> set = f -> bad instanceof String ? f.customField(field.id(), (String) bad)
                : f.customField(field.id(), (FieldValue) bad);
        Pipeline p = sales();
        ValidationException created = failsAndChangesNothing(ValidationException.class,
                () -> anna.deals().create(set.apply(DealForm.in(p.id()).name("Chairs"))));
        assertThat(codes(created)).containsExactly(code);
        assertThat(created.violations().get(0).path()).startsWith("customFields." + field.id());
        if (code.startsWith("field.") && !code.equals("field.number.too_large")) {
            assertThat(created.violations().get(0).message(java.util.Locale.ENGLISH)).contains("Checked");
        }
        Deal d = deal(f -> f);
        refused(ValidationException.class, () -> anna.deals().update(d.id(), d.version(), set::apply), code);
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("every bad value of a record is reported at once, with its other problems")
    void everyProblemAtOnce() {
        CustomField amount = define(EntityType.CONTACT, "Seats", FieldType.NUMBER);
        CustomField site = define(EntityType.CONTACT, "Site", FieldType.URL);
        refused(ValidationException.class, () -> anna.contacts().create(ContactForm.named("Ivan")
                .customField(amount.id(), "many").customField(site.id(), "hooves")
                .customField(CustomFieldId.of(UUID.randomUUID()), new FieldValue.Flag(true))
                .email("not an e-mail")), "email.invalid", "field.number.invalid", "field.url.invalid", "field.unknown");
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("a field belongs to one entity type, and a deal field limited to pipelines only to their deals")
    void entityAndPipelineScope() {
        CustomField contactField = define(EntityType.CONTACT, "Hobby", FieldType.TEXT);
        Pipeline partners = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
        CustomField partnerLevel = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Partner level",
                FieldType.NUMBER).pipelines(List.of(partners.id())));
        Pipeline p = sales();
        refused(ValidationException.class, () -> anna.deals().create(DealForm.in(p.id())
                .customField(contactField.id(), "chess")), "field.entity");
        refused(ValidationException.class, () -> anna.deals().create(DealForm.in(p.id())
                .customField(partnerLevel.id(), "3")), "field.pipeline");
        Deal partnerDeal = anna.deals().create(DealForm.in(partners.id()).customField(partnerLevel.id(), "3"));
        assertThat(partnerDeal.customFields().get(partnerLevel.id())).contains(new FieldValue.Number(BigDecimal.valueOf(3)));

        Deal moved = anna.deals().moveToPipeline(partnerDeal.id(), p.id(), java.util.Optional.empty());
        assertThat(moved.customFields().get(partnerLevel.id())).as("a value the deal holds stays when it moves")
                .contains(new FieldValue.Number(BigDecimal.valueOf(3)));
        Deal renamed = anna.deals().update(moved.id(), moved.version(), f -> f.name("Renamed"));
        assertThat(renamed.name()).as("a value kept from another pipeline does not block an unrelated edit")
                .isEqualTo("Renamed");
        refused(ValidationException.class, () -> anna.deals().update(renamed.id(), renamed.version(),
                f -> f.customField(partnerLevel.id(), "4")), "field.pipeline");
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("list options are chosen by key or label; a multi-list takes several, separated by commas")
    void listsByKeyOrLabel() {
        CustomField region = region();
        CustomField colours = colours();
        Deal d = deal(f -> f.customField(region.id(), "south").customField(colours.id(), "Red; blue"));
        assertThat(d.customFields().get(region.id())).contains(new FieldValue.Choice("south"));
        assertThat(d.customFields().get(colours.id())).contains(new FieldValue.Choices(Set.of("red", "blue")));
        Deal byLabel = anna.deals().update(d.id(), d.version(), f -> f.customField(region.id(), "NORTH"));
        assertThat(byLabel.customFields().get(region.id())).contains(new FieldValue.Choice("north"));
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("only admins define and change fields; names are unique per entity type, ignoring case")
    void definitionRules() {
        assertThatThrownBy(() -> boris.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Mine",
                FieldType.TEXT))).isInstanceOf(AccessDeniedException.class);
        CustomField region = region();
        refused(ValidationException.class, () -> anna.customFields().define(CustomFieldForm.of(EntityType.DEAL,
                " REGION ", FieldType.TEXT)), "field.name.taken");
        assertThat(define(EntityType.CONTACT, "Region", FieldType.TEXT).name()).as("another entity type's name")
                .isEqualTo("Region");
        refused(ValidationException.class, () -> anna.customFields().define(CustomFieldForm.of(EntityType.DEAL,
                "Size", FieldType.LIST)), "field.options.none");
        refused(ValidationException.class, () -> anna.customFields().define(CustomFieldForm.of(EntityType.DEAL,
                "Seats", FieldType.NUMBER).option("a", "A")), "field.options.not_list");
        Pipeline p = sales();
        refused(ValidationException.class, () -> anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT,
                "Sales only", FieldType.TEXT).pipelines(List.of(p.id()))), "field.pipelines.not_deal");
        refused(ValidationException.class, () -> anna.customFields().define(CustomFieldForm.of(EntityType.TASK,
                "Task field", FieldType.TEXT)), "field.entity.unsupported");
        CustomField renamed = anna.customFields().update(region.id(), region.version(),
                f -> f.name("Area").option("north", "Northern").optionOrder(List.of("south")).option("west", "West"));
        assertThat(renamed.name()).isEqualTo("Area");
        assertThat(renamed.options()).extracting(o -> o.key() + "=" + o.label())
                .containsExactly("south=South", "north=Northern", "west=West");
        assertThatThrownBy(() -> boris.customFields().update(region.id(), renamed.version(), f -> f.name("Mine")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("removing a field that records hold needs a choice: refuse, or clear the values everywhere")
    void removeField() {
        CustomField seats = define(EntityType.DEAL, "Seats", FieldType.NUMBER);
        CustomField unused = define(EntityType.DEAL, "Unused", FieldType.TEXT);
        Deal a = deal(f -> f.customField(seats.id(), "12"));
        Deal b = deal(f -> f.name("Tables").customField(seats.id(), "4"));
        Deal none = deal(f -> f.name("Lamps"));
        RuleViolationException refusedRemoval = failsAndChangesNothing(RuleViolationException.class,
                () -> anna.customFields().remove(seats.id(), seats.version(), WhenUsed.REFUSE));
        assertThat(codes(refusedRemoval)).containsExactly("field.in_use");
        assertThat(refusedRemoval.violations().get(0).message(java.util.Locale.ENGLISH)).contains("Seats", "2");

        anna.customFields().remove(unused.id(), unused.version(), WhenUsed.REFUSE);
        assertThatThrownBy(() -> anna.customFields().get(unused.id())).isInstanceOf(NotFoundException.class);

        anna.customFields().remove(seats.id(), seats.version(), WhenUsed.CLEAR);
        assertThat(anna.customFields().list(EntityType.DEAL)).isEmpty();
        assertThat(anna.deals().get(a.id()).customFields().values()).isEmpty();
        assertThat(anna.deals().get(b.id()).customFields().values()).isEmpty();
        assertThat(anna.deals().get(none.id()).version()).as("a deal without a value is not touched")
                .isEqualTo(none.version());
        assertThat(anna.events().of(RecordRef.of(a.id()))).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FIELD_CHANGED);
            assertThat(e.field()).contains("customFields");
        });
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("removing a list option that records hold needs a choice; clearing takes only that option out")
    void removeOption() {
        CustomField region = region();
        CustomField colours = colours();
        Deal north = deal(f -> f.customField(region.id(), "north").customField(colours.id(), "red, green"));
        Deal south = deal(f -> f.name("Tables").customField(region.id(), "south").customField(colours.id(), "red"));
        refused(RuleViolationException.class, () -> anna.customFields().removeOption(region.id(), region.version(),
                "north", WhenUsed.REFUSE), "field.option.in_use");
        refused(ValidationException.class, () -> anna.customFields().removeOption(region.id(), region.version(),
                "east", WhenUsed.CLEAR), "field.option.unknown");

        CustomField regions = anna.customFields().removeOption(region.id(), region.version(), "north", WhenUsed.CLEAR);
        assertThat(regions.options()).extracting(o -> o.key()).containsExactly("south");
        assertThat(anna.deals().get(north.id()).customFields().get(region.id())).isEmpty();
        assertThat(anna.deals().get(south.id()).customFields().get(region.id())).contains(new FieldValue.Choice("south"));

        anna.customFields().removeOption(colours.id(), colours.version(), "red", WhenUsed.CLEAR);
        assertThat(anna.deals().get(north.id()).customFields().get(colours.id()))
                .contains(new FieldValue.Choices(Set.of("green")));
        assertThat(anna.deals().get(south.id()).customFields().get(colours.id()))
                .as("a multi-list value left empty is cleared").isEmpty();
        refused(ValidationException.class, () -> anna.deals().update(north.id(), anna.deals().get(north.id()).version(),
                f -> f.customField(region.id(), "north")), "field.option.unknown");
    }

    @Test
    @Tag("DEAL-3")
    @DisplayName("fields are listed per entity type in the order defined and found by name, ignoring case")
    void definitionsListed() {
        CustomField a = define(EntityType.LEAD, "Budget note", FieldType.TEXT);
        CustomField b = define(EntityType.LEAD, "Callback", FieldType.DATE_TIME);
        define(EntityType.COMPANY, "Inn", FieldType.TEXT);
        assertThat(anna.customFields().list(EntityType.LEAD)).extracting(CustomField::id).containsExactly(a.id(), b.id());
        assertThat(boris.customFields().byName(EntityType.LEAD, "callback")).map(CustomField::id).contains(b.id());
        assertThat(anna.customFields().list(EntityType.CONTACT)).isEmpty();
    }

    @Test
    @DisplayName("a null argument of the custom-field, requirement and filter calls is refused by its name")
    void nullArguments() {
        CustomField seats = define(EntityType.DEAL, "Seats", FieldType.NUMBER);
        Deal d = deal(f -> f);
        Pipeline p = sales();
        StageRequirement budget = StageRequirement.of(p.firstStage().id(), DealPart.BUDGET);
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("form", () -> anna.customFields().define(null));
        calls.put("id", () -> anna.customFields().update(null, 1, f -> { }));
        calls.put("edit", () -> anna.customFields().update(seats.id(), 1, null));
        calls.put("key", () -> anna.customFields().removeOption(seats.id(), 1, null, WhenUsed.CLEAR));
        calls.put("whenUsed", () -> anna.customFields().remove(seats.id(), 1, null));
        calls.put("entity", () -> anna.customFields().list(null));
        calls.put("name", () -> anna.customFields().byName(EntityType.DEAL, null));
        calls.put("requirement", () -> anna.pipelines().require(p.id(), null));
        calls.put("stage", () -> anna.deals().checkMove(d.id(), null));
        calls.put("field", () -> DealForm.in(p.id()).customField(null, "1"));
        calls.put("text", () -> ContactForm.named("Ivan").customField(seats.id(), (String) null));
        calls.put("value", () -> LeadForm.named("Request").customField(seats.id(), (FieldValue) null));
        calls.put("part", () -> StageRequirement.of(p.firstStage().id(), (DealPart) null));
        calls.put("type", () -> CustomFieldForm.of(EntityType.DEAL, "X", null));
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(NullPointerException.class)
                .hasMessage(name));
        assertThat(anna.pipelines().unrequire(p.id(), budget).requirements()).isEmpty();
    }
}
