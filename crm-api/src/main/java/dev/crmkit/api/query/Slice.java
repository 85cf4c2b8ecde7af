package dev.crmkit.api.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's results.
 *
 * @param items the records, in the query's order
 * @param next the cursor for the next page; empty when this is the last page
 * @param <E> the entity type
 */
public record Slice<E>(List<E> items, Optional<Cursor> next) {

    /** Copies the list. */
    public Slice {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * Whether there may be more records after this page.
     *
     * @return true when {@link #next()} is present
     */
    public boolean hasNext() {
        return next.isPresent();
    }
}
