package dev.crmkit.spi;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import java.util.Map;
import java.util.Objects;

/**
 * For adapter authors: a {@link Transaction} that hands out its ports, each after {@link #checkOpen()}, and
 * keeps the rules every adapter shares: it is confined to the thread that began it, unusable once
 * {@link #ended()}, and once a port call failed ({@link #failed}) every later call and the commit
 * ({@link #checkNotFailed()}) throw, so the work can only roll back. An adapter then writes only how its
 * ports store records, how it locks and how it finishes; its constructor creates the ports and passes them
 * once to {@link #ports(PortSet)}. Not thread-safe, like every transaction.
 */
public abstract class PortsTransaction implements Transaction, Settings {

    private final Thread owner = Thread.currentThread();
    private volatile boolean open = true;
    /**
     * The first ConflictException or StorageException a port call threw. PostgreSQL aborts a transaction
     * whose statement failed, so committing it would silently roll back: from then on it can only roll back,
     * on every adapter alike.
     */
    private CrmException failure;
    private PortSet ports;

    /** For subclasses. */
    protected PortsTransaction() {
    }

    /**
     * The ports of a transaction.
     *
     * @param users the users
     * @param contacts the contacts
     * @param companies the companies
     * @param leads the leads
     * @param pipelines the pipelines
     * @param customFields the custom field definitions
     * @param stageTransitions the log of deals' stage changes
     * @param salesGoals the sales goals
     * @param rateTables the exchange rates of reports
     * @param importTemplates the saved import mappings
     * @param deals the deals
     * @param tasks the tasks
     * @param timeline the timeline entries
     * @param events the event log
     * @param lists the store of every admin list, by its kind
     */
    public record PortSet(Users users, Contacts contacts, Companies companies, Leads leads, Pipelines pipelines,
                        CustomFields customFields, StageTransitions stageTransitions,
                        SalesGoals salesGoals, RateTables rateTables,
                        ImportTemplates importTemplates, Deals deals, Tasks tasks, Timeline timeline, Events events,
                        Map<ListKind<?>, ListStore<?>> lists) {

        /** Rejects nulls and copies the lists. */
        public PortSet {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(contacts, "contacts");
            Objects.requireNonNull(companies, "companies");
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(pipelines, "pipelines");
            Objects.requireNonNull(customFields, "customFields");
            Objects.requireNonNull(stageTransitions, "stageTransitions");
            Objects.requireNonNull(salesGoals, "salesGoals");
            Objects.requireNonNull(rateTables, "rateTables");
            Objects.requireNonNull(importTemplates, "importTemplates");
            Objects.requireNonNull(deals, "deals");
            Objects.requireNonNull(tasks, "tasks");
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(events, "events");
            lists = Map.copyOf(lists);
        }
    }

    /**
     * Sets the ports, once, from the subclass's constructor.
     *
     * @param value the ports
     * @throws IllegalStateException when they were set already
     */
    protected final void ports(PortSet value) {
        if (ports != null) {
            throw new IllegalStateException("the ports are set once");
        }
        ports = Objects.requireNonNull(value, "ports");
    }

    /**
     * Throws when the transaction may not be used any more (its ports call this first): it ended, it is used
     * from another thread, or a port call of it failed.
     *
     * @throws IllegalStateException when it ended or is used from another thread
     * @throws CrmException of the first failure's kind, caused by it, after a failed port call
     */
    public final void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a transaction is confined to the thread that runs it");
        }
        checkNotFailed();
    }

    /**
     * Remembers a failure a port call is about to throw: from then on the transaction can only roll back.
     *
     * @param e the failure
     * @param <X> its type
     * @return the failure, to throw
     */
    public final <X extends CrmException> X failed(X e) {
        if (failure == null) {
            failure = Objects.requireNonNull(e, "e");
        }
        return e;
    }

    /**
     * Throws, after the work returned normally, if a port call of it failed; the adapter then rolls back.
     *
     * @throws CrmException of the first failure's kind (a conflict keeps its reason, for retry loops),
     *         caused by it
     */
    public final void checkNotFailed() {
        if (failure == null) {
            return;
        }
        String message = "the transaction can only roll back: an earlier call in it failed (" + failure.getMessage() + ")";
        if (failure instanceof ConflictException conflict) {
            throw new ConflictException(message, conflict.record().orElse(null), conflict.reason(), conflict);
        }
        throw new StorageException(message, failure);
    }

    /** Marks the transaction ended: every later call throws. */
    protected final void ended() {
        open = false;
    }

    private PortSet open() {
        checkOpen();
        return Objects.requireNonNull(ports, "ports were not set");
    }

    @Override
    public final Users users() {
        return open().users();
    }

    @Override
    public final Contacts contacts() {
        return open().contacts();
    }

    @Override
    public final Companies companies() {
        return open().companies();
    }

    @Override
    public final Leads leads() {
        return open().leads();
    }

    @Override
    public final Pipelines pipelines() {
        return open().pipelines();
    }

    @Override
    public final CustomFields customFields() {
        return open().customFields();
    }

    @Override
    public final StageTransitions stageTransitions() {
        return open().stageTransitions();
    }

    @Override
    public final SalesGoals salesGoals() {
        return open().salesGoals();
    }

    @Override
    public final RateTables rateTables() {
        return open().rateTables();
    }

    @Override
    public final ImportTemplates importTemplates() {
        return open().importTemplates();
    }

    @Override
    public final Deals deals() {
        return open().deals();
    }

    @Override
    public final Tasks tasks() {
        return open().tasks();
    }

    @Override
    public final Timeline timeline() {
        return open().timeline();
    }

    @Override
    public final Events events() {
        return open().events();
    }

    @Override
    public final Settings settings() {
        open();
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <I extends ListItemId> ListStore<I> list(ListKind<I> kind) {
        Objects.requireNonNull(kind, "kind");
        return (ListStore<I>) open().lists().get(kind);
    }
}
