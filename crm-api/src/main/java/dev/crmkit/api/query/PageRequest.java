package dev.crmkit.api.query;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a query to return: at most {@code size} records after a cursor (keyset paging).
 *
 * @param size how many records at most, 1 to {@value #MAX_SIZE}
 * @param after the cursor of the previous page, empty for the first page
 */
public record PageRequest(int size, Optional<Cursor> after) {

    /** The largest page size, {@link Limits#PAGE_SIZE}. */
    public static final int MAX_SIZE = Limits.PAGE_SIZE;

    /**
     * Checks the size.
     *
     * @throws ValidationException {@code page.size}
     */
    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of(Violation.of("size", "page.size", size, MAX_SIZE));
        }
    }

    /**
     * The first page.
     *
     * @param size the page size
     * @return the request
     */
    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }

    /**
     * The page after a cursor.
     *
     * @param size the page size
     * @param cursor where the previous page ended
     * @return the request
     */
    public static PageRequest after(int size, Cursor cursor) {
        return new PageRequest(size, Optional.of(cursor));
    }

    /**
     * The page after a slice of the same query, of the same size.
     *
     * @param previous the previous page
     * @return the request; its cursor is empty when there is no next page
     */
    public PageRequest next(Slice<?> previous) {
        return new PageRequest(size, previous.next());
    }
}
