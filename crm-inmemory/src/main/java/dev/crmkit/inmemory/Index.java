package dev.crmkit.inmemory;

import dev.crmkit.api.query.Field;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A secondary index of a table: the keys a record is found under. A unique index allows one record per
 * key; a second record with a taken key is a conflict. An index on a query field also serves queries
 * with an equality or any-of condition on that field.
 *
 * @param name the index name, used by lookups
 * @param keys the keys of a record (none when it is not indexed)
 * @param unique whether a key may belong to one record only
 * @param field the query field the index serves, or null when queries cannot use it
 * @param probe the key a query value of {@code field} is looked up under; every record whose field has that value
 *        has that key among its keys (the index may hold more records under it: the planner tests each candidate)
 * @param rank for a non-unique index, the number the records under one key are ordered by before their ids, so a
 *        lookup can ask for the records of one key and one rank without walking the others (the contact name index
 *        ranks by birth date); null orders them by id only
 * @param <E> the entity type
 */
record Index<E>(String name, Function<? super E, ? extends Collection<?>> keys, boolean unique, Field<E, ?> field,
                Function<Object, ?> probe, ToLongFunction<? super E> rank) {

    Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(probe, "probe");
        if (unique && rank != null) {
            throw new IllegalArgumentException("a unique index has one record a key, nothing to rank");
        }
    }

    static <E> Index<E> of(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, false, null, Function.identity(), null);
    }

    static <E> Index<E> unique(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, true, null, Function.identity(), null);
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
        return new Index<>(field.name(), field::values, false, field, Function.identity(), null);
    }

    /**
     * An index whose keys are a coarser form of a text field (a name's match key), also serving queries for an
     * exact value of that field: a query value is looked up under its own coarse form, and the planner keeps only
     * the candidates whose field has the value.
     *
     * @param name the index name
     * @param keys the keys of a record, the coarse form of its field's value
     * @param field the field
     * @param coarse the coarse form of a value
     * @param <E> the entity type
     * @return the index
     */
    static <E> Index<E> coarse(String name, Function<? super E, ? extends Collection<?>> keys, Field<E, String> field,
                               Function<String, ?> coarse) {
        return new Index<>(name, keys, false, field, value -> coarse.apply((String) value), null);
    }

    /**
     * This index with the records under each key ordered by a rank before their ids.
     *
     * @param by the rank of a record; equal for records that a lookup by rank should find together
     * @return the ranked index
     */
    Index<E> rankedBy(ToLongFunction<? super E> by) {
        return new Index<>(name, keys, unique, field, probe, Objects.requireNonNull(by, "by"));
    }
}
