package dev.crmkit.api;

import java.time.Instant;

/**
 * A stored record: it has an id, an optimistic-locking version and its creation and update times.
 *
 * <p>Entities are immutable; a change produces a new value, and {@link #revised(Instant)} raises its version
 * by one, which a storage port accepts only while the stored version is still the one the change was
 * based on.
 *
 * @param <I> the type of the id
 */
public interface Entity<I extends EntityId> {

    /**
     * The record's id.
     *
     * @return the id, never null
     */
    I id();

    /**
     * The optimistic-locking version: 1 when created, raised by one on every stored change.
     *
     * @return the version, at least 1
     */
    long version();

    /**
     * When the record was created.
     *
     * @return the creation time
     */
    Instant created();

    /**
     * When the record was last changed.
     *
     * @return the time of the last change
     */
    Instant updated();

    /**
     * The next revision of this record: the same values at version + 1, updated at {@code at}. Every
     * stored change goes through it, so versions and update times are made in one place. Implementations
     * return their own type.
     *
     * @param at the time of the change
     * @return the next revision
     */
    Entity<I> revised(Instant at);
}
