package dev.crmkit.api.query;

import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order of a query's results: fields, each ascending or descending, always followed by the record's
 * id ascending as the tie-breaker, so the order is total and keyset paging is stable. An absent value
 * sorts after present ones ascending and before them descending (PostgreSQL's default).
 *
 * @param orders the sort keys, most significant first; empty means by id only
 * @param <E> the entity type
 */
public record Sort<E>(List<Order<E>> orders) {

    /** Copies the list. */
    public Sort {
        orders = List.copyOf(orders);
    }

    /**
     * One sort key.
     *
     * @param field an ordered, single-valued field
     * @param descending whether larger values come first
     * @param <E> the entity type
     */
    public record Order<E>(Field<E, ?> field, boolean descending) {
        /**
         * Rejects fields that cannot be sorted on.
         *
         * @throws ValidationException {@code sort.field.many} for a many-valued field such as the tags,
         *         {@code sort.field.unordered} for a field whose values have no order
         */
        public Order {
            Objects.requireNonNull(field, "field");
            String name = Text.excerpt(field.name());
            if (field.many()) {
                throw ValidationException.of(Violation.of("sort." + name, "sort.field.many", name));
            }
            if (!field.ordered()) {
                throw ValidationException.of(Violation.of("sort." + name, "sort.field.unordered", name));
            }
        }
    }

    /**
     * By id only.
     *
     * @param <E> the entity type
     * @return the sort
     */
    public static <E> Sort<E> byId() {
        return new Sort<>(List.of());
    }

    /**
     * By a field, ascending.
     *
     * @param field the field
     * @param <E> the entity type
     * @return the sort
     */
    public static <E> Sort<E> by(Field<E, ?> field) {
        return new Sort<>(List.of(new Order<>(field, false)));
    }

    /**
     * By a field, descending.
     *
     * @param field the field
     * @param <E> the entity type
     * @return the sort
     */
    public static <E> Sort<E> byDescending(Field<E, ?> field) {
        return new Sort<>(List.of(new Order<>(field, true)));
    }

    /**
     * This order, then by another field ascending.
     *
     * @param field the field
     * @return the sort
     */
    public Sort<E> then(Field<E, ?> field) {
        return append(new Order<>(field, false));
    }

    /**
     * This order, then by another field descending.
     *
     * @param field the field
     * @return the sort
     */
    public Sort<E> thenDescending(Field<E, ?> field) {
        return append(new Order<>(field, true));
    }

    private Sort<E> append(Order<E> order) {
        List<Order<E>> list = new ArrayList<>(orders);
        list.add(order);
        return new Sort<>(list);
    }
}
