package dev.crmkit.spi;

import dev.crmkit.api.query.Sort;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.NotFoundException;
import java.util.Collection;
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
