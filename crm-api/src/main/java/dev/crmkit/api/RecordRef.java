package dev.crmkit.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A reference to any record by its type and id, for things that may belong to records of several
 * types (tasks, timeline entries, events).
 *
 * @param type the kind of record
 * @param id the record's UUID
 */
public record RecordRef(EntityType type, UUID id) {

    /** Rejects nulls. */
    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The reference to the record a typed id names.
     *
     * @param id a typed id
     * @return the reference
     */
    public static RecordRef of(EntityId id) {
        return new RecordRef(id.entityType(), id.value());
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
