package dev.crmkit.jdbc;

import dev.crmkit.api.query.Field;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed column of a table, filled from each record; named by a port field when filters and sorts
 * may use it.
 *
 * @param field the port field name it serves, or null for a column only lookups use
 * @param name the column name
 * @param sqlType the PostgreSQL type of the column (of its elements for an array)
 * @param many whether the column is an array
 * @param value reads the column's value from a record: a Java value, null, or a list for an array
 * @param <E> the entity type
 */
record Column<E>(String field, String name, String sqlType, boolean many, Function<? super E, ?> value) {

    Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlType, "sqlType");
        Objects.requireNonNull(value, "value");
    }

    static <E> Column<E> of(Field<E, ?> field, String name, String sqlType) {
        return new Column<>(field.name(), name, sqlType, field.many(),
                field.many() ? field::values : field::sortKey);
    }

    static <E> Column<E> extra(String name, String sqlType, Function<? super E, ?> value) {
        return new Column<>(null, name, sqlType, false, value);
    }

    static <E> Column<E> extraArray(String name, String sqlType, Function<? super E, ? extends java.util.Collection<?>> value) {
        return new Column<>(null, name, sqlType, true, value);
    }
}
