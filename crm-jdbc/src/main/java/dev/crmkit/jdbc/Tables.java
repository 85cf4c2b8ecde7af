package dev.crmkit.jdbc;

import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import com.fasterxml.jackson.databind.JavaType;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.StageTransitionFields;
import dev.crmkit.api.query.TaskFields;
import dev.crmkit.api.query.TimelineFields;
import dev.crmkit.api.query.UserFields;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import java.util.List;
import java.util.stream.Collectors;

/** How each entity type maps to its table (see the V1 migration). */
final class Tables {

    static final TableSpec<UserId, User> USERS = new TableSpec<>("users", List.of(
            Column.of(UserFields.NAME, "name", "text"),
            Column.extra("email", "text", u -> u.email().map(Email::normalized).orElse(null)),
            Column.of(UserFields.ROLE, "role", "text"),
            Column.of(UserFields.ACTIVE, "active", "boolean")), kind -> JsonCodec.type(User.class));

    static final TableSpec<CompanyId, Company> COMPANIES = new TableSpec<>("companies", List.of(
            Column.of(CompanyFields.NAME, "name", "text"),
            Column.of(CompanyFields.RESPONSIBLE, "responsible", "uuid"),
            Column.of(CompanyFields.ACCESS, "access", "text"),
            Column.of(CompanyFields.MANAGER, "managers", "uuid"),
            Column.of(CompanyFields.TYPE, "type", "uuid"),
            Column.of(CompanyFields.TEMPERATURE, "temperature", "uuid"),
            Column.of(CompanyFields.CREATED, "created", "timestamptz"),
            Column.of(CompanyFields.TAG, "tags", "text"),
            Column.extraArray("phone_keys", "text", Tables::phoneKeys),
            Column.extraArray("emails", "text", Tables::emails),
            Column.extra("name_key", "text", c -> Names.matchKey(c.name()))), kind -> JsonCodec.type(Company.class));

    static final TableSpec<ContactId, Contact> CONTACTS = new TableSpec<>("contacts", List.of(
            Column.of(ContactFields.NAME, "name", "text"),
            Column.of(ContactFields.COMPANY, "company", "uuid"),
            Column.of(ContactFields.RESPONSIBLE, "responsible", "uuid"),
            Column.of(ContactFields.ACCESS, "access", "text"),
            Column.of(ContactFields.MANAGER, "managers", "uuid"),
            Column.of(ContactFields.TYPE, "type", "uuid"),
            Column.of(ContactFields.TEMPERATURE, "temperature", "uuid"),
            Column.of(ContactFields.BIRTH_DATE, "birth_date", "date"),
            Column.of(ContactFields.CREATED, "created", "timestamptz"),
            Column.of(ContactFields.UPDATED, "updated", "timestamptz"),
            Column.of(ContactFields.TAG, "tags", "text"),
            Column.extraArray("phone_keys", "text", Tables::phoneKeys),
            Column.extraArray("emails", "text", Tables::emails),
            Column.extra("name_key", "text", c -> c.name().matchKey())), kind -> JsonCodec.type(Contact.class));

    static final TableSpec<LeadId, Lead> LEADS = new TableSpec<>("leads", List.of(
            Column.of(LeadFields.NAME, "name", "text"),
            Column.of(LeadFields.STATUS, "status", "text"),
            Column.of(LeadFields.SOURCE, "source", "text"),
            Column.of(LeadFields.RESPONSIBLE, "responsible", "uuid"),
            Column.of(LeadFields.CONTACT, "contact", "uuid"),
            Column.of(LeadFields.COMPANY, "company", "uuid"),
            Column.of(LeadFields.CREATED, "created", "timestamptz")), kind -> JsonCodec.type(Lead.class));

    static final TableSpec<PipelineId, Pipeline> PIPELINES = new TableSpec<>("pipelines", List.of(
            Column.extra("name", "text", Pipeline::name),
            Column.extra("position", "integer", Pipeline::position)), kind -> JsonCodec.type(Pipeline.class));

    static final TableSpec<CustomFieldId, CustomField> CUSTOM_FIELDS = new TableSpec<>("custom_fields", List.of(
            Column.extra("entity", "text", f -> f.entity().name()),
            Column.extra("name", "text", CustomField::name)), kind -> JsonCodec.type(CustomField.class));

    static final TableSpec<StageTransitionId, StageTransition> STAGE_TRANSITIONS = new TableSpec<>(
            "stage_transitions", List.of(
            Column.of(StageTransitionFields.DEAL, "deal", "uuid"),
            Column.of(StageTransitionFields.PIPELINE, "pipeline", "uuid"),
            Column.of(StageTransitionFields.TO, "to_stage", "uuid"),
            Column.of(StageTransitionFields.AT, "at", "timestamptz")), kind -> JsonCodec.type(StageTransition.class));

    static final TableSpec<SalesGoalId, SalesGoal> SALES_GOALS = new TableSpec<>("sales_goals", List.of(
            Column.extra("manager", "uuid", g -> g.manager().value())), kind -> JsonCodec.type(SalesGoal.class));

    static final TableSpec<RateTableId, RateTable> RATE_TABLES = new TableSpec<>("rate_tables", List.of(),
            kind -> JsonCodec.type(RateTable.class));

    static final TableSpec<ImportTemplateId, ImportTemplate> IMPORT_TEMPLATES = new TableSpec<>("import_templates",
            List.of(Column.extra("name", "text", ImportTemplate::name)), kind -> JsonCodec.type(ImportTemplate.class));

    static final TableSpec<DealId, Deal> DEALS = new TableSpec<>("deals", List.of(
            Column.of(DealFields.NAME, "name", "text"),
            Column.of(DealFields.PIPELINE, "pipeline", "uuid"),
            Column.of(DealFields.STAGE, "stage", "uuid"),
            Column.of(DealFields.RESPONSIBLE, "responsible", "uuid"),
            Column.of(DealFields.CONTACT, "contacts", "uuid"),
            Column.of(DealFields.COMPANY, "company", "uuid"),
            Column.of(DealFields.PRODUCT_GROUP, "product_group", "uuid"),
            Column.of(DealFields.LOSS_REASON, "loss_reason", "uuid"),
            Column.of(DealFields.SOURCE, "source", "text"),
            Column.of(DealFields.BUDGET_AMOUNT, "budget_amount", "numeric"),
            Column.of(DealFields.BUDGET_CURRENCY, "budget_currency", "text"),
            Column.of(DealFields.EXPECTED_CLOSE, "expected_close", "date"),
            Column.of(DealFields.CLOSED, "closed", "timestamptz"),
            Column.of(DealFields.CREATED, "created", "timestamptz"),
            Column.of(DealFields.UPDATED, "updated", "timestamptz"),
            Column.of(DealFields.TAG, "tags", "text"),
            Column.of(DealFields.RESTRICTED_TO, "restricted_to", "uuid")), kind -> JsonCodec.type(Deal.class));

    static final TableSpec<TaskId, Task> TASKS = new TableSpec<>("tasks", List.of(
            Column.of(TaskFields.TYPE, "type", "uuid"),
            Column.extra("owner_type", "text", t -> t.owner().type()),
            Column.extra("owner_id", "uuid", t -> t.owner().id()),
            Column.of(TaskFields.ASSIGNEE, "assignee", "uuid"),
            Column.of(TaskFields.DEADLINE, "deadline", "timestamptz"),
            Column.of(TaskFields.CLOSED, "closed", "timestamptz"),
            Column.of(TaskFields.CREATED, "created", "timestamptz")), kind -> JsonCodec.type(Task.class));

    static final TableSpec<TimelineEntryId, TimelineEntry> TIMELINE = new TableSpec<>("timeline_entries", List.of(
            Column.of(TimelineFields.KIND, "kind", "text"),
            Column.of(TimelineFields.OWNER_TYPE, "owner_type", "text"),
            Column.of(TimelineFields.OWNER_ID, "owner_id", "uuid"),
            Column.of(TimelineFields.AUTHOR, "author", "uuid"),
            Column.of(TimelineFields.AT, "at", "timestamptz"),
            Column.extra("integration", "text", e -> e instanceof Call ? ((Call) e).integration().orElse(null) : null),
            Column.extra("call_id", "text", e -> e instanceof Call ? ((Call) e).callId().orElse(null) : null)),
            Tables::timelineClass);


    /** Every table, children before parents (the order to empty them in). */
    static final List<String> ALL = List.of("events", "timeline_entries", "tasks", "deals", "leads", "contacts",
            "companies", "stage_transitions", "sales_goals", "rate_tables", "import_templates", "pipelines", "custom_fields", "users", "task_types", "contact_types", "temperature_levels", "loss_reasons",
            "product_groups");

    private Tables() {
    }

    /** The table of an admin-managed list: one per {@link ListKind}, named by its key. */
    /** The spec of each list kind's table, built once: every transaction asks for every kind's. */
    private static final java.util.concurrent.ConcurrentMap<String, TableSpec<?, ?>> LISTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    static <I extends ListItemId> TableSpec<I, ListItem<I>> list(ListKind<I> kind) {
        return (TableSpec<I, ListItem<I>>) LISTS.computeIfAbsent(kind.key(), k -> listSpec(kind));
    }

    private static <I extends ListItemId> TableSpec<I, ListItem<I>> listSpec(ListKind<I> kind) {
        JavaType type = JsonCodec.type(ListItem.class, kind.idType());
        return new TableSpec<>(kind.key(), List.of(
                Column.extra("name", "text", ListItem::name),
                Column.extra("position", "integer", ListItem::position)), k -> type);
    }

    private static List<String> phoneKeys(Client c) {
        return c.phones().stream().map(p -> p.number().indexKey()).distinct().collect(Collectors.toList());
    }

    private static List<String> emails(Client c) {
        return c.emails().stream().map(e -> e.email().normalized()).distinct().collect(Collectors.toList());
    }

    private static JavaType timelineClass(String kind) {
        switch (kind) {
            case "comment":
                return JsonCodec.type(Comment.class);
            case "call":
                return JsonCodec.type(Call.class);
            case "message":
                return JsonCodec.type(Message.class);
            default:
                throw new IllegalStateException("unknown timeline entry kind " + kind);
        }
    }
}
