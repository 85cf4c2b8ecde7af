package dev.crmkit.jdbc;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.Email;
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
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Clients;
import dev.crmkit.spi.Companies;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.CustomFields;
import dev.crmkit.spi.Deals;
import dev.crmkit.spi.Leads;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Pipelines;
import dev.crmkit.spi.ImportTemplates;
import dev.crmkit.spi.RateTables;
import dev.crmkit.spi.SalesGoals;
import dev.crmkit.spi.StageTransitions;
import dev.crmkit.spi.Tasks;
import dev.crmkit.spi.Timeline;
import dev.crmkit.spi.Users;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The per-aggregate ports of the PostgreSQL adapter: the generic store plus each port's indexed lookups. */
final class JdbcPorts {

    private JdbcPorts() {
    }

    private static SqlValues.Param uuid(Object id) {
        return SqlValues.Param.of(id, "uuid");
    }

    private static SqlValues.Param text(Object value) {
        return SqlValues.Param.of(value, "text");
    }

    static final class JdbcUsers extends JdbcStore<UserId, User> implements Users {
        JdbcUsers(JdbcTransaction tx) {
            super(tx, Tables.USERS);
        }

        @Override
        public Optional<User> byEmail(Email email) {
            return where("email = ?", "id", text(email.normalized())).stream().findFirst();
        }
    }

    /** Contacts and companies: the duplicate lookups on their phone-key, e-mail and name-key columns. */
    abstract static class JdbcClients<I extends EntityId, E extends Entity<I> & Client> extends JdbcStore<I, E>
            implements Clients<I, E> {
        JdbcClients(JdbcTransaction tx, TableSpec<I, E> spec) {
            super(tx, spec);
        }

        @Override
        public List<E> byPhoneKeys(Set<String> keys) {
            return keys.isEmpty() ? List.of() : where("phone_keys && ?", "id", SqlValues.Param.array(keys, "text"));
        }

        @Override
        public List<E> byEmails(Set<String> emails) {
            return emails.isEmpty() ? List.of() : where("emails && ?", "id", SqlValues.Param.array(emails, "text"));
        }

        @Override
        public List<E> byNameKey(String key) {
            return where("name_key = ?", "id", text(key));
        }
    }

    static final class JdbcContacts extends JdbcClients<ContactId, Contact> implements Contacts {
        JdbcContacts(JdbcTransaction tx) {
            super(tx, Tables.CONTACTS);
        }

        @Override
        public List<Contact> byCompany(CompanyId company) {
            return where("company = ?", "id", uuid(company));
        }

        @Override
        public List<Contact> byNameKeyAndBirthDate(String key, LocalDate day) {
            Objects.requireNonNull(day, "day");
            return where("name_key = ? AND birth_date = ?", "id", text(key), SqlValues.Param.of(day, "date"));
        }
    }

    static final class JdbcCompanies extends JdbcClients<CompanyId, Company> implements Companies {
        JdbcCompanies(JdbcTransaction tx) {
            super(tx, Tables.COMPANIES);
        }
    }

    static final class JdbcLeads extends JdbcStore<LeadId, Lead> implements Leads {
        JdbcLeads(JdbcTransaction tx) {
            super(tx, Tables.LEADS);
        }

        @Override
        public List<Lead> byContact(ContactId contact) {
            return where("contact = ?", "id", uuid(contact));
        }
    }

    static final class JdbcPipelines extends JdbcStore<PipelineId, Pipeline> implements Pipelines {
        JdbcPipelines(JdbcTransaction tx) {
            super(tx, Tables.PIPELINES);
        }

        @Override
        public List<Pipeline> all() {
            return where("TRUE", "position, id");
        }
    }

    static final class JdbcCustomFields extends JdbcStore<CustomFieldId, CustomField> implements CustomFields {
        JdbcCustomFields(JdbcTransaction tx) {
            super(tx, Tables.CUSTOM_FIELDS);
        }

        @Override
        public List<CustomField> all() {
            return where("TRUE", "id");
        }
    }

    static final class JdbcSalesGoals extends JdbcStore<SalesGoalId, SalesGoal> implements SalesGoals {
        JdbcSalesGoals(JdbcTransaction tx) {
            super(tx, Tables.SALES_GOALS);
        }

        @Override
        public List<SalesGoal> all() {
            return where("TRUE", "id");
        }
    }

    static final class JdbcRateTables extends JdbcStore<RateTableId, RateTable> implements RateTables {
        JdbcRateTables(JdbcTransaction tx) {
            super(tx, Tables.RATE_TABLES);
        }
    }

    static final class JdbcImportTemplates extends JdbcStore<ImportTemplateId, ImportTemplate>
            implements ImportTemplates {
        JdbcImportTemplates(JdbcTransaction tx) {
            super(tx, Tables.IMPORT_TEMPLATES);
        }

        @Override
        public Optional<ImportTemplate> byName(String name) {
            return where("name = ?", "id", text(name)).stream().findFirst();
        }

        @Override
        public List<ImportTemplate> all() {
            return where("TRUE", "name, id");
        }
    }

    static final class JdbcStageTransitions extends JdbcStore<StageTransitionId, StageTransition>
            implements StageTransitions {
        JdbcStageTransitions(JdbcTransaction tx) {
            super(tx, Tables.STAGE_TRANSITIONS);
        }

        @Override
        public List<StageTransition> ofDeal(DealId deal) {
            return where("deal = ?", "at, id", uuid(deal));
        }
    }

    static final class JdbcDeals extends JdbcStore<DealId, Deal> implements Deals {
        JdbcDeals(JdbcTransaction tx) {
            super(tx, Tables.DEALS);
        }

        @Override
        public List<Deal> byContact(ContactId contact) {
            return where("? = ANY(contacts)", "id", uuid(contact));
        }

        @Override
        public List<Deal> byCompany(CompanyId company) {
            return where("company = ?", "id", uuid(company));
        }
    }

    static final class JdbcTasks extends JdbcStore<TaskId, Task> implements Tasks {
        JdbcTasks(JdbcTransaction tx) {
            super(tx, Tables.TASKS);
        }

        @Override
        public List<Task> byOwner(RecordRef owner) {
            return where("owner_type = ? AND owner_id = ?", "deadline, id", text(owner.type()), uuid(owner.id()));
        }

        /** One statement per kind of owner (a page of deals: one), on the owner index. */
        @Override
        public List<Task> byOwners(Collection<RecordRef> owners) {
            Map<EntityType, Set<UUID>> ids = new TreeMap<>();
            for (RecordRef owner : owners) {
                ids.computeIfAbsent(owner.type(), t -> new LinkedHashSet<>()).add(owner.id());
            }
            List<Task> all = new ArrayList<>();
            for (Map.Entry<EntityType, Set<UUID>> kind : ids.entrySet()) {
                all.addAll(where("owner_type = ? AND owner_id = ANY(?)", "deadline, id", text(kind.getKey()),
                        SqlValues.Param.array(kind.getValue(), "uuid")));
            }
            if (ids.size() > 1) {
                all.sort(Comparator.comparing(Task::deadline).thenComparing(Task::id, EntityId.ORDER));
            }
            return all;
        }

        @Override
        public List<Task> byAssignee(UserId assignee) {
            return where("assignee = ?", "deadline, id", uuid(assignee));
        }
    }

    static final class JdbcTimeline extends JdbcStore<TimelineEntryId, TimelineEntry> implements Timeline {
        JdbcTimeline(JdbcTransaction tx) {
            super(tx, Tables.TIMELINE);
        }

        @Override
        public List<TimelineEntry> byOwner(RecordRef owner) {
            return where("owner_type = ? AND owner_id = ?", "at, id", text(owner.type()), uuid(owner.id()));
        }

        @Override
        public Optional<Call> byCallId(String integration, String callId) {
            return where("integration = ? AND call_id = ?", "id", text(integration), text(callId)).stream()
                    .map(Call.class::cast).findFirst();
        }
    }

    static final class JdbcList<I extends ListItemId> extends JdbcStore<I, ListItem<I>> implements ListStore<I> {
        JdbcList(JdbcTransaction tx, TableSpec<I, ListItem<I>> spec) {
            super(tx, spec);
        }

        @Override
        public List<ListItem<I>> all() {
            return where("TRUE", "position, id");
        }
    }
}
