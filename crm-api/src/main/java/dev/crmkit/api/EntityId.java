package dev.crmkit.api;

import java.util.Comparator;
import java.util.UUID;

/**
 * A typed record id. Every id is a record wrapping a UUID, so a {@code DealId} can never be passed
 * where a {@code ContactId} is meant.
 */
public interface EntityId {

    /**
     * Orders ids by their UUIDs as unsigned 128-bit numbers, the order PostgreSQL and most databases
     * use for UUIDs; time-ordered ids therefore sort by creation time. Every adapter pages in this order.
     */
    Comparator<EntityId> ORDER = (a, b) -> compare(a.value(), b.value());

    /**
     * The UUID behind the id.
     *
     * @return the UUID
     */
    UUID value();

    /**
     * The kind of record this id names.
     *
     * @return the entity type
     */
    EntityType entityType();

    /**
     * Compares two UUIDs as unsigned 128-bit numbers (unlike {@link UUID#compareTo}, which compares
     * signed halves).
     *
     * @param a one UUID
     * @param b another UUID
     * @return negative, zero or positive as {@code a} is below, equal to or above {@code b}
     */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
