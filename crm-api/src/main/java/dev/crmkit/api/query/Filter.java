package dev.crmkit.api.query;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A condition on the records of one entity type, built from {@link Field}s: comparisons, set
 * membership, presence, AND, OR and NOT. Never a string, so it can't carry an injection.
 *
 * <p>Semantics every adapter keeps (the TCK checks them): on a many-valued field a comparison matches
 * when some value matches; {@link Op#NE} matches when no value is equal, including when there is no
 * value; every other comparison fails on an absent value; {@link Not} is plain negation (two-valued
 * logic, unlike SQL's NULL). {@link #test(Object)} evaluates a filter in memory with exactly these rules.
 *
 * @param <E> the entity type
 */
public sealed interface Filter<E> permits Filter.All, Filter.Compare, Filter.In, Filter.Present, Filter.Junction,
        Filter.Not, Filter.Within {

    /** A comparison operator. */
    enum Op {
        /** Equal. */
        EQ,
        /** Not equal (no value equal). */
        NE,
        /** Below. */
        LT,
        /** At most. */
        LE,
        /** Above. */
        GT,
        /** At least. */
        GE,
        /** Contains a text (on text fields only), code point by code point. */
        CONTAINS
    }

    /**
     * Whether an entity matches.
     *
     * @param entity the entity
     * @return true when it matches
     */
    boolean test(E entity);

    /**
     * How deeply the filter nests: 1 for a condition, one more for each AND, OR and NOT around it. At most
     * {@link Limits#FILTER_DEPTH}; a deeper filter cannot be built.
     *
     * @return the depth
     */
    default int depth() {
        return 1;
    }

    /**
     * How many conditions and connectives the filter holds. At most {@link Limits#FILTER_NODES}.
     *
     * @return the count
     */
    default int size() {
        return 1;
    }

    /** Refuses a connective that would make a filter deeper or larger than the limits. */
    private static <E> void checkShape(List<? extends Filter<E>> children) {
        int depth = 1;
        int size = 1;
        for (Filter<E> f : children) {
            Objects.requireNonNull(f, "filter");
            depth = Math.max(depth, f.depth() + 1);
            size += f.size();
        }
        if (depth > Limits.FILTER_DEPTH) {
            throw ValidationException.of(Violation.of("filter", "filter.depth", Limits.FILTER_DEPTH));
        }
        if (size > Limits.FILTER_NODES) {
            throw ValidationException.of(Violation.of("filter", "filter.size", Limits.FILTER_NODES));
        }
    }

    /**
     * Matches everything.
     *
     * @param <E> the entity type
     * @return the filter
     */
    static <E> Filter<E> all() {
        return new All<>();
    }

    /**
     * Matches what every filter matches.
     *
     * @param filters the filters
     * @param <E> the entity type
     * @return the filter
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <E> Filter<E> and(Filter<E>... filters) {
        return new And<>(List.of(filters));
    }

    /**
     * Matches what any filter matches.
     *
     * @param filters the filters
     * @param <E> the entity type
     * @return the filter
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <E> Filter<E> or(Filter<E>... filters) {
        return new Or<>(List.of(filters));
    }

    /**
     * Matches what a filter does not.
     *
     * @param filter the filter
     * @param <E> the entity type
     * @return the filter
     */
    static <E> Filter<E> not(Filter<E> filter) {
        return new Not<>(filter);
    }

    /**
     * Matches every record.
     *
     * @param <E> the entity type
     */
    record All<E>() implements Filter<E> {
        @Override
        public boolean test(E entity) {
            return true;
        }
    }

    /**
     * Compares a field with a value.
     *
     * @param field the field
     * @param op the operator
     * @param value the value, of the field's type
     * @param <E> the entity type
     * @param <V> the value type
     */
    record Compare<E, V>(Field<E, V> field, Op op, V value) implements Filter<E> {
        /**
         * Checks the value's type and that ordering operators are used on ordered fields.
         *
         * @throws dev.crmkit.api.ValidationException {@code filter.value.type} or {@code filter.field.unordered}
         */
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            field.checkValue(value, op != Op.EQ && op != Op.NE && op != Op.CONTAINS);
            if (op == Op.CONTAINS && !(value instanceof String)) {
                String quoted = dev.crmkit.api.Text.excerpt(field.name());
                throw dev.crmkit.api.ValidationException.of(dev.crmkit.api.Violation.of(quoted, "filter.value.type",
                        quoted, field.type().getSimpleName(), "String"));
            }
        }

        @Override
        public boolean test(E entity) {
            switch (op) {
                case NE:
                    return !field.anyValue(entity, v -> field.equal(v, value));
                case EQ:
                    return field.anyValue(entity, v -> field.equal(v, value));
                case CONTAINS:
                    return field.anyValue(entity, v -> ((String) v).contains((String) value));
                default:
                    return field.anyValue(entity, v -> holds(field.compare(v, value)));
            }
        }

        private boolean holds(int c) {
            switch (op) {
                case LT: return c < 0;
                case LE: return c <= 0;
                case GT: return c > 0;
                case GE: return c >= 0;
                default: throw new IllegalStateException(op.name());
            }
        }
    }

    /**
     * Matches records with a value among the given ones.
     *
     * @param field the field
     * @param values the values, at least one
     * @param <E> the entity type
     * @param <V> the value type
     */
    record In<E, V>(Field<E, V> field, Set<V> values) implements Filter<E> {
        /** Checks the values and copies them. */
        public In {
            Objects.requireNonNull(field, "field");
            values = Field.copyOf(values);
            String name = Text.excerpt(field.name());
            if (values.isEmpty()) {
                throw ValidationException.of(Violation.of(name, "filter.in.empty", name));
            }
            if (values.size() > Limits.FILTER_VALUES) {
                throw ValidationException.of(Violation.of(name, "filter.in.size", Limits.FILTER_VALUES,
                        values.size()));
            }
            for (V v : values) {
                field.checkValue(v, false);
            }
        }

        @Override
        public boolean test(E entity) {
            return field.anyValue(entity, v -> {
                for (V candidate : values) {
                    if (field.equal(v, candidate)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /**
     * Matches records where a field has a value.
     *
     * @param field the field
     * @param <E> the entity type
     */
    record Present<E>(Field<E, ?> field) implements Filter<E> {
        /** Rejects null. */
        public Present {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public boolean test(E entity) {
            return field.anyValue(entity, v -> true);
        }
    }

    /**
     * A filter made of filters: {@link And} or {@link Or}.
     *
     * @param <E> the entity type
     */
    sealed interface Junction<E> extends Filter<E> permits And, Or {
        /**
         * The filters it joins.
         *
         * @return the filters
         */
        List<Filter<E>> filters();

        @Override
        default int depth() {
            return 1 + filters().stream().mapToInt(Filter::depth).max().orElse(0);
        }

        @Override
        default int size() {
            return 1 + filters().stream().mapToInt(Filter::size).sum();
        }
    }

    /**
     * Matches what every filter matches; with no filters, everything.
     *
     * @param filters the filters
     * @param <E> the entity type
     */
    record And<E>(List<Filter<E>> filters) implements Junction<E> {
        /** Copies the list. */
        public And {
            filters = List.copyOf(filters);
            Filter.checkShape(filters);
        }

        @Override
        public boolean test(E entity) {
            for (Filter<E> f : filters) {
                if (!f.test(entity)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Matches what any filter matches; with no filters, nothing.
     *
     * @param filters the filters
     * @param <E> the entity type
     */
    record Or<E>(List<Filter<E>> filters) implements Junction<E> {
        /** Copies the list. */
        public Or {
            filters = List.copyOf(filters);
            Filter.checkShape(filters);
        }

        @Override
        public boolean test(E entity) {
            for (Filter<E> f : filters) {
                if (f.test(entity)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Matches what a filter does not.
     *
     * @param filter the negated filter
     * @param <E> the entity type
     */
    record Not<E>(Filter<E> filter) implements Filter<E> {
        /** Rejects null. */
        public Not {
            Objects.requireNonNull(filter, "filter");
            Filter.checkShape(List.of(filter));
        }

        @Override
        public int depth() {
            return 1 + filter.depth();
        }

        @Override
        public int size() {
            return 1 + filter.size();
        }

        @Override
        public boolean test(E entity) {
            return !filter.test(entity);
        }
    }

    /**
     * An application's filter within the part of a store the acting user may see (CON-8, USER-5): matches what
     * both match. crm-core adds the scope to every query of a user who does not see everything; the limits of
     * {@link Limits#FILTER_DEPTH} and {@link Limits#FILTER_NODES} bound the application's filter, not the scope
     * around it. Adapters evaluate it as the conjunction of its two parts.
     *
     * @param scope what the user may see
     * @param filter what the application asked for
     * @param <E> the entity type
     */
    record Within<E>(Filter<E> scope, Filter<E> filter) implements Filter<E> {
        /** Rejects nulls. */
        public Within {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public int depth() {
            return filter.depth();
        }

        @Override
        public int size() {
            return filter.size();
        }

        @Override
        public boolean test(E entity) {
            return scope.test(entity) && filter.test(entity);
        }
    }
}
