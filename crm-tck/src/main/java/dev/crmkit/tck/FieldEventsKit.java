package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.Crm;
import dev.crmkit.core.analytics.AnalyticsService;
import dev.crmkit.core.contact.ClientForm;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.CompanyService;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.ContactService;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.contact.LeadService;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.DealService;
import dev.crmkit.core.deal.PipelineService;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.field.CustomFieldService;
import dev.crmkit.core.field.WhenUsed;
import dev.crmkit.core.settings.ImportTemplateService;
import dev.crmkit.core.settings.ListService;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.task.TaskService;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.timeline.TimelineService;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.core.user.UserService;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * EV-1 as an inventory: every mutating call of the public API and every field of every record type, each
 * with exactly the events it must write, and none for a call that changes nothing. A new service method
 * or a new record component fails these tests until it is given its expected events here.
 */
abstract class FieldEventsKit extends FacadeKitBase {

    /** The services whose public methods change data, and the calls that only read. */
    private static final List<Class<?>> SERVICES = List.of(Crm.class, UserService.class, PipelineService.class,
            DealService.class, ContactService.class, CompanyService.class, TaskService.class, TimelineService.class,
            ListService.class, LeadService.class, CustomFieldService.class, AnalyticsService.class,
            ImportTemplateService.class);
    private static final Set<String> READS = Set.of("as", "policy", "clock", "get", "find", "list", "query", "byName", "kind",
            "of", "byContact", "ofCompany", "findDuplicates", "scanDuplicates", "previewMerge", "checkConversion",
            "interactions", "hadInteraction", "checkMove", "health", "taskIndicator", "taskIndicators",
            "dueToday", "overdue", "transitions", "in", "rates", "funnel", "forecast", "cycle", "summary", "managers",
            "calls", "goals", "newDeals", "tasks", "dashboard", "storedRates", "storedGoals", "goalProgress");

    /** Every mutating call and the events it writes; {@link #everyMutatingCallIsListed} keeps the list whole. */
    private static final Set<String> CALLS = new TreeSet<>(List.of("Crm.bootstrap", "UserService.add",
            "UserService.update", "UserService.changeRole", "UserService.deactivate", "UserService.delete",
            "PipelineService.create", "PipelineService.rename", "PipelineService.reorder", "PipelineService.addStage",
            "PipelineService.renameStage", "PipelineService.setProbability", "PipelineService.reorderStages",
            "PipelineService.deleteStage", "DealService.create", "DealService.move", "DealService.win",
            "DealService.lose", "DealService.moveToPipeline", "DealService.update", "DealService.delete",
            "ContactService.create", "ContactService.update", "ContactService.merge", "ContactService.link",
            "ContactService.unlink", "ContactService.delete", "ContactService.createAll", "CompanyService.create",
            "CompanyService.createAll", "CompanyService.update",
            "CompanyService.delete", "TaskService.create", "TaskService.createForContacts", "TaskService.close",
            "TaskService.setResult", "TaskService.update", "TaskService.reschedule", "TaskService.delete",
            "TimelineService.comment", "TimelineService.logCall",
            "TimelineService.logMessage", "ListService.add", "ListService.rename", "ListService.reorder",
            "ListService.remove", "LeadService.create", "LeadService.update", "LeadService.decline",
            "LeadService.link", "LeadService.accept", "LeadService.convert", "LeadService.delete",
            "PipelineService.require", "PipelineService.unrequire", "CustomFieldService.define",
            "CustomFieldService.update", "CustomFieldService.removeOption", "CustomFieldService.remove",
            "DealService.backfill", "AnalyticsService.setRates", "AnalyticsService.setGoal",
            "AnalyticsService.changeGoal", "AnalyticsService.deleteGoal", "ImportTemplateService.save",
            "ImportTemplateService.replace", "ImportTemplateService.delete"));

    /**
     * The fields no public call changes yet, by record type, with the issue that brings the call: a new
     * field must be added either to a case below or here.
     */
    private static final Map<Class<?>, Set<String>> NOT_CHANGEABLE_YET = Map.of(
            Deal.class, Set.of("lead"),
            Task.class, Set.of("author"),
            Lead.class, Set.of("utm"),
            User.class, Set.of(),
            // A custom field's entity type and type never change: its values are of that type (DEAL-3).
            CustomField.class, Set.of("entity", "type"),
            Comment.class, Set.of("author", "at", "text"),
            Call.class, Set.of("author", "at", "direction", "fromNumber", "toNumber", "duration", "answered",
                    "operator", "recording", "cost", "integration", "callId"),
            Message.class, Set.of("author", "at", "channel", "direction", "from", "to", "subject", "body"));

    /** The components crmkit maintains itself: their changes are an event's own time and its stage change. */
    private static final Set<String> SYSTEM = Set.of("id", "version", "created", "updated", "stageEntered");

    /** The fields each case below changes, by record type; filled as the cases run. */
    private final Map<Class<?>, Set<String>> covered = new LinkedHashMap<>();

    private record Seen(EventKind kind, String field) {
    }

    /** Runs a call and returns the events it wrote about one record, as kind and field. */
    private List<Seen> eventsOf(RecordRef record, Runnable call) {
        long before = storage.inTransaction(tx -> tx.events().lastSequence());
        call.run();
        return anna.events().after(before, 10_000).stream().filter(e -> e.entity().equals(record))
                .map(e -> new Seen(e.kind(), e.field().orElse(null))).collect(Collectors.toList());
    }

    /** Every event a call wrote, as kind and entity type. */
    private List<String> allEventsOf(Runnable call) {
        long before = storage.inTransaction(tx -> tx.events().lastSequence());
        call.run();
        return anna.events().after(before, 10_000).stream().map(e -> e.kind() + " " + e.entity().type())
                .collect(Collectors.toList());
    }

    private <E extends Entity<?>> void field(Class<E> type, E record, String field, EventKind kind, Runnable change) {
        covered.computeIfAbsent(type, t -> new TreeSet<>()).add(field);
        assertThat(eventsOf(RecordRef.of(record.id()), change)).as("the events of changing %s.%s",
                type.getSimpleName(), field).containsExactly(new Seen(kind, field));
    }

    private <E extends Entity<?>> void fields(Class<E> type, E record, List<String> fields, Runnable change,
                                             Seen... expected) {
        covered.computeIfAbsent(type, t -> new TreeSet<>()).addAll(fields);
        assertThat(eventsOf(RecordRef.of(record.id()), change)).as("the events of changing %s.%s",
                type.getSimpleName(), fields).containsExactly(expected);
    }

    private static Seen seen(EventKind kind, String field) {
        return new Seen(kind, field);
    }

    /**
     * The fields contacts and companies share (their {@link ClientForm}), each changed alone through an
     * edit of the record: exactly its event.
     */
    private <E extends Entity<?>, F extends ClientForm<F>> void clientFields(Class<E> type, E record,
            Function<Consumer<F>, Runnable> edit, ContactTypeId kind, TemperatureLevelId temperature, CustomFieldId size) {
        field(type, record, "phones", EventKind.FIELD_CHANGED, edit.apply(f -> f.phone("+7 901 776-34-34", PhoneKind.MOBILE)));
        field(type, record, "emails", EventKind.FIELD_CHANGED, edit.apply(f -> f.email("ivan@mail.test", EmailKind.PRIVATE)));
        field(type, record, "tags", EventKind.FIELD_CHANGED, edit.apply(f -> f.tag("vip")));
        field(type, record, "responsible", EventKind.RESPONSIBLE_CHANGED, edit.apply(f -> f.responsible(borisUser.id())));
        field(type, record, "type", EventKind.FIELD_CHANGED, edit.apply(f -> f.type(kind)));
        field(type, record, "temperature", EventKind.FIELD_CHANGED, edit.apply(f -> f.temperature(temperature)));
        field(type, record, "currency", EventKind.FIELD_CHANGED, edit.apply(f -> f.currency("EUR")));
        field(type, record, "photo", EventKind.FIELD_CHANGED, edit.apply(f -> f.photo(URI.create("https://img.test/ivan.png"))));
        field(type, record, "links", EventKind.FIELD_CHANGED, edit.apply(f -> f.link(URI.create("https://ivan.test"))));
        field(type, record, "address", EventKind.FIELD_CHANGED,
                edit.apply(f -> f.address(new Address("Tverskaya 1", "Moscow", "", "125009", "RU"))));
        field(type, record, "description", EventKind.FIELD_CHANGED, edit.apply(f -> f.description("Buys chairs")));
        field(type, record, "access", EventKind.FIELD_CHANGED, edit.apply(f -> f.access(AccessLevel.PRIVATE)));
        field(type, record, "managers", EventKind.FIELD_CHANGED, edit.apply(f -> f.manager(borisUser.id())));
        field(type, record, "customFields", EventKind.FIELD_CHANGED,
                edit.apply(f -> f.customField(size, new FieldValue.Text("XL"))));
    }

    private void none(Entity<?> record, Runnable call) {
        assertThat(eventsOf(RecordRef.of(record.id()), call)).as("a call that changes nothing writes nothing").isEmpty();
    }

    private void allFieldsCovered(Class<?> type) {
        Set<String> expected = new TreeSet<>();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            expected.add(c.getName());
        }
        expected.removeAll(SYSTEM);
        expected.removeAll(NOT_CHANGEABLE_YET.getOrDefault(type, Set.of()));
        assertThat(covered.getOrDefault(type, Set.of())).as("every field of %s has a case", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("every public method that changes data is listed with its events, so none can change data silently")
    void everyMutatingCallIsListed() {
        Set<String> found = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !READS.contains(m.getName())) {
                    found.add(service.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(found).isEqualTo(CALLS);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("a batch create writes for each record exactly the events its single create writes, nothing for a refused one")
    void batchCreatesWriteTheSingleCreatesEvents() {
        Company hooves = anna.companies().create(CompanyForm.named("Hooves"));
        List<String> single = allEventsOf(() -> {
            anna.contacts().create(ContactForm.named("Ivan").company(hooves.id()));
            anna.contacts().create(ContactForm.named("Petr"));
            anna.companies().create(CompanyForm.named("Horns"));
        });
        List<String> batch = allEventsOf(() -> {
            var contacts = anna.contacts().createAll(List.of(ContactForm.named("Olga").company(hooves.id()),
                    ContactForm.named("Vera").email("not an e-mail"), ContactForm.named("Sergei")));
            assertThat(contacts.created()).containsOnlyKeys(0, 2);
            assertThat(contacts.refused()).containsOnlyKeys(1);
            assertThat(anna.companies().createAll(List.of(CompanyForm.named("Antlers"))).created()).containsOnlyKeys(0);
        });
        assertThat(batch).isEqualTo(single);
        Contact olga = anna.contacts().query(dev.crmkit.api.query.ContactFields.NAME.eq("Olga"),
                dev.crmkit.api.query.Sort.byId(), dev.crmkit.api.query.PageRequest.first(10)).items().get(0);
        assertThat(anna.events().after(0, 10_000).stream().filter(e -> e.entity().equals(RecordRef.of(olga.id())))
                .map(e -> new Seen(e.kind(), e.field().orElse(null))).collect(Collectors.toList()))
                .containsExactly(seen(EventKind.CREATED, null), seen(EventKind.LINKED, "company"));
    }

    @Test
    @Tag("EV-1")
    @DisplayName("each field of a deal written through the API gets exactly its event; an edit that changes nothing, none")
    void everyDealField() {
        Pipeline p = sales();
        Pipeline other = anna.pipelines().create(dev.crmkit.core.deal.NewPipeline.named("Service").stage("Call", 20));
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan"));
        Company hooves = anna.companies().create(CompanyForm.named("Hooves"));
        var group = anna.settings().productGroups().add("Chairs");
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        field(Deal.class, d, "name", EventKind.FIELD_CHANGED, () -> update(d, f -> f.name("Office chairs")));
        field(Deal.class, d, "responsible", EventKind.RESPONSIBLE_CHANGED, () -> update(d, f -> f.responsible(borisUser.id())));
        fields(Deal.class, d, List.of("contacts"), () -> update(d, f -> f.contact(ivan.id())),
                seen(EventKind.LINKED, "contact"));
        fields(Deal.class, d, List.of("contacts"), () -> update(d, f -> f.removeContact(ivan.id())),
                seen(EventKind.UNLINKED, "contact"));
        fields(Deal.class, d, List.of("company"), () -> update(d, f -> f.company(hooves.id())),
                seen(EventKind.LINKED, "company"));
        field(Deal.class, d, "productGroup", EventKind.FIELD_CHANGED, () -> update(d, f -> f.productGroup(group.id())));
        field(Deal.class, d, "source", EventKind.FIELD_CHANGED, () -> update(d, f -> f.source(LeadSource.CALL)));
        field(Deal.class, d, "budget", EventKind.FIELD_CHANGED, () -> update(d, f -> f.budget(Money.of("100", "RUB"))));
        field(Deal.class, d, "budget", EventKind.FIELD_CHANGED,
                () -> update(d, f -> f.budget(Money.of("100", "RUB"), BudgetType.PER_MONTH)));
        fields(Deal.class, d, List.of("budget"), () -> update(d, f -> f.budget(null)),
                seen(EventKind.FIELD_CHANGED, "budget"));
        field(Deal.class, d, "expectedClose", EventKind.FIELD_CHANGED,
                () -> update(d, f -> f.expectedClose(LocalDate.of(2026, 12, 1))));
        field(Deal.class, d, "products", EventKind.FIELD_CHANGED,
                () -> update(d, f -> f.product("Chair", BigDecimal.TEN, Money.of("10", "RUB"))));
        field(Deal.class, d, "tags", EventKind.FIELD_CHANGED, () -> update(d, f -> f.tag("vip")));
        field(Deal.class, d, "stage", EventKind.STAGE_CHANGED, () -> anna.deals().move(d.id(), p.stages().get(1).id()));
        fields(Deal.class, d, List.of("stage", "closed", "lossReason"),
                () -> anna.deals().lose(d.id(), reason("Too expensive").id()), seen(EventKind.STAGE_CHANGED, "stage"),
                seen(EventKind.CLOSED, "closed"), seen(EventKind.FIELD_CHANGED, "lossReason"));
        field(Deal.class, d, "lossReason", EventKind.FIELD_CHANGED,
                () -> anna.deals().lose(d.id(), reason("No longer needed").id()));
        fields(Deal.class, d, List.of("pipeline", "stage", "closed", "lossReason"),
                () -> anna.deals().moveToPipeline(d.id(), other.id(), Optional.empty()),
                seen(EventKind.FIELD_CHANGED, "pipeline"), seen(EventKind.STAGE_CHANGED, "stage"),
                seen(EventKind.REOPENED, "closed"), seen(EventKind.FIELD_CHANGED, "lossReason"));
        fields(Deal.class, d, List.of("stage", "closed"), () -> anna.deals().win(d.id()),
                seen(EventKind.STAGE_CHANGED, "stage"), seen(EventKind.CLOSED, "closed"));
        none(d, () -> update(d, f -> f.name("Office chairs").tag("vip")));
        none(d, () -> anna.deals().win(d.id()));
        CustomFieldId seats = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Seats", FieldType.NUMBER)).id();
        field(Deal.class, d, "customFields", EventKind.FIELD_CHANGED, () -> update(d, f -> f.customField(seats, "40")));
        field(Deal.class, d, "restrictedTo", EventKind.FIELD_CHANGED, () -> update(d, f -> f.restrictedTo(
                List.of(borisUser.id()))));
        none(d, () -> update(d, f -> f.customField(seats, "40.0")));
        long version = anna.deals().get(d.id()).version();
        update(d, f -> { });
        assertThat(anna.deals().get(d.id()).version()).as("an empty edit stores nothing").isEqualTo(version);
        allFieldsCovered(Deal.class);
    }

    private void update(Deal d, java.util.function.Consumer<DealForm> edit) {
        Deal current = anna.deals().get(d.id());
        anna.deals().update(current.id(), current.version(), edit);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("each field of a contact and of a company written through the API gets exactly its event")
    void everyContactAndCompanyField() {
        Company hooves = anna.companies().create(CompanyForm.named("Hooves"));
        var client = anna.settings().contactTypes().byName("Client").orElseThrow();
        var hot = anna.settings().temperatureLevels().byName("Hot").orElseThrow();
        CustomFieldId size = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Size", FieldType.TEXT)).id();
        CustomFieldId companySize = anna.customFields().define(CustomFieldForm.of(EntityType.COMPANY, "Size",
                FieldType.TEXT)).id();
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Function<Consumer<ContactForm>, Runnable> edit = e -> () -> {
            Contact current = anna.contacts().get(c.id());
            anna.contacts().update(current.id(), current.version(), e);
        };
        field(Contact.class, c, "name", EventKind.FIELD_CHANGED, edit.apply(f -> f.middleName("Sergeevich")));
        fields(Contact.class, c, List.of("company"), edit.apply(f -> f.company(hooves.id())),
                seen(EventKind.LINKED, "company"));
        fields(Contact.class, c, List.of("company"), () -> anna.contacts().unlink(c.id()),
                seen(EventKind.UNLINKED, "company"));
        fields(Contact.class, c, List.of("company"), () -> anna.contacts().link(c.id(), hooves.id()),
                seen(EventKind.LINKED, "company"));
        field(Contact.class, c, "birthDate", EventKind.FIELD_CHANGED, edit.apply(f -> f.birthDate(LocalDate.of(1990, 5, 17))));
        field(Contact.class, c, "position", EventKind.FIELD_CHANGED, edit.apply(f -> f.position("CFO")));
        clientFields(Contact.class, c, edit, client.id(), hot.id(), size);
        none(c, edit.apply(f -> f.position("CFO").tag("vip")));
        none(c, () -> anna.contacts().link(c.id(), hooves.id()));
        allFieldsCovered(Contact.class);

        Function<Consumer<CompanyForm>, Runnable> editCompany = e -> () -> {
            Company current = anna.companies().get(hooves.id());
            anna.companies().update(current.id(), current.version(), e);
        };
        field(Company.class, hooves, "name", EventKind.FIELD_CHANGED, editCompany.apply(f -> f.name("Horns and Hooves")));
        clientFields(Company.class, hooves, editCompany, client.id(), hot.id(), companySize);
        none(hooves, editCompany.apply(f -> f.name("Horns and Hooves")));
        allFieldsCovered(Company.class);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("each field of a lead written through the API gets exactly its event, conversion included")
    void everyLeadField() {
        Company hooves = anna.companies().create(CompanyForm.named("Hooves"));
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan"));
        Lead l = anna.leads().create(LeadForm.named("Chairs request"));
        Function<Consumer<LeadForm>, Runnable> edit = e -> () -> {
            Lead current = anna.leads().get(l.id());
            anna.leads().update(current.id(), current.version(), e);
        };
        field(Lead.class, l, "name", EventKind.FIELD_CHANGED, edit.apply(f -> f.name("Chairs, 40")));
        CustomFieldId callback = anna.customFields().define(CustomFieldForm.of(EntityType.LEAD, "Callback",
                FieldType.DATE)).id();
        field(Lead.class, l, "customFields", EventKind.FIELD_CHANGED, edit.apply(f -> f.customField(callback, "2026-12-10")));
        field(Lead.class, l, "source", EventKind.FIELD_CHANGED, edit.apply(f -> f.source(LeadSource.CHAT)));
        field(Lead.class, l, "responsible", EventKind.RESPONSIBLE_CHANGED, edit.apply(f -> f.responsible(borisUser.id())));
        field(Lead.class, l, "person", EventKind.FIELD_CHANGED, edit.apply(f -> f.person("Ivan", "Petrov")));
        field(Lead.class, l, "phones", EventKind.FIELD_CHANGED, edit.apply(f -> f.phone("+7 901 776-34-34")));
        field(Lead.class, l, "emails", EventKind.FIELD_CHANGED, edit.apply(f -> f.email("ivan@mail.test")));
        field(Lead.class, l, "companyName", EventKind.FIELD_CHANGED, edit.apply(f -> f.companyName("Hooves")));
        field(Lead.class, l, "budget", EventKind.FIELD_CHANGED, edit.apply(f -> f.budget(Money.of("5000", "RUB"))));
        field(Lead.class, l, "tags", EventKind.FIELD_CHANGED, edit.apply(f -> f.tag("site")));
        fields(Lead.class, l, List.of("company"), edit.apply(f -> f.company(hooves.id())), seen(EventKind.LINKED, "company"));
        none(l, edit.apply(f -> f.name("Chairs, 40").tag("site")));
        fields(Lead.class, l, List.of("contact", "status", "convertedContact", "convertedDeal", "convertedCompany",
                "decided", "decidedBy"), () -> anna.leads().convert(l.id(), anna.leads().get(l.id()).version(),
                Conversion.into(sales().id()).contact(ivan.id()).company(hooves.id())),
                seen(EventKind.FIELD_CHANGED, "status"), seen(EventKind.LINKED, "contact"),
                seen(EventKind.FIELD_CHANGED, "convertedDeal"), seen(EventKind.FIELD_CHANGED, "convertedContact"),
                seen(EventKind.FIELD_CHANGED, "convertedCompany"), seen(EventKind.FIELD_CHANGED, "decided"),
                seen(EventKind.FIELD_CHANGED, "decidedBy"), seen(EventKind.CONVERTED, "deal"));
        allFieldsCovered(Lead.class);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("each field of a user, a pipeline and a list item written through the API gets exactly its event")
    void everyUserPipelineAndListField() {
        User carl = anna.users().add(UserForm.named("Carl").email("carl@crmkit.test"));
        Function<java.util.function.Consumer<UserForm>, Runnable> edit = e -> () -> {
            User current = anna.users().find(carl.id()).orElseThrow();
            anna.users().update(current.id(), current.version(), e);
        };
        field(User.class, carl, "name", EventKind.FIELD_CHANGED, edit.apply(f -> f.name("Carl Clerk")));
        field(User.class, carl, "email", EventKind.FIELD_CHANGED, edit.apply(f -> f.email("clerk@crmkit.test")));
        field(User.class, carl, "role", EventKind.FIELD_CHANGED, () -> anna.users().changeRole(carl.id(), Role.ADMIN));
        field(User.class, carl, "timeZone", EventKind.FIELD_CHANGED, edit.apply(f -> f.timeZone(ZoneId.of("Europe/Moscow"))));
        field(User.class, carl, "locale", EventKind.FIELD_CHANGED, edit.apply(f -> f.locale(Locale.forLanguageTag("ru"))));
        field(User.class, carl, "rights", EventKind.FIELD_CHANGED, edit.apply(f -> f.grant(UserRight.EXPORT)));
        field(User.class, carl, "active", EventKind.FIELD_CHANGED, () -> anna.users().deactivate(carl.id(), annaUser.id()));
        none(carl, () -> anna.users().changeRole(carl.id(), Role.ADMIN));
        allFieldsCovered(User.class);

        Pipeline p = sales();
        Pipeline second = anna.pipelines().create(dev.crmkit.core.deal.NewPipeline.named("Second").stage("A", 10));
        field(Pipeline.class, p, "name", EventKind.FIELD_CHANGED, () -> anna.pipelines().rename(p.id(), "Main"));
        field(Pipeline.class, p, "position", EventKind.FIELD_CHANGED,
                () -> anna.pipelines().reorder(List.of(second.id(), p.id())));
        field(Pipeline.class, p, "stages", EventKind.FIELD_CHANGED, () -> anna.pipelines().addStage(p.id(), "Contract", 90));
        field(Pipeline.class, p, "stages", EventKind.FIELD_CHANGED,
                () -> anna.pipelines().setProbability(p.id(), p.stages().get(0).id(), 15));
        field(Pipeline.class, p, "stages", EventKind.FIELD_CHANGED,
                () -> anna.pipelines().renameStage(p.id(), p.stages().get(0).id(), "First call"));
        StageRequirement budget = StageRequirement.of(p.stages().get(1).id(), DealPart.BUDGET);
        field(Pipeline.class, p, "requirements", EventKind.FIELD_CHANGED, () -> anna.pipelines().require(p.id(), budget));
        none(p, () -> anna.pipelines().require(p.id(), budget));
        field(Pipeline.class, p, "requirements", EventKind.FIELD_CHANGED, () -> anna.pipelines().unrequire(p.id(), budget));
        none(p, () -> anna.pipelines().unrequire(p.id(), budget));
        none(p, () -> anna.pipelines().rename(p.id(), "Main"));
        none(p, () -> anna.pipelines().reorder(List.of(second.id(), p.id())));
        allFieldsCovered(Pipeline.class);

        CustomField region = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Region", FieldType.LIST)
                .option("north", "North").option("south", "South"));
        Function<Consumer<CustomFieldForm>, Runnable> editField = e -> () -> {
            CustomField current = anna.customFields().get(region.id());
            anna.customFields().update(current.id(), current.version(), e);
        };
        field(CustomField.class, region, "name", EventKind.FIELD_CHANGED, editField.apply(f -> f.name("Area")));
        field(CustomField.class, region, "options", EventKind.FIELD_CHANGED, editField.apply(f -> f.option("west", "West")));
        field(CustomField.class, region, "pipelines", EventKind.FIELD_CHANGED,
                editField.apply(f -> f.pipelines(List.of(p.id()))));
        field(CustomField.class, region, "options", EventKind.FIELD_CHANGED, () -> anna.customFields().removeOption(
                region.id(), anna.customFields().get(region.id()).version(), "west", WhenUsed.REFUSE));
        none(region, editField.apply(f -> f.name("Area")));
        allFieldsCovered(CustomField.class);

        List<ListItem<TaskTypeId>> types = anna.settings().taskTypes().list();
        ListItem<TaskTypeId> call = types.get(0);
        field(ListItem.class, call, "name", EventKind.FIELD_CHANGED, () -> anna.settings().taskTypes().rename(call.id(), "Phone call"));
        List<TaskTypeId> reversed = new ArrayList<>(types.stream().map(ListItem::id).toList());
        java.util.Collections.reverse(reversed);
        field(ListItem.class, call, "position", EventKind.FIELD_CHANGED, () -> anna.settings().taskTypes().reorder(reversed));
        none(call, () -> anna.settings().taskTypes().reorder(reversed));
        allFieldsCovered(ListItem.class);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("each field of a task and the owner of timeline entries written through the API gets exactly its event")
    void everyTaskAndTimelineField() {
        User carl = anna.users().add(UserForm.named("Carl"));
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact twin = anna.contacts().create(ContactForm.named("Ivan P.").phone("+7 903 000-00-00"));
        RecordRef onTwin = RecordRef.of(twin.id());
        Task t = anna.tasks().create(TaskForm.todo("Call back").on(onTwin).assignee(carl.id())
                .deadline(T0.plus(Duration.ofDays(1))));
        ListItem<TaskTypeId> visit = anna.settings().taskTypes().add("Visit");
        Task onVisit = anna.tasks().create(TaskForm.todo("Visit").type(visit.id()).on(onTwin)
                .deadline(T0.plus(Duration.ofDays(2))));
        TaskTypeId call = anna.settings().taskTypes().list().get(0).id();
        field(Task.class, onVisit, "type", EventKind.FIELD_CHANGED,
                () -> anna.settings().taskTypes().remove(visit.id(), Optional.of(call)));
        field(Task.class, t, "assignee", EventKind.RESPONSIBLE_CHANGED,
                () -> anna.users().deactivate(carl.id(), borisUser.id()));
        Function<Consumer<TaskForm>, Runnable> edit = e -> () -> {
            Task current = anna.tasks().get(t.id());
            anna.tasks().update(current.id(), current.version(), e);
        };
        field(Task.class, t, "text", EventKind.FIELD_CHANGED, edit.apply(f -> f.text("Call back about the chairs")));
        field(Task.class, t, "deadline", EventKind.FIELD_CHANGED, () -> anna.tasks().reschedule(t.id(),
                anna.tasks().get(t.id()).version(), T0.plus(Duration.ofDays(3))));
        field(Task.class, t, "reminder", EventKind.FIELD_CHANGED, edit.apply(f -> f.reminder(Reminder.AT_DEADLINE)));
        field(Task.class, t, "notifyAssignee", EventKind.FIELD_CHANGED, edit.apply(f -> f.notifyAssignee(false)));
        field(Task.class, t, "type", EventKind.FIELD_CHANGED,
                edit.apply(f -> f.type(anna.settings().taskTypes().byName("Meeting").orElseThrow().id())));
        field(Task.class, t, "type", EventKind.FIELD_CHANGED, edit.apply(f -> f.type(call)));
        field(Task.class, t, "owner", EventKind.FIELD_CHANGED, edit.apply(f -> f.on(RecordRef.of(ivan.id()))));
        field(Task.class, t, "owner", EventKind.FIELD_CHANGED, edit.apply(f -> f.on(onTwin)));
        field(Task.class, t, "assignee", EventKind.RESPONSIBLE_CHANGED, edit.apply(f -> f.assignee(annaUser.id())));
        field(Task.class, t, "assignee", EventKind.RESPONSIBLE_CHANGED, edit.apply(f -> f.assignee(borisUser.id())));
        none(t, edit.apply(f -> f.text("Call back about the chairs").notifyAssignee(false)));
        field(Task.class, t, "result", EventKind.FIELD_CHANGED, () -> boris.tasks().setResult(t.id(), "Called"));
        field(Task.class, t, "closed", EventKind.CLOSED, () -> boris.tasks().close(t.id(), Optional.empty()));
        Comment note = anna.timeline().comment(onTwin, "Met at the fair");
        Call phone = anna.timeline().logCall(onTwin, NewCall.inbound("+7 903 000-00-00", "+7 495 000-00-00", T0));
        Message mail = anna.timeline().logMessage(onTwin, NewMessage.of(Channel.EMAIL, Direction.INBOUND,
                "ivan@client.test", "sales@crmkit.test"));
        var preview = anna.contacts().previewMerge(ivan.id(), List.of(twin.id()));
        Map<RecordRef, List<Seen>> moved = new LinkedHashMap<>();
        long before = storage.inTransaction(tx -> tx.events().lastSequence());
        anna.contacts().merge(preview);
        for (Event e : anna.events().after(before, 1000)) {
            moved.computeIfAbsent(e.entity(), r -> new ArrayList<>()).add(seen(e.kind(), e.field().orElse(null)));
        }
        for (Entity<?> entry : List.<Entity<?>>of(t, onVisit, note, phone, mail)) {
            assertThat(moved.get(RecordRef.of(entry.id()))).as("the merge moved %s", entry)
                    .containsExactly(seen(EventKind.FIELD_CHANGED, "owner"));
            covered.computeIfAbsent(entry.getClass(), c -> new TreeSet<>()).add("owner");
        }
        none(t, () -> boris.tasks().setResult(t.id(), "Called"));
        allFieldsCovered(Task.class);
        allFieldsCovered(Comment.class);
        allFieldsCovered(Call.class);
        allFieldsCovered(Message.class);
    }

    @Test
    @Tag("EV-1")
    @DisplayName("creating, deleting and merging write CREATED, DELETED and MERGED for each record they touch")
    void creationsAndDeletions() {
        assertThat(allEventsOf(() -> anna.pipelines().create(dev.crmkit.core.deal.NewPipeline.named("New")
                .stage("A", 10)))).containsExactly("CREATED PIPELINE");
        Pipeline p = sales();
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan"));
        assertThat(allEventsOf(() -> anna.deals().create(DealForm.in(p.id()).name("Chairs").contact(ivan.id()))))
                .containsExactly("CREATED DEAL", "LINKED DEAL");
        Deal d = anna.deals().byContact(ivan.id()).get(0);
        anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(d.id())).deadline(T0.plusSeconds(60)));
        anna.timeline().comment(RecordRef.of(d.id()), "Talked");
        anna.timeline().logCall(RecordRef.of(d.id()), NewCall.inbound("+7 901 776-34-34", "+7 495 000-00-00", T0));
        anna.timeline().logMessage(RecordRef.of(d.id()), NewMessage.of(Channel.EMAIL, Direction.INBOUND, "a@b.test",
                "c@d.test"));
        assertThat(allEventsOf(() -> anna.deals().delete(d.id(), anna.deals().get(d.id()).version())))
                .containsExactlyInAnyOrder("DELETED TASK", "DELETED TIMELINE_ENTRY", "DELETED TIMELINE_ENTRY",
                        "DELETED TIMELINE_ENTRY", "DELETED DEAL");
        Contact twin = anna.contacts().create(ContactForm.named("Ivan P."));
        assertThat(allEventsOf(() -> anna.contacts().merge(anna.contacts().previewMerge(ivan.id(), List.of(twin.id())))))
                .containsExactly("MERGED CONTACT", "MERGED CONTACT");
        assertThat(allEventsOf(() -> anna.tasks().createForContacts(TaskForm.todo("Call").deadline(T0.plusSeconds(60)),
                List.of(ivan.id())))).containsExactly("CREATED TASK");
        Task single = anna.tasks().of(RecordRef.of(ivan.id())).get(0);
        assertThat(allEventsOf(() -> anna.tasks().delete(single.id(), single.version()))).containsExactly("DELETED TASK");
        anna.tasks().createForContacts(TaskForm.todo("Call").deadline(T0.plusSeconds(60)), List.of(ivan.id()));
        assertThat(allEventsOf(() -> anna.settings().productGroups().add("Desks"))).containsExactly("CREATED SETTING");
        assertThat(allEventsOf(() -> anna.contacts().delete(ivan.id(), anna.contacts().get(ivan.id()).version())))
                .containsExactly("DELETED TASK", "DELETED CONTACT");
        Company c = anna.companies().create(CompanyForm.named("Hooves"));
        assertThat(allEventsOf(() -> anna.companies().delete(c.id(), c.version()))).containsExactly("DELETED COMPANY");
        User carl = anna.users().add(UserForm.named("Carl"));
        assertThat(allEventsOf(() -> anna.users().delete(carl.id(), annaUser.id()))).containsExactly("DELETED USER");
        assertThat(allEventsOf(() -> anna.pipelines().deleteStage(p.id(), p.stages().get(0).id(), Optional.empty())))
                .containsExactly("FIELD_CHANGED PIPELINE");
    }
}
