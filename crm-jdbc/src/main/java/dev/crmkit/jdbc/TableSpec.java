package dev.crmkit.jdbc;

import com.fasterxml.jackson.databind.JavaType;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one entity type is stored: its table, its typed columns and how to read a row back.
 *
 * @param table the table name (unqualified)
 * @param columns the typed columns besides id, version and data
 * @param typeOf the Java type of a stored row, given the row's {@code kind} column (or null)
 * @param <I> the id type
 * @param <E> the entity type
 */
record TableSpec<I extends EntityId, E extends Entity<I>>(String table, List<Column<E>> columns,
                                                         Function<String, JavaType> typeOf) {

    TableSpec {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** The columns filters and sorts may name, by field name; the id is always one. */
    Map<String, Column<?>> byField() {
        Map<String, Column<?>> map = new LinkedHashMap<>();
        map.put("id", Column.extra("id", "uuid", e -> null));
        for (Column<E> c : columns) {
            if (c.field() != null) {
                map.put(c.field(), c);
            }
        }
        return map;
    }

    boolean hasKind() {
        return columns.stream().anyMatch(c -> c.name().equals("kind"));
    }
}
