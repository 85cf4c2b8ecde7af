package dev.crmkit.core.support;

import com.google.common.collect.Sets;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.internal.Storability;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One operation of one user inside one transaction. Services write records only through it, which keeps
 * three things in one place: a change gets its next revision ({@link Entity#revised(Instant)}), its events
 * are derived from comparing the stored record before and after ({@link Changes}), and the events are
 * appended to the log only when the operation's work has succeeded, in its transaction. A read's unit
 * refuses to write. Not thread-safe; one per operation.
 */
public final class Unit {

    /** The fields that link a record to a contact or company: their changes are LINKED and UNLINKED. */
    private static final Map<String, String> LINKS = Map.of("company", "company", "contact", "contact",
            "contacts", "contact");

    private final Engine engine;
    private final Transaction system;
    private final Transaction tx;
    private final Access access;
    private final User actor;
    private final Instant now;
    private final boolean readOnly;
    private final Display display;
    private final List<NewEvent> events = new ArrayList<>();
    /** Whether the operation stored records in a batch, so its events are appended in batches too. */
    private boolean batched;

    Unit(Engine engine, Transaction tx, User actor, Instant now, boolean readOnly) {
        this.engine = engine;
        this.system = tx;
        this.access = new Access(actor, tx);
        this.tx = VisibleTransaction.of(tx, access);
        this.actor = actor;
        this.now = now;
        this.readOnly = readOnly;
        this.display = new Display(tx);
    }

    /**
     * The transaction's ports as the acting user sees them (CON-8, USER-5), for reads; writes go through
     * {@link #insert}, {@link #update} and {@link #delete}. A record the user may not see is not found here, and
     * a change of one the user may not change is refused.
     *
     * @return the user's view of the transaction
     */
    public Transaction tx() {
        return tx;
    }

    /**
     * The transaction's ports with every record, for what must see past the acting user's rights: duplicate
     * detection (which protects records the user cannot see, without naming them), and keeping references whole
     * when records are deleted or merged. What it reads is never handed to the user as it is.
     *
     * @return the raw transaction
     */
    public Transaction system() {
        return system;
    }

    /**
     * What the acting user may see and change (CON-8, USER-5).
     *
     * @return the rules for this user
     */
    public Access access() {
        return access;
    }

    /**
     * The acting user, as stored when the operation began.
     *
     * @return the user
     */
    public User actor() {
        return actor;
    }

    /**
     * The user a command names for a role (responsible, assignee), the acting user when it names none.
     * That user must exist and be active, else {@code <codes>.unknown} or {@code <codes>.inactive} is
     * added at {@code path}.
     *
     * @param v where problems go
     * @param path the form's field
     * @param codes the codes' common start, such as {@code deal.responsible}
     * @param named the user named, or null
     * @return the user's id
     */
    public UserId activeUser(Violations v, String path, String codes, UserId named) {
        UserId id = named == null ? actor.id() : named;
        Optional<User> user = tx.users().find(id);
        if (user.isEmpty()) {
            v.add(path, codes + ".unknown", id);
        } else if (!user.get().active()) {
            v.add(path, codes + ".inactive", user.get().name());
        }
        return id;
    }

    /**
     * Checks that every user a record lists (a contact's managers, a deal's allowed users) exists and is active,
     * and that there are not too many of them.
     *
     * @param v the collector
     * @param path the path of the list
     * @param codes the code prefix: {@code <prefix>.unknown} and {@code <prefix>.inactive} at {@code path[i]}
     * @param named the users, in order
     * @param max the most there may be, from {@link dev.crmkit.api.Limits}
     * @return the users, each once
     */
    public Set<UserId> activeUsers(Violations v, String path, String codes, Collection<UserId> named, int max) {
        v.count(path, named.size(), max);
        List<UserId> users = new ArrayList<>(new LinkedHashSet<>(named));
        for (int i = 0; i < users.size(); i++) {
            activeUser(v, path + "[" + i + "]", codes, users.get(i));
        }
        return new LinkedHashSet<>(users);
    }

    /**
     * The operation's time; every record and event of the operation carries it.
     *
     * @return the instant, at microsecond precision
     */
    public Instant now() {
        return now;
    }

    /**
     * The policy in force.
     *
     * @return the policy
     */
    public Policy policy() {
        return engine.policy();
    }

    /**
     * The CRM's engine.
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * A new time-ordered id.
     *
     * @return the UUID
     */
    public UUID nextId() {
        return engine.ids().next();
    }

    /**
     * Requires the acting user to be an administrator (USER-1).
     *
     * @param action what is being done, for the message
     * @throws AccessDeniedException otherwise
     */
    public void requireAdmin(String action) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators may " + action + "; " + actor.name() + " is not one");
        }
    }

    /**
     * Requires the acting user to have a right (USER-4); admins have every right.
     *
     * @param right the right
     * @param action what the user tries, for the message
     * @throws AccessDeniedException when the user lacks it
     */
    public void requireRight(dev.crmkit.api.user.UserRight right, String action) {
        if (actor.role() != Role.ADMIN && !actor.rights().contains(right)) {
            throw new AccessDeniedException(actor.name() + " may not " + action + ": it needs the "
                    + right.name().toLowerCase(java.util.Locale.ROOT) + " right, which an admin grants");
        }
    }

    /**
     * Checks that a record is still at the version a caller's change was based on.
     *
     * @param current the stored record
     * @param expectedVersion the version the caller read
     * @param <E> the entity type
     * @return the record
     * @throws ConflictException when it changed meanwhile
     */
    public <E extends Entity<?>> E requireVersion(E current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion(RecordRef.of(current.id()), expectedVersion, current.version());
        }
        return current;
    }

    /**
     * The display name of a record, as the log shows it.
     *
     * @param ref the record
     * @return its name, or its id when it does not exist
     */
    public String nameOf(RecordRef ref) {
        return display.name(ref);
    }

    /**
     * Stores a new record (at version 1), once it holds only what every adapter stores, and records that it
     * was created, with a LINKED event for each contact and company it is linked to.
     *
     * @param store the record's port
     * @param record the record
     * @param <I> the id type
     * @param <E> the entity type
     * @return the stored record
     */
    public <I extends EntityId, E extends Entity<I>> E insert(Store<I, E> store, E record) {
        requireWritable();
        Storability.require(record);
        E stored = store.insert(record);
        created(stored);
        return stored;
    }

    /**
     * Stores new records (each at version 1) with one batch write of the port ({@link Store#insertAll}), once
     * each holds only what every adapter stores, and records for each exactly the events {@link #insert} records;
     * the operation's events are then appended with {@link dev.crmkit.spi.Events#appendAll}.
     *
     * @param store the records' port
     * @param records the records, 1 to {@link dev.crmkit.api.Limits#BATCH}
     * @param <I> the id type
     * @param <E> the entity type
     */
    public <I extends EntityId, E extends Entity<I>> void insertAll(Store<I, E> store, List<E> records) {
        requireWritable();
        records.forEach(Storability::require);
        store.insertAll(records);
        batched = true;
        records.forEach(this::created);
    }

    /** Records that a record was stored new: CREATED, and LINKED for each contact and company it is linked to. */
    private void created(Entity<?> stored) {
        String name = display.name(stored);
        RecordRef ref = RecordRef.of(stored.id());
        events.add(NewEvent.of(now, actor.id(), ref, name, EventKind.CREATED));
        for (Changes.Change c : Changes.initial(stored)) {
            if (LINKS.containsKey(c.field())) {
                changed(ref, name, c);
            }
        }
    }

    /**
     * Stores the next state of a record as its next revision, once it holds only what every adapter stores,
     * and records an event for every field that changed. When nothing changed, nothing is written and the
     * stored record is returned.
     *
     * @param store the record's port
     * @param before the record as read in this operation
     * @param after the changed record, at the same version
     * @param <I> the id type
     * @param <E> the entity type
     * @return the stored record
     * @throws ConflictException when the record changed since it was read
     */
    @SuppressWarnings("unchecked")
    public <I extends EntityId, E extends Entity<I>> E update(Store<I, E> store, E before, E after) {
        requireWritable();
        if (!before.id().equals(after.id()) || before.version() != after.version()) {
            throw new IllegalArgumentException("an update changes the values of one record at one version");
        }
        List<Changes.Change> changes = Changes.between(before, after);
        if (changes.isEmpty()) {
            return before;
        }
        Storability.require(after);
        E stored = store.update((E) after.revised(now), before.version());
        RecordRef ref = RecordRef.of(stored.id());
        String name = display.name(stored);
        for (Changes.Change c : changes) {
            changed(ref, name, c);
        }
        return stored;
    }

    /**
     * Deletes a record and records that it was deleted.
     *
     * @param store the record's port
     * @param record the record as read in this operation
     * @param <I> the id type
     * @param <E> the entity type
     * @throws ConflictException when the record changed since it was read
     */
    public <I extends EntityId, E extends Entity<I>> void delete(Store<I, E> store, E record) {
        delete(store, record, EventKind.DELETED, Optional.empty());
    }

    /**
     * Deletes a record and records why, such as {@link EventKind#MERGED} for a contact merged into another.
     *
     * @param store the record's port
     * @param record the record as read in this operation
     * @param kind the event's kind
     * @param detail what the event says beside the kind, such as the survivor of a merge
     * @param <I> the id type
     * @param <E> the entity type
     */
    public <I extends EntityId, E extends Entity<I>> void delete(Store<I, E> store, E record, EventKind kind,
                                                                 Optional<String> detail) {
        requireWritable();
        store.delete(record.id(), record.version());
        events.add(new NewEvent(now, Optional.of(actor.id()), RecordRef.of(record.id()), display.name(record), kind,
                detail.map(d -> kind.name().toLowerCase(java.util.Locale.ROOT)), Optional.empty(), detail));
    }

    /**
     * Appends an entry to the log of stage changes (AN-2, AN-4), in this operation's transaction; the log is not
     * itself audited (the deal's STAGE_CHANGED event is).
     *
     * @param transition the entry
     */
    public void log(dev.crmkit.api.deal.StageTransition transition) {
        requireWritable();
        Storability.require(transition);
        system.stageTransitions().insert(transition);
    }

    /**
     * Records an event that is not a field change, such as a merge on its survivor.
     *
     * @param record the record
     * @param kind the kind
     * @param field what the event is about
     * @param after what it says
     */
    public void event(Entity<?> record, EventKind kind, String field, String after) {
        requireWritable();
        events.add(NewEvent.ofField(now, actor.id(), RecordRef.of(record.id()), display.name(record), kind, field,
                Optional.empty(), Optional.of(after)));
    }

    private void changed(RecordRef ref, String name, Changes.Change c) {
        String link = LINKS.get(c.field());
        if (link != null) {
            Set<Object> before = values(c.before());
            Set<Object> after = values(c.after());
            for (Object removed : Sets.difference(before, after)) {
                events.add(NewEvent.ofField(now, actor.id(), ref, name, EventKind.UNLINKED, link,
                        display.render(removed), Optional.empty()));
            }
            for (Object added : Sets.difference(after, before)) {
                events.add(NewEvent.ofField(now, actor.id(), ref, name, EventKind.LINKED, link, Optional.empty(),
                        display.render(added)));
            }
            return;
        }
        events.add(NewEvent.ofField(now, actor.id(), ref, name, kindOf(c), c.field(), display.render(c.before()),
                display.render(c.after())));
    }

    private static EventKind kindOf(Changes.Change c) {
        switch (c.field()) {
            case "stage":
                return EventKind.STAGE_CHANGED;
            case "responsible":
            case "assignee":
                return EventKind.RESPONSIBLE_CHANGED;
            case "closed":
                boolean wasClosed = ((Optional<?>) c.before()).isPresent();
                boolean isClosed = ((Optional<?>) c.after()).isPresent();
                return wasClosed == isClosed ? EventKind.FIELD_CHANGED : isClosed ? EventKind.CLOSED : EventKind.REOPENED;
            default:
                return EventKind.FIELD_CHANGED;
        }
    }

    private static Set<Object> values(Object value) {
        if (value instanceof Optional<?> o) {
            return o.<Set<Object>>map(Set::of).orElse(Set.of());
        }
        return new LinkedHashSet<>((Collection<?>) value);
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("a read does not write");
        }
    }

    void flush() {
        if (batched) {
            for (List<NewEvent> part : com.google.common.collect.Lists.partition(events, dev.crmkit.api.Limits.BATCH)) {
                tx.events().appendAll(part);
            }
        } else {
            for (NewEvent e : events) {
                tx.events().append(e);
            }
        }
        events.clear();
    }
}
