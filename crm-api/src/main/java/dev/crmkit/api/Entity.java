package dev.crmkit.api;

import java.time.Instant;

/**
 * A stored record: it has an id, an optimistic-locking version and its creation and update times.
 *
 * <p>Entities are immutable; a change produces a new value with the version raised by one, which a
 * storage port accepts only while the stored version is still the one the change was based on.
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
}
