package dev.crmkit.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a page ended: the sort-key values of its last record followed by that record's id. Callers
 * treat it as opaque and pass it back in the next {@link PageRequest}; adapters build it and read its
 * keys. A key may be null where the last record had no value for a sort field. Immutable.
 */
public final class Cursor {

    private final List<Object> keys;

    private Cursor(List<Object> keys) {
        this.keys = keys;
    }

    /**
     * Builds a cursor.
     *
     * @param keys the sort-key values of the last record, then its id; nulls allowed
     * @return the cursor
     */
    public static Cursor of(List<?> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs at least the last record's id");
        }
        return new Cursor(Collections.unmodifiableList(new ArrayList<>(keys)));
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
        return o instanceof Cursor && ((Cursor) o).keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys);
    }

    @Override
    public String toString() {
        return "Cursor" + keys;
    }
}
