package dev.crmkit.inmemory;

import dev.crmkit.api.query.Field;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secondary index of a table: the keys a record is found under. A unique index allows one record per
 * key; a second record with a taken key is a conflict. An index on a query field also serves queries
 * with an equality or any-of condition on that field.
 *
 * @param name the index name, used by lookups
 * @param keys the keys of a record (none when it is not indexed)
 * @param unique whether a key may belong to one record only
 * @param field the query field whose values are the keys, or null when queries cannot use the index
 * @param <E> the entity type
 */
record Index<E>(String name, Function<? super E, ? extends Collection<?>> keys, boolean unique, Field<E, ?> field) {

    Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
    }

    static <E> Index<E> of(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, false, null);
    }

    static <E> Index<E> unique(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, true, null);
    }

    /**
     * An index on a query field's values, which equal each other exactly when they are {@code equals} (ids and
     * enums), named after the field.
     */
    static <E> Index<E> on(Field<E, ?> field) {
        Class<?> type = field.type();
        if (!dev.crmkit.api.EntityId.class.isAssignableFrom(type) && !type.isEnum()) {
            throw new IllegalArgumentException("an equality index needs ids or enums, not " + type);
        }
        return new Index<>(field.name(), field::values, false, field);
    }
}
