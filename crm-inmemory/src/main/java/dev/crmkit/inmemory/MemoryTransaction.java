package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.spi.Companies;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.Deals;
import dev.crmkit.spi.Events;
import dev.crmkit.spi.Leads;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Pipelines;
import dev.crmkit.spi.Settings;
import dev.crmkit.spi.Tasks;
import dev.crmkit.spi.Timeline;
import dev.crmkit.spi.Transaction;
import dev.crmkit.spi.Users;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A transaction of {@link InMemoryStorage}: its own views of every table and the locks it holds. */
final class MemoryTransaction implements Transaction, Settings {

    final InMemoryStorage storage;
    private final Thread owner = Thread.currentThread();
    private boolean open = true;
    /** The first ConflictException or StorageException a port call threw; from then on the transaction can only roll back. */
    private CrmException failure;
    private final Deque<Lock> held = new ArrayDeque<>();
    private final Map<Lock, Boolean> heldSet = new IdentityHashMap<>();

    final Ports.MemoryUsers users;
    final Ports.MemoryContacts contacts;
    final Ports.MemoryCompanies companies;
    final Ports.MemoryLeads leads;
    final Ports.MemoryPipelines pipelines;
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
        deals = new Ports.MemoryDeals(storage.deals, this);
        tasks = new Ports.MemoryTasks(storage.tasks, this);
        timeline = new Ports.MemoryTimeline(storage.timeline, this);
        for (ListKind<?> kind : ListKind.all()) {
            lists.put(kind, listView(kind));
        }
        events = new MemoryEvents(storage.eventLog, this);
    }

    /** Every table view, in a fixed order, for validation and commit. */
    List<MemoryStore<?, ?>> stores() {
        List<MemoryStore<?, ?>> all = new ArrayList<>(List.of(users, contacts, companies, leads, pipelines, deals,
                tasks, timeline));
        all.addAll(lists.values());
        return all;
    }

    private <I extends ListItemId> Ports.MemoryList<I> listView(ListKind<I> kind) {
        return new Ports.MemoryList<>(storage.list(kind), this);
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a transaction is confined to the thread that runs it");
        }
        if (failure != null) {
            throw afterFailure();
        }
    }

    /**
     * Remembers a failure a port call is about to throw. The PostgreSQL adapter must roll back after a
     * failed statement, so this one does too after any conflict or storage failure: the same work then
     * has the same outcome on both (see {@link dev.crmkit.spi.Storage}).
     */
    <X extends CrmException> X failed(X e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Throws, after the work returned normally, if a port call of it failed; nothing is committed then. */
    void checkNotFailed() {
        if (failure != null) {
            throw afterFailure();
        }
    }

    /** An exception of the first failure's kind (a conflict keeps its reason, for retry loops), caused by it. */
    private CrmException afterFailure() {
        String message = "the transaction can only roll back: an earlier call in it failed (" + failure.getMessage() + ")";
        if (failure instanceof ConflictException conflict) {
            return new ConflictException(message, conflict.record().orElse(null), conflict.reason(), conflict);
        }
        return new StorageException(message, failure);
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

    void end() {
        open = false;
        while (!held.isEmpty()) {
            held.pop().unlock();
        }
        heldSet.clear();
    }

    @Override
    public Users users() {
        checkOpen();
        return users;
    }

    @Override
    public Contacts contacts() {
        checkOpen();
        return contacts;
    }

    @Override
    public Companies companies() {
        checkOpen();
        return companies;
    }

    @Override
    public Leads leads() {
        checkOpen();
        return leads;
    }

    @Override
    public Pipelines pipelines() {
        checkOpen();
        return pipelines;
    }

    @Override
    public Deals deals() {
        checkOpen();
        return deals;
    }

    @Override
    public Tasks tasks() {
        checkOpen();
        return tasks;
    }

    @Override
    public Timeline timeline() {
        checkOpen();
        return timeline;
    }

    @Override
    public Events events() {
        checkOpen();
        return events;
    }

    @Override
    public Settings settings() {
        checkOpen();
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I extends ListItemId> ListStore<I> list(ListKind<I> kind) {
        checkOpen();
        return (ListStore<I>) lists.get(java.util.Objects.requireNonNull(kind, "kind"));
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
