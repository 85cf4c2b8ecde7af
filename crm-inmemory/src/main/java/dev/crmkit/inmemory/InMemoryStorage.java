package dev.crmkit.inmemory;

import com.google.common.util.concurrent.Striped;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
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
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reference storage adapter: everything in memory, thread-safe, transactional and indexed.
 *
 * <p>How it keeps the {@link Storage} contract: a transaction collects its writes privately (so an
 * exception simply drops them); on commit it takes a write lock, checks that every record it touched is
 * still at the version it was based on and that no unique key was taken meanwhile, and applies
 * everything, events included, before releasing the lock. Every single read takes the read lock, so
 * it sees each other transaction entirely or not at all. {@link Transaction#lock} uses striped locks
 * held until the transaction ends, after its commit. As on PostgreSQL, which must roll back after a
 * failed statement, a port call that threw a conflict leaves its transaction able only to roll back,
 * even if the work caught the exception; streams stop when their transaction ends.
 *
 * <p>Indexes: by id (ordered), contacts by company, deals by contact and company, leads by contact,
 * tasks by owner and assignee, timeline entries by owner and (unique) by integration call id, users
 * (unique) by e-mail; contacts and companies by phone key, e-mail and name key, the contacts under one name key
 * ordered by birth date, so namesakes born on one day are found without reading the others.
 *
 * <p>Query indexes of deals (unless made {@link #withoutQueryIndexes()}): by pipeline and by responsible
 * user; ordered by budget amount, by creation time and by expected close date; and, per stage, ordered by
 * budget amount and by creation time (a stage's column of a kanban board). A query walks an ordered index
 * in its sort order and stops after a page, or tests only the deals an equality or any-of condition on an
 * indexed field finds, whichever is estimated to read fewer deals; every query sorted by id walks the rows
 * in id order. Candidates are always tested with {@link dev.crmkit.api.query.Filter#test}, so the answers
 * are those of a full scan.
 */
public final class InMemoryStorage implements Storage {

    /** How long {@link Transaction#lock} waits by default before giving up with a conflict. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
    final Striped<Lock> locks = Striped.lock(1024);
    final Duration lockTimeout;

    final Table<UserId, User> users = new Table<>(EntityType.USER,
            List.of(Index.unique("email", u -> u.email().map(Email::normalized).stream().toList())));
    final Table<ContactId, Contact> contacts = new Table<>(EntityType.CONTACT, List.of(
            Index.of("company", c -> c.company().stream().toList()),
            Index.of("phone", Ports::phoneKeys),
            Index.of("email", Ports::emails),
            Index.coarse("name", c -> List.of(c.name().matchKey()), ContactFields.NAME,
                    dev.crmkit.api.contact.Names::matchKey).rankedBy(Ports::birthRank)));
    final Table<CompanyId, Company> companies = new Table<>(EntityType.COMPANY, List.of(
            Index.of("phone", Ports::phoneKeys),
            Index.of("email", Ports::emails),
            Index.coarse("name", c -> List.of(dev.crmkit.api.contact.Names.matchKey(c.name())), CompanyFields.NAME,
                    dev.crmkit.api.contact.Names::matchKey)));
    final Table<LeadId, Lead> leads = new Table<>(EntityType.LEAD,
            List.of(Index.of("contact", l -> l.contact().stream().toList())));
    final Table<PipelineId, Pipeline> pipelines = new Table<>(EntityType.PIPELINE, List.of());
    final Table<CustomFieldId, CustomField> customFields = new Table<>(EntityType.CUSTOM_FIELD, List.of());
    final Table<StageTransitionId, StageTransition> stageTransitions = new Table<>(EntityType.STAGE_TRANSITION,
            List.of(Index.of("deal", t -> List.of(t.deal()))));
    final Table<SalesGoalId, SalesGoal> salesGoals = new Table<>(EntityType.SALES_GOAL, List.of());
    final Table<RateTableId, RateTable> rateTables = new Table<>(EntityType.RATE_TABLE, List.of());
    final Table<ImportTemplateId, ImportTemplate> importTemplates = new Table<>(EntityType.IMPORT_TEMPLATE,
            List.of(Index.unique("name", t -> List.of(t.name()))));
    final Table<DealId, Deal> deals;
    final Table<TaskId, Task> tasks = new Table<>(EntityType.TASK, List.of(
            Index.of("owner", t -> List.of(t.owner())),
            Index.of("assignee", t -> List.of(t.assignee()))));
    final Table<TimelineEntryId, TimelineEntry> timeline = new Table<>(EntityType.TIMELINE_ENTRY, List.of(
            Index.<TimelineEntry>of("owner", e -> List.<RecordRef>of(e.owner())),
            Index.unique("callId", Ports::callKey)));
    private final Map<ListKind<?>, Table<?, ?>> lists = new LinkedHashMap<>();
    final EventLog eventLog = new EventLog();
    /** The committed stage transitions again, in columns, for the analytics. */
    final TransitionLog transitionLog = new TransitionLog();

    /** Whether queries are planned over the query indexes, instead of testing every record. */
    final boolean queryIndexes;

    private InMemoryStorage(Duration lockTimeout, boolean queryIndexes) {
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.queryIndexes = queryIndexes;
        List<Index<Deal>> dealIndexes = new ArrayList<>(List.of(
                Index.of("contact", Deal::contacts),
                Index.of("company", d -> d.company().stream().toList()),
                // A deal by its exact name (crm-io's import matches a deal row so), keyed by the name itself.
                Index.coarse("name", d -> List.of(d.name()), DealFields.NAME, name -> name)));
        List<SortedIndex<DealId, Deal>> dealOrders = new ArrayList<>();
        if (queryIndexes) {
            dealIndexes.add(Index.on(DealFields.PIPELINE));
            dealIndexes.add(Index.on(DealFields.RESPONSIBLE));
            for (Field<Deal, ?> f : List.of(DealFields.BUDGET_AMOUNT, DealFields.CREATED, DealFields.EXPECTED_CLOSE)) {
                dealOrders.add(new SortedIndex<>(f, null));
            }
            for (Field<Deal, ?> f : List.of(DealFields.BUDGET_AMOUNT, DealFields.CREATED)) {
                dealOrders.add(new SortedIndex<>(f, DealFields.STAGE));
            }
        }
        deals = new Table<>(EntityType.DEAL, dealIndexes, dealOrders);
        for (ListKind<?> kind : ListKind.all()) {
            lists.put(kind, new Table<>(EntityType.SETTING, List.of()));
        }
    }

    /** The table of one admin-managed list. */
    @SuppressWarnings("unchecked")
    <I extends ListItemId> Table<I, ListItem<I>> list(ListKind<I> kind) {
        return (Table<I, ListItem<I>>) lists.get(kind);
    }

    /**
     * An empty storage with the default lock time-out.
     *
     * @return the storage
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage(DEFAULT_LOCK_TIMEOUT, true);
    }

    /**
     * An empty storage with the default lock time-out that keeps no query indexes: every query and count
     * tests every record of its type, as a full scan. It answers exactly as {@link #create()} does, with
     * less memory (no ordered indexes) and slower queries on many records.
     *
     * @return the storage
     */
    public static InMemoryStorage withoutQueryIndexes() {
        return new InMemoryStorage(DEFAULT_LOCK_TIMEOUT, false);
    }

    /**
     * An empty storage whose {@link Transaction#lock} gives up after the given time.
     *
     * @param lockTimeout how long to wait for logical locks
     * @return the storage
     */
    public static InMemoryStorage create(Duration lockTimeout) {
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative");
        }
        return new InMemoryStorage(lockTimeout, true);
    }

    @Override
    public <T> T inTransaction(Function<? super Transaction, ? extends T> work) {
        Objects.requireNonNull(work, "work");
        MemoryTransaction tx = new MemoryTransaction(this);
        try {
            T result = work.apply(tx);
            tx.checkNotFailed();
            commit(tx);
            return result;
        } finally {
            tx.end();
        }
    }

    <T> T read(Supplier<T> read) {
        Lock lock = state.readLock();
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void commit(MemoryTransaction tx) {
        Lock lock = state.writeLock();
        lock.lock();
        try {
            for (MemoryStore<?, ?> store : tx.stores()) {
                validate(store);
            }
            if (!tx.events.restored.isEmpty() && eventLog.last() != 0) {
                throw MemoryEvents.notEmpty();
            }
            transitionLog.apply(tx.stageTransitions.writes, stageTransitions);
            for (MemoryStore<?, ?> store : tx.stores()) {
                apply(store);
            }
            eventLog.restore(tx.events.restored);
            eventLog.append(tx.events.pending);
        } finally {
            lock.unlock();
        }
    }

    private static <I extends dev.crmkit.api.EntityId, E extends dev.crmkit.api.Entity<I>> void validate(MemoryStore<I, E> store) {
        store.table.validate(store.baseVersions, store.writes);
    }

    private static <I extends dev.crmkit.api.EntityId, E extends dev.crmkit.api.Entity<I>> void apply(MemoryStore<I, E> store) {
        store.table.apply(store.writes);
    }

    @Override
    public String toString() {
        return "InMemoryStorage[" + read(() -> contacts.size() + " contacts, " + deals.size() + " deals, "
                + eventLog.last() + " events") + "]";
    }
}
