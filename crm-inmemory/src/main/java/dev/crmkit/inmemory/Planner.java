package dev.crmkit.inmemory;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * How a query reads a table's committed rows: instead of testing every row, it walks an ordered index in
 * the query's order and stops once it has a page, or tests only the rows an equality or any-of condition
 * finds in an index. Either way every candidate is tested with {@link Filter#test}, so the answer is the one
 * a full scan gives; the indexes only decide which rows are looked at.
 *
 * <p>The plans, and what each is estimated to read:
 * <ul>
 *   <li><b>walk</b> of an ordered index on the sort's first field (or of the rows in id order for a sort by
 *       id), within the bounds the filter sets on that field and starting at the cursor: about (page + 1) /
 *       selectivity rows, where the selectivity is that of the filter's indexed equality conditions;</li>
 *   <li><b>walk of a composite index</b> (partition, field): the same, merging the parts of the values an
 *       equality or any-of condition on the partition field allows;</li>
 *   <li><b>restriction</b> to the rows an indexed equality or any-of condition finds: exactly their count,
 *       then sorted;</li>
 *   <li><b>scan</b> of every row, the fallback.</li>
 * </ul>
 * The cheapest estimate wins. Runs under the storage's read lock; the transaction's own writes are merged
 * by the caller.
 *
 * @param <I> the id type
 * @param <E> the entity type
 */
final class Planner<I extends EntityId, E extends Entity<I>> {

    private final Table<I, E> table;
    private final Map<I, E> writes;
    private final Filter<E> filter;
    private final List<Filter<E>> conjuncts = new ArrayList<>();

    /** The plan a query took, for tests and diagnostics. */
    enum Kind {
        /** Walked the rows in id order. */
        ID_WALK,
        /** Walked an ordered index. */
        INDEX_WALK,
        /** Walked the parts of a composite index. */
        PARTITION_WALK,
        /** Tested the rows an equality index found. */
        RESTRICTION,
        /** Tested every row. */
        SCAN
    }

    /** What a plan read: the committed candidates that match, and how they were found. */
    record Result<E>(List<E> matches, Kind kind, String index) {
    }

    /**
     * A planner for one query.
     *
     * @param table the committed rows, read under the storage's read lock
     * @param writes the transaction's writes, whose records the committed rows must not contribute
     * @param filter the query's filter
     */
    Planner(Table<I, E> table, Map<I, E> writes, Filter<E> filter) {
        this.table = table;
        this.writes = writes;
        this.filter = filter;
        flatten(filter, conjuncts);
    }

    private static <E> void flatten(Filter<E> f, List<Filter<E>> out) {
        if (f instanceof Filter.And) {
            for (Filter<E> c : ((Filter.And<E>) f).filters()) {
                flatten(c, out);
            }
        } else {
            out.add(f);
        }
    }

    /** The rows an equality or any-of condition on one indexed field allows: one group per value. */
    private record Restriction<E>(Field<E, ?> field, List<Iterable<E>> groups, long count, boolean disjoint,
                                  String index) {
    }

    /** The values an EQ or IN conjunct allows for a field, the smallest such set, or null. */
    private Collection<?> allowed(Field<E, ?> field) {
        Collection<?> best = null;
        for (Filter<E> c : conjuncts) {
            Collection<?> values = null;
            if (c instanceof Filter.Compare) {
                Filter.Compare<E, ?> cmp = (Filter.Compare<E, ?>) c;
                if (cmp.field() == field && cmp.op() == Filter.Op.EQ) {
                    values = List.of(cmp.value());
                }
            } else if (c instanceof Filter.In) {
                Filter.In<E, ?> in = (Filter.In<E, ?>) c;
                if (in.field() == field) {
                    values = in.values();
                }
            }
            if (values != null && (best == null || values.size() < best.size())) {
                best = values;
            }
        }
        return best;
    }

    /** Every restriction the table's indexes offer for this filter, by field. */
    private List<Restriction<E>> restrictions() {
        List<Restriction<E>> list = new ArrayList<>();
        for (Index<E> index : table.indexes()) {
            if (index.field() == null || index.unique()) {
                continue;
            }
            Collection<?> values = allowed(index.field());
            if (values != null) {
                List<Iterable<E>> groups = new ArrayList<>();
                long count = 0;
                Set<Object> keys = new HashSet<>();
                for (Object v : values) {
                    Object key = index.probe().apply(v);
                    Collection<E> found = keys.add(key) ? table.entries(index.name(), key) : null;
                    if (found != null) {
                        groups.add(found);
                        count += found.size();
                    }
                }
                list.add(new Restriction<>(index.field(), groups, count, !index.field().many(), index.name()));
            }
        }
        for (SortedIndex<I, E> index : table.sorted()) {
            if (index.partition == null || list.stream().anyMatch(r -> r.field() == index.partition)) {
                continue;
            }
            Collection<?> values = allowed(index.partition);
            if (values != null) {
                List<Iterable<E>> groups = new ArrayList<>();
                long count = 0;
                for (Object v : values) {
                    SortedIndex.Part<I, E> part = index.part(v);
                    if (part != null) {
                        groups.add(part.all());
                        count += part.size();
                    }
                }
                list.add(new Restriction<>(index.partition, groups, count, true, index.name()));
            }
        }
        return list;
    }

    /** The share of rows the restrictions other than on {@code except} let through, assuming independence. */
    private double selectivity(List<Restriction<E>> restrictions, Field<E, ?> except) {
        double s = 1;
        int n = Math.max(1, table.size());
        for (Restriction<E> r : restrictions) {
            if (r.field() != except) {
                s *= Math.max(r.count(), 1) / (double) n;
            }
        }
        return s;
    }

    /**
     * Every committed row that matches the filter, for a count.
     *
     * @return the matching rows
     */
    Result<E> all() {
        List<Restriction<E>> restrictions = restrictions();
        Restriction<E> best = restrictions.stream().min(Comparator.comparingLong(Restriction::count)).orElse(null);
        if (best == null) {
            return new Result<>(test(table.all()), Kind.SCAN, null);
        }
        return new Result<>(restricted(best), Kind.RESTRICTION, best.index());
    }

    private List<E> test(Iterable<E> rows) {
        List<E> list = new ArrayList<>();
        boolean overrides = !writes.isEmpty();
        for (E e : rows) {
            if ((!overrides || !writes.containsKey(e.id())) && filter.test(e)) {
                list.add(e);
            }
        }
        return list;
    }

    private List<E> restricted(Restriction<E> r) {
        if (r.disjoint() || r.groups().size() < 2) {
            List<E> list = new ArrayList<>();
            for (Iterable<E> g : r.groups()) {
                list.addAll(test(g));
            }
            return list;
        }
        Set<I> seen = new HashSet<>();
        List<E> list = new ArrayList<>();
        for (Iterable<E> g : r.groups()) {
            for (E e : test(g)) {
                if (seen.add(e.id())) {
                    list.add(e);
                }
            }
        }
        return list;
    }

    /**
     * The committed rows a page needs: every matching row that can be among the page's records or tell
     * whether another page follows. A superset of the first {@code page.size() + 1} matching rows after the
     * cursor, in any order (the caller sorts them with the transaction's own writes and cuts the page).
     *
     * @param sort the query's order
     * @param page the page
     * @return the rows and the plan
     */
    Result<E> page(Sort<E> sort, PageRequest page) {
        List<Object> after = page.after().map(c -> c.keys()).orElse(null);
        if (after != null && after.size() != sort.orders().size() + 1) {
            throw new IllegalArgumentException("the cursor does not belong to a query with this sort");
        }
        int want = page.size() + 1;
        int n = table.size();
        List<Restriction<E>> restrictions = restrictions();
        Restriction<E> best = restrictions.stream().min(Comparator.comparingLong(Restriction::count)).orElse(null);
        double cost = best == null ? n : best.count();
        Kind kind = best == null ? Kind.SCAN : Kind.RESTRICTION;
        SortedIndex<I, E> walkIndex = null;
        Restriction<E> partitions = null;
        if (sort.orders().isEmpty()) {
            double walk = Math.min(n, want / selectivity(restrictions, null));
            if (walk <= cost) {
                cost = walk;
                kind = Kind.ID_WALK;
            }
        } else {
            Field<E, ?> first = sort.orders().get(0).field();
            for (SortedIndex<I, E> index : table.sorted()) {
                if (index.field != first) {
                    continue;
                }
                if (index.partition == null) {
                    double walk = Math.min(n, want / selectivity(restrictions, null));
                    if (walk <= cost) {
                        cost = walk;
                        kind = Kind.INDEX_WALK;
                        walkIndex = index;
                        partitions = null;
                    }
                } else {
                    Restriction<E> on = restrictions.stream().filter(r -> r.field() == index.partition).findFirst()
                            .orElse(null);
                    if (on != null) {
                        double walk = Math.min(on.count(), want / selectivity(restrictions, index.partition));
                        if (walk <= cost) {
                            cost = walk;
                            kind = Kind.PARTITION_WALK;
                            walkIndex = index;
                            partitions = on;
                        }
                    }
                }
            }
        }
        switch (kind) {
            case ID_WALK:
                return new Result<>(idWalk(after, want), kind, "id");
            case INDEX_WALK:
            case PARTITION_WALK:
                return new Result<>(walk(walkIndex, partitions, sort, after, want), kind, walkIndex.name());
            case RESTRICTION:
                return new Result<>(restricted(best), kind, best.index());
            default:
                return new Result<>(test(table.all()), kind, null);
        }
    }

    private List<E> idWalk(List<Object> after, int want) {
        @SuppressWarnings("unchecked")
        Iterable<E> rows = after == null ? table.rows().values()
                : table.rows().tailMap((I) after.get(0), false).values();
        List<E> found = new ArrayList<>(want);
        boolean overrides = !writes.isEmpty();
        for (E e : rows) {
            if ((!overrides || !writes.containsKey(e.id())) && filter.test(e)) {
                found.add(e);
                if (found.size() >= want) {
                    break;
                }
            }
        }
        return found;
    }

    /** The bounds the filter's conjuncts set on a field: {low, high, whether a value is required}. */
    private Object[] bounds(Field<E, ?> field) {
        Object low = null;
        Object high = null;
        boolean required = false;
        for (Filter<E> c : conjuncts) {
            if (c instanceof Filter.Compare) {
                Filter.Compare<E, ?> cmp = (Filter.Compare<E, ?>) c;
                if (cmp.field() != field) {
                    continue;
                }
                Object v = cmp.value();
                switch (cmp.op()) {
                    case EQ:
                        low = max(field, low, v);
                        high = min(field, high, v);
                        required = true;
                        break;
                    case GT:
                    case GE:
                        low = max(field, low, v);
                        required = true;
                        break;
                    case LT:
                    case LE:
                        high = min(field, high, v);
                        required = true;
                        break;
                    case CONTAINS:
                        required = true;
                        break;
                    default:
                        break;
                }
            } else if (c instanceof Filter.In) {
                Filter.In<E, ?> in = (Filter.In<E, ?>) c;
                if (in.field() == field) {
                    Object lo = null;
                    Object hi = null;
                    for (Object v : in.values()) {
                        lo = lo == null ? v : min(field, lo, v);
                        hi = hi == null ? v : max(field, hi, v);
                    }
                    low = max(field, low, lo);
                    high = min(field, high, hi);
                    required = true;
                }
            } else if (c instanceof Filter.Present && ((Filter.Present<E>) c).field() == field) {
                required = true;
            }
        }
        return new Object[] {low, high, required};
    }

    private static Object max(Field<?, ?> f, Object a, Object b) {
        return a == null ? b : b == null ? a : f.compare(a, b) >= 0 ? a : b;
    }

    private static Object min(Field<?, ?> f, Object a, Object b) {
        return a == null ? b : b == null ? a : f.compare(a, b) <= 0 ? a : b;
    }

    private List<E> walk(SortedIndex<I, E> index, Restriction<E> partitions, Sort<E> sort, List<Object> after,
                         int want) {
        boolean descending = sort.orders().get(0).descending();
        boolean single = sort.orders().size() == 1;
        Object[] bounds = bounds(index.field);
        Object low = bounds[0];
        Object high = bounds[1];
        if (low != null && high != null && index.field.compare(low, high) > 0) {
            return List.of();
        }
        boolean withAbsent = !(Boolean) bounds[2];
        SortedIndex.Start start = after == null ? null
                : new SortedIndex.Start(after.get(0), single ? (EntityId) after.get(1) : null);
        List<Iterator<E>> walks = new ArrayList<>();
        if (partitions == null) {
            walks.add(index.walk(index.part(null), descending, low, high, withAbsent, start));
        } else {
            Collection<?> values = allowed(index.partition);
            for (Object v : values) {
                walks.add(index.walk(index.part(v), descending, low, high, withAbsent, start));
            }
        }
        Field<E, ?> field = index.field;
        Comparator<Object> first = descending ? ((Comparator<Object>) field::compare).reversed() : field::compare;
        Iterator<E> rows = walks.size() == 1 ? walks.get(0) : new Merge<>(walks, field, first);
        Comparator<List<Object>> tuple = single ? null : tupleOrder(sort);
        List<E> found = new ArrayList<>(want);
        boolean overrides = !writes.isEmpty();
        Object group = null;
        while (rows.hasNext()) {
            E e = rows.next();
            if (!single && found.size() >= want && field.compare(field.sortKey(e), group) != 0) {
                break;
            }
            if (after != null && (single ? isAtOrBefore(first, field.sortKey(e), e.id(), after)
                    : tuple.compare(MemoryStore.keysOf(sort).apply(e), after) <= 0)) {
                continue;
            }
            if ((overrides && writes.containsKey(e.id())) || !filter.test(e)) {
                continue;
            }
            found.add(e);
            group = field.sortKey(e);
            if (single && found.size() >= want) {
                break;
            }
        }
        return found;
    }

    /** Whether a record sorted by one field then id comes at or before a cursor's position. */
    private static boolean isAtOrBefore(Comparator<Object> first, Object value, EntityId id, List<Object> after) {
        int c = first.compare(value, after.get(0));
        return c < 0 || (c == 0 && EntityId.ORDER.compare(id, (EntityId) after.get(1)) <= 0);
    }

    private static <E> Comparator<List<Object>> tupleOrder(Sort<E> sort) {
        List<Comparator<Object>> comparators = MemoryStore.comparatorsOf(sort);
        return (a, b) -> {
            for (int i = 0; i < comparators.size(); i++) {
                int c = comparators.get(i).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Walks of the parts of an index, each in a query's order, merged into one walk in that order. */
    private static final class Merge<E extends Entity<?>> implements Iterator<E> {
        private final PriorityQueue<Head<E>> heads;
        private final Field<E, ?> field;

        /** The next record of one walk, with its sort key read once. */
        private record Head<E>(E value, Object key, Iterator<E> rest) {
        }

        Merge(List<Iterator<E>> walks, Field<E, ?> field, Comparator<Object> first) {
            this.field = field;
            heads = new PriorityQueue<>(Math.max(1, walks.size()), (a, b) -> {
                int c = first.compare(a.key(), b.key());
                return c != 0 ? c : EntityId.ORDER.compare(a.value().id(), b.value().id());
            });
            for (Iterator<E> w : walks) {
                advance(w);
            }
        }

        private void advance(Iterator<E> walk) {
            if (walk.hasNext()) {
                E e = walk.next();
                heads.add(new Head<>(e, field.sortKey(e), walk));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public E next() {
            Head<E> h = heads.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            advance(h.rest());
            return h.value();
        }
    }
}
