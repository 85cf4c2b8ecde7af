package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.spi.AnalyticsQueries;
import dev.crmkit.spi.DuplicateQueries;
import dev.crmkit.spi.PortsTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A transaction of {@link InMemoryStorage}: its own views of every table and the locks it holds. */
final class MemoryTransaction extends PortsTransaction {

    final InMemoryStorage storage;
    /** The first ConflictException or StorageException a port call threw; from then on the transaction can only roll back. */
    private final Deque<Lock> held = new ArrayDeque<>();
    private final Map<Lock, Boolean> heldSet = new IdentityHashMap<>();

    final Ports.MemoryUsers users;
    final Ports.MemoryContacts contacts;
    final Ports.MemoryCompanies companies;
    final Ports.MemoryLeads leads;
    final Ports.MemoryPipelines pipelines;
    final Ports.MemoryCustomFields customFields;
    final Ports.MemoryStageTransitions stageTransitions;
    final Ports.MemorySalesGoals salesGoals;
    final Ports.MemoryRateTables rateTables;
    final Ports.MemoryImportTemplates importTemplates;
    final Ports.MemoryDeals deals;
    final Ports.MemoryTasks tasks;
    final Ports.MemoryTimeline timeline;
    private final Map<ListKind<?>, Ports.MemoryList<?>> lists = new LinkedHashMap<>();
    final MemoryEvents events;

    MemoryTransaction(InMemoryStorage storage) {
        this.storage = storage;
        users = new Ports.MemoryUsers(storage.users, this);
        contacts = new Ports.MemoryContacts(storage.contacts, this);
        companies = new Ports.MemoryCompanies(storage.companies, this);
        leads = new Ports.MemoryLeads(storage.leads, this);
        pipelines = new Ports.MemoryPipelines(storage.pipelines, this);
        customFields = new Ports.MemoryCustomFields(storage.customFields, this);
        stageTransitions = new Ports.MemoryStageTransitions(storage.stageTransitions, this);
        salesGoals = new Ports.MemorySalesGoals(storage.salesGoals, this);
        rateTables = new Ports.MemoryRateTables(storage.rateTables, this);
        importTemplates = new Ports.MemoryImportTemplates(storage.importTemplates, this);
        deals = new Ports.MemoryDeals(storage.deals, this);
        tasks = new Ports.MemoryTasks(storage.tasks, this);
        timeline = new Ports.MemoryTimeline(storage.timeline, this);
        for (ListKind<?> kind : ListKind.all()) {
            lists.put(kind, listView(kind));
        }
        events = new MemoryEvents(storage.eventLog, this);
        ports(new PortSet(users, contacts, companies, leads, pipelines, customFields, stageTransitions, salesGoals, rateTables,
                importTemplates, deals, tasks, timeline, events, Map.copyOf(lists)));
    }

    /** Every table view, in a fixed order, for validation and commit. */
    List<MemoryStore<?, ?>> stores() {
        List<MemoryStore<?, ?>> all = new ArrayList<>(List.of(users, contacts, companies, leads, pipelines, customFields, stageTransitions, salesGoals,
                rateTables, importTemplates, deals, tasks, timeline));
        all.addAll(lists.values());
        return all;
    }

    private <I extends ListItemId> Ports.MemoryList<I> listView(ListKind<I> kind) {
        return new Ports.MemoryList<>(storage.list(kind), this);
    }

    /**
     * A stream over rows read already that, like a database cursor, cannot be read once the transaction
     * has ended.
     */
    <T> Stream<T> confined(List<T> rows) {
        Iterator<T> it = rows.iterator();
        Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<T>(rows.size(),
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                checkOpen();
                if (!it.hasNext()) {
                    return false;
                }
                action.accept(it.next());
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /** The analytics facts computed over the columnar transition log (and this transaction's own writes). */
    @Override
    public Optional<AnalyticsQueries> analytics() {
        checkOpen();
        return Optional.of(new MemoryAnalytics(this));
    }

    /** The first step of a duplicate scan over the contact table's lookup indexes. */
    @Override
    public Optional<DuplicateQueries> duplicates() {
        checkOpen();
        return Optional.of(new MemoryDuplicates(this));
    }

    void end() {
        ended();
        while (!held.isEmpty()) {
            held.pop().unlock();
        }
        heldSet.clear();
    }

    @Override
    public void lock(Collection<String> keys) {
        checkOpen();
        for (Lock lock : storage.locks.bulkGet(keys)) {
            if (heldSet.containsKey(lock)) {
                continue;
            }
            boolean acquired;
            try {
                acquired = lock.tryLock(storage.lockTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Not a conflict: a retry loop would spin, since the restored interrupt fails every wait at once.
                Thread.currentThread().interrupt();
                throw failed(new StorageException("interrupted while waiting for a lock", e));
            }
            if (!acquired) {
                // The keys are left out of the message: they are often phone numbers or e-mails.
                throw failed(new ConflictException("could not lock " + keys.size() + " key(s) within "
                        + storage.lockTimeout, null, ConflictException.Reason.LOCK_TIMEOUT, null));
            }
            held.push(lock);
            heldSet.put(lock, Boolean.TRUE);
        }
    }
}
