package dev.crmkit.inmemory;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secondary index of a table: the keys a record is found under. A unique index allows one record per
 * key; a second record with a taken key is a conflict.
 *
 * @param name the index name, used by lookups
 * @param keys the keys of a record (none when it is not indexed)
 * @param unique whether a key may belong to one record only
 * @param <E> the entity type
 */
record Index<E>(String name, Function<? super E, ? extends Collection<?>> keys, boolean unique) {

    Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
    }

    static <E> Index<E> of(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, false);
    }

    static <E> Index<E> unique(String name, Function<? super E, ? extends Collection<?>> keys) {
        return new Index<>(name, keys, true);
    }
}
