package dev.crmkit.spi;

import dev.crmkit.api.query.Sort;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operations every aggregate's port has. A port is obtained from a {@link Transaction} and used
 * only inside it, on the thread running it; every write becomes visible to others when, and only when,
 * the transaction commits.
 *
 * <p>Versions: a new record is inserted at version 1; an update stores the next state, whose version is
 * the previous one plus one, only if the stored version is still the previous one. Instants are stored
 * with at least microsecond precision.
 *
 * @param <I> the id type
 * @param <E> the entity type
 */
public interface Store<I extends EntityId, E extends Entity<I>> {

    /**
     * Finds a record by id, seeing this transaction's own writes.
     *
     * @param id the id
     * @return the record, or empty when there is none
     */
    Optional<E> find(I id);

    /**
     * Gets a record that must exist.
     *
     * @param id the id
     * @return the record
     * @throws NotFoundException when there is none
     */
    default E get(I id) {
        return find(id).orElseThrow(() -> NotFoundException.of(id));
    }

    /**
     * Finds several records by id.
     *
     * @param ids the ids
     * @return the records that exist, in the order of {@code ids}, each once
     */
    List<E> findAll(Collection<I> ids);

    /**
     * Inserts a new record.
     *
     * @param entity the record, at version 1
     * @return the stored record
     * @throws IllegalArgumentException if its version is not 1
     * @throws ConflictException if a record with its id exists (or a unique key the port documents is taken)
     */
    E insert(E entity);

    /**
     * Stores a record of a backup exactly as it was backed up, for restoring a backup into an empty storage
     * (IO-6). Unlike {@link #insert}, it keeps the record's version, creation and update times, whatever they
     * are; everything else is as for insert: the record becomes visible when the transaction commits, and
     * reads in the same transaction see it. Core's services never call it, and it writes no event.
     *
     * @param entity the record as it was backed up, at any version
     * @return the stored record
     * @throws IllegalArgumentException if its version is below 1
     * @throws ConflictException if a record with its id exists (or a unique key the port documents is taken),
     *         now or when the transaction commits
     */
    E restore(E entity);

    /**
     * Inserts new records as {@link #insert} does each of them, in list order, in one call: an adapter on a
     * database may write them in one round trip (crm-jdbc uses {@code COPY}). The contract is insert's for every
     * record, and all-or-nothing within the transaction as far as the caller sees: when it throws, some of the
     * records may have been written in the transaction, so the caller must roll the transaction back (a conflict
     * leaves it able only to roll back, as a single insert does). The default inserts them one by one; an
     * adapter's own version calls {@link #checkBatch(List, boolean)} first.
     *
     * @param entities the records, each at version 1, 1 to {@link Limits#BATCH} of them, no id twice
     * @throws NullPointerException if the list or a record is null
     * @throws IllegalArgumentException if the list is empty or longer than {@link Limits#BATCH}, a record is not
     *         at version 1 or an id comes twice; nothing is written then
     * @throws ConflictException if a record with the id of one of them exists (or a unique key the port
     *         documents is taken, by a stored record or by another of the batch); it names that record
     */
    default void insertAll(List<E> entities) {
        checkBatch(entities, false);
        for (E e : entities) {
            insert(e);
        }
    }

    /**
     * Stores records of a backup as {@link #restore} does each of them, in list order, in one call, with the
     * same all-or-nothing contract as {@link #insertAll}: when it throws, the caller must roll back. The default
     * restores them one by one; an adapter's own version calls {@link #checkBatch(List, boolean)} first.
     *
     * @param entities the records as they were backed up, 1 to {@link Limits#BATCH} of them, no id twice
     * @throws NullPointerException if the list or a record is null
     * @throws IllegalArgumentException if the list is empty or longer than {@link Limits#BATCH}, a record's
     *         version is below 1 or an id comes twice; nothing is written then
     * @throws ConflictException if a record with the id of one of them exists (or a unique key the port
     *         documents is taken), now or when the transaction commits
     */
    default void restoreAll(List<E> entities) {
        checkBatch(entities, true);
        for (E e : entities) {
            restore(e);
        }
    }

    /**
     * Stores the next state of a record if nobody changed it since it was read.
     *
     * @param entity the next state, at version {@code expectedVersion + 1}
     * @param expectedVersion the version the change is based on
     * @return the stored record
     * @throws IllegalArgumentException if the entity's version is not {@code expectedVersion + 1}
     * @throws NotFoundException if there is no such record
     * @throws ConflictException if the stored version is not {@code expectedVersion}, now or when the
     *         transaction commits
     */
    E update(E entity, long expectedVersion);

    /**
     * Deletes a record if nobody changed it since it was read.
     *
     * @param id the id
     * @param expectedVersion the version the deletion is based on
     * @throws NotFoundException if there is no such record
     * @throws ConflictException if the stored version is not {@code expectedVersion}
     */
    void delete(I id, long expectedVersion);

    /**
     * One page of the records matching a filter, in a total order: the sort's fields, then the id.
     * Paging with the returned cursors visits every record matching the filter exactly once provided
     * none changes in between; a record inserted, changed or deleted meanwhile does not disturb the
     * others.
     *
     * @param filter which records
     * @param sort in which order
     * @param page how many, after which cursor
     * @return the page
     */
    Slice<E> query(Filter<E> filter, Sort<E> sort, PageRequest page);

    /**
     * Counts the records matching a filter.
     *
     * @param filter which records
     * @return how many
     */
    long count(Filter<E> filter);

    /**
     * Every record, in id order, as a stream that must be closed (use try-with-resources). It is read
     * lazily where the adapter can, so it serves backups, scans and exports of any size.
     *
     * @return the records
     */
    Stream<E> streamAll();

    /**
     * Checks the argument of {@link #insert} as every adapter must, before it writes anything.
     *
     * @param entity the record to insert
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if its version is not 1
     */
    static void checkNew(Entity<?> entity) {
        Objects.requireNonNull(entity, "entity");
        if (entity.version() != 1) {
            throw new IllegalArgumentException("a new record must be at version 1, was " + entity.version());
        }
    }

    /**
     * Checks the argument of {@link #restore} as every adapter must, before it writes anything.
     *
     * @param entity the record to restore
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if its version is below 1
     */
    static void checkRestored(Entity<?> entity) {
        Objects.requireNonNull(entity, "entity");
        if (entity.version() < 1) {
            throw new IllegalArgumentException("a restored record must be at version 1 or above, was " + entity.version());
        }
    }

    /**
     * Checks the argument of {@link #insertAll} or {@link #restoreAll} as every adapter must, before it writes
     * anything: a list of 1 to {@link Limits#BATCH} records, each as {@link #checkNew} (or {@link #checkRestored}
     * when {@code restored}) wants it, no id twice.
     *
     * @param entities the batch
     * @param restored whether it is a batch of restored records
     * @throws NullPointerException if the list or a record is null
     * @throws IllegalArgumentException if it is empty, too long, has a record at a wrong version or an id twice
     */
    static void checkBatch(List<? extends Entity<?>> entities, boolean restored) {
        Objects.requireNonNull(entities, "entities");
        if (entities.isEmpty() || entities.size() > Limits.BATCH) {
            throw new IllegalArgumentException("a batch has 1 to " + Limits.BATCH + " records, was " + entities.size());
        }
        java.util.Set<Object> ids = new HashSet<>();
        for (Entity<?> e : entities) {
            if (restored) {
                checkRestored(e);
            } else {
                checkNew(e);
            }
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("a batch has each record once, " + e.id() + " came twice");
            }
        }
    }

    /**
     * Checks the arguments of {@link #update} as every adapter must, before it writes anything.
     *
     * @param entity the next state
     * @param expectedVersion the version the change is based on
     * @throws NullPointerException if the entity is null
     * @throws IllegalArgumentException if its version is not {@code expectedVersion + 1}
     */
    static void checkNext(Entity<?> entity, long expectedVersion) {
        Objects.requireNonNull(entity, "entity");
        if (entity.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the next state must be at version " + (expectedVersion + 1)
                    + ", was " + entity.version());
        }
    }
}
