package dev.crmkit.api.query;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a page ended: the sort-key values of its last record followed by that record's id. Callers
 * treat it as opaque and pass it back in the next {@link PageRequest}; adapters build it and read its
 * keys. A key may be null where the last record had no value for a sort field. Immutable.
 */
public final class Cursor {

    private final List<Object> keys;
    private final String query;

    private Cursor(List<Object> keys, String query) {
        this.keys = keys;
        this.query = query;
    }

    /**
     * Builds a cursor.
     *
     * @param keys the sort-key values of the last record, then its id; nulls allowed
     * @return the cursor
     * @throws ValidationException {@code page.cursor.empty} when there are no keys, as in a cursor an
     *         application rebuilt from a client's request that was empty
     */
    public static Cursor of(List<?> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw ValidationException.of(Violation.of("page.after", "page.cursor.empty"));
        }
        return new Cursor(Collections.unmodifiableList(new ArrayList<>(keys)), null);
    }

    /**
     * The same position, marked as belonging to one query, so that it cannot be used with another. crm-core
     * marks the cursors it hands out with the query's order; adapters create unmarked ones.
     *
     * @param fingerprint what identifies the query, such as its entity type and order
     * @return the marked cursor
     */
    public Cursor forQuery(String fingerprint) {
        return new Cursor(keys, Objects.requireNonNull(fingerprint, "fingerprint"));
    }

    /**
     * The query this cursor was handed out for, when it is marked.
     *
     * @return the fingerprint, or empty for an unmarked cursor
     */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * The keys, the last one being the record's id.
     *
     * @return the keys; elements may be null
     */
    public List<Object> keys() {
        return keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.keys.equals(keys) && Objects.equals(c.query, query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, query);
    }

    @Override
    public String toString() {
        return "Cursor" + keys + (query == null ? "" : " of " + query);
    }
}
