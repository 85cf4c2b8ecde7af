package dev.crmkit.inmemory;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
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
import dev.crmkit.api.query.Filter;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The per-aggregate ports of the in-memory adapter: the generic store plus each port's lookups. */
final class Ports {

    private Ports() {
    }

    /** The key of a call's (integration, call id) pair in the unique index. */
    static List<Object> callKey(TimelineEntry e) {
        if (e instanceof Call) {
            Call c = (Call) e;
            if (c.integration().isPresent() && c.callId().isPresent()) {
                return List.of(c.integration().get() + '\u0000' + c.callId().get());
            }
        }
        return List.of();
    }

    /** The index keys of a client's phones, in the form the index holds them ({@link #phoneKey}). */
    static List<Object> phoneKeys(Client c) {
        List<ContactPhone> phones = c.phones();
        if (phones.size() == 1) {
            return List.of(phoneKey(phones.get(0).number().indexKey()));
        }
        List<Object> keys = new ArrayList<>(phones.size());
        for (ContactPhone p : phones) {
            Object key = phoneKey(p.number().indexKey());
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * A phone index key as the in-memory index holds it: a key of up to 18 digits (every key of a parsed number) as
     * the {@code Long} of "1" followed by its digits, so that "0123" (10123) and "123" (1123) stay apart and the low
     * bits, which a hash map's buckets are chosen by, vary (a boxed long takes 24 bytes, the string 48); anything else
     * as it is.
     */
    static Object phoneKey(String key) {
        if (key.isEmpty() || key.length() > 18) {
            return key;
        }
        long value = 1;
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < '0' || ch > '9') {
                return key;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /** The normalized forms of a client's e-mails. */
    static List<String> emails(Client c) {
        List<ContactEmail> emails = c.emails();
        if (emails.size() == 1) {
            return List.of(emails.get(0).email().normalized());
        }
        List<String> keys = new ArrayList<>(emails.size());
        for (ContactEmail e : emails) {
            String key = e.email().normalized();
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    static <I extends EntityId, E extends Entity<I>> Comparator<E> byId() {
        return Comparator.comparing(Entity::id, EntityId.ORDER);
    }

    static final class MemoryUsers extends MemoryStore<UserId, User> implements Users {
        MemoryUsers(Table<UserId, User> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public Optional<User> byEmail(Email email) {
            return lookup("email", email.normalized()).stream().findFirst();
        }
    }

    /**
     * The rank of a contact in the name index's buckets: its birth date's epoch day, so that namesakes born on one day
     * are found together; contacts without a birth date come first.
     */
    static long birthRank(Contact c) {
        return c.birthDate().isPresent() ? c.birthDate().get().toEpochDay() : NO_BIRTH_DATE;
    }

    /** The {@link #birthRank} of a contact without a birth date: below every date's epoch day. */
    static final long NO_BIRTH_DATE = Long.MIN_VALUE;

    /** Contacts and companies: the duplicate lookups on their phone-key, e-mail and name-key indexes. */
    abstract static class MemoryClients<I extends EntityId, E extends Entity<I> & Client> extends MemoryStore<I, E>
            implements Clients<I, E> {
        MemoryClients(Table<I, E> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<E> byPhoneKeys(Set<String> keys) {
            return lookupAny("phone", keys.stream().map(Ports::phoneKey).collect(Collectors.toSet()));
        }

        @Override
        public List<E> byEmails(Set<String> emails) {
            return lookupAny("email", emails);
        }

        @Override
        public List<E> byNameKey(String key) {
            return lookup("name", key);
        }
    }

    static final class MemoryContacts extends MemoryClients<ContactId, Contact> implements Contacts {
        MemoryContacts(Table<ContactId, Contact> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<Contact> byCompany(CompanyId company) {
            return lookup("company", company);
        }

        @Override
        public List<Contact> byNameKeyAndBirthDate(String key, LocalDate day) {
            Objects.requireNonNull(day, "day");
            return lookupRanked("name", key, day.toEpochDay());
        }
    }

    static final class MemoryCompanies extends MemoryClients<CompanyId, Company> implements Companies {
        MemoryCompanies(Table<CompanyId, Company> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class MemoryLeads extends MemoryStore<LeadId, Lead> implements Leads {
        MemoryLeads(Table<LeadId, Lead> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<Lead> byContact(ContactId contact) {
            return lookup("contact", contact);
        }
    }

    static final class MemoryPipelines extends MemoryStore<PipelineId, Pipeline> implements Pipelines {
        MemoryPipelines(Table<PipelineId, Pipeline> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<Pipeline> all() {
            List<Pipeline> all = matching(Filter.all());
            all.sort(Comparator.comparingInt(Pipeline::position).thenComparing(byId()));
            return all;
        }
    }

    static final class MemoryCustomFields extends MemoryStore<CustomFieldId, CustomField> implements CustomFields {
        MemoryCustomFields(Table<CustomFieldId, CustomField> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<CustomField> all() {
            List<CustomField> all = matching(Filter.all());
            all.sort(byId());
            return all;
        }
    }

    static final class MemorySalesGoals extends MemoryStore<SalesGoalId, SalesGoal> implements SalesGoals {
        MemorySalesGoals(Table<SalesGoalId, SalesGoal> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<SalesGoal> all() {
            List<SalesGoal> all = matching(Filter.all());
            all.sort(byId());
            return all;
        }
    }

    static final class MemoryRateTables extends MemoryStore<RateTableId, RateTable> implements RateTables {
        MemoryRateTables(Table<RateTableId, RateTable> table, MemoryTransaction tx) {
            super(table, tx);
        }
    }

    static final class MemoryImportTemplates extends MemoryStore<ImportTemplateId, ImportTemplate>
            implements ImportTemplates {
        MemoryImportTemplates(Table<ImportTemplateId, ImportTemplate> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public Optional<ImportTemplate> byName(String name) {
            return lookup("name", name).stream().findFirst();
        }

        @Override
        public List<ImportTemplate> all() {
            List<ImportTemplate> all = matching(Filter.all());
            all.sort(Comparator.comparing(ImportTemplate::name).thenComparing(byId()));
            return all;
        }
    }

    static final class MemoryStageTransitions extends MemoryStore<StageTransitionId, StageTransition>
            implements StageTransitions {
        MemoryStageTransitions(Table<StageTransitionId, StageTransition> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<StageTransition> ofDeal(DealId deal) {
            List<StageTransition> all = lookup("deal", deal);
            all.sort(Comparator.comparing(StageTransition::at).thenComparing(byId()));
            return all;
        }
    }

    static final class MemoryDeals extends MemoryStore<DealId, Deal> implements Deals {
        MemoryDeals(Table<DealId, Deal> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<Deal> byContact(ContactId contact) {
            return lookup("contact", contact);
        }

        @Override
        public List<Deal> byCompany(CompanyId company) {
            return lookup("company", company);
        }
    }

    static final class MemoryTasks extends MemoryStore<TaskId, Task> implements Tasks {
        MemoryTasks(Table<TaskId, Task> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<Task> byOwner(RecordRef owner) {
            return byDeadline(lookup("owner", owner));
        }

        @Override
        public List<Task> byAssignee(UserId assignee) {
            return byDeadline(lookup("assignee", assignee));
        }

        private static List<Task> byDeadline(List<Task> tasks) {
            tasks.sort(Comparator.comparing(Task::deadline).thenComparing(byId()));
            return tasks;
        }
    }

    static final class MemoryTimeline extends MemoryStore<TimelineEntryId, TimelineEntry> implements Timeline {
        MemoryTimeline(Table<TimelineEntryId, TimelineEntry> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<TimelineEntry> byOwner(RecordRef owner) {
            List<TimelineEntry> entries = lookup("owner", owner);
            entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(byId()));
            return entries;
        }

        @Override
        public Optional<Call> byCallId(String integration, String callId) {
            return lookup("callId", integration + '\u0000' + callId).stream().map(Call.class::cast).findFirst();
        }
    }

    static final class MemoryList<I extends ListItemId> extends MemoryStore<I, ListItem<I>> implements ListStore<I> {
        MemoryList(Table<I, ListItem<I>> table, MemoryTransaction tx) {
            super(table, tx);
        }

        @Override
        public List<ListItem<I>> all() {
            List<ListItem<I>> all = matching(Filter.all());
            all.sort(Comparator.comparingInt((ListItem<I> t) -> t.position()).thenComparing(byId()));
            return all;
        }
    }
}
