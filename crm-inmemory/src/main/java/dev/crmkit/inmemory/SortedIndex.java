package dev.crmkit.inmemory;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.query.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An ordered index of a table's committed rows on one ordered, single-valued query field: the records by
 * value, then by id, the records without a value apart in id order. With a partition field it is a composite
 * index (partition value, value, id): one ordered part per partition value, such as the deals of each stage by
 * budget (the column of a kanban board). Guarded like {@link Table}: read under the storage's read lock,
 * changed while committing.
 *
 * <p>{@link #walk} visits the records in a query's order, as {@link dev.crmkit.api.query.Sort} defines it: by
 * value ascending with absent values last, or descending with absent values first, equal values in id order,
 * so that a query sorted by the field (then by id) can stop after a page.
 *
 * @param <I> the id type
 * @param <E> the entity type
 */
final class SortedIndex<I extends EntityId, E extends Entity<I>> {

    final Field<E, ?> field;
    /** The partition field, or null for one part over the whole table. */
    final Field<E, ?> partition;
    /** Orders records (the keys stored, so that an entry costs no key object) and probes ({@link Key}s) alike. */
    private final Comparator<Object> order;
    private final Map<Object, Part<I, E>> parts = new HashMap<>();

    /**
     * A position to look up in a part: a value and an id, or the edge before ({@code -1}) or after ({@code 1}) a
     * value's ids.
     */
    static final class Key {
        final Object value;
        final EntityId id;
        final int edge;

        Key(Object value, EntityId id, int edge) {
            this.value = value;
            this.id = id;
            this.edge = edge;
        }
    }

    /** The records of one partition value. */
    static final class Part<I extends EntityId, E extends Entity<I>> {
        /** The records with a value, each its own key. */
        final TreeMap<Object, E> present;
        final TreeMap<I, E> absent = new TreeMap<>(EntityId.ORDER);

        Part(Comparator<Object> order) {
            present = new TreeMap<>(order);
        }

        int size() {
            return present.size() + absent.size();
        }

        /** Every record of the part, in no particular order. */
        Iterable<E> all() {
            return () -> new Chain<>(List.of(present.values().iterator(), absent.values().iterator()));
        }
    }

    SortedIndex(Field<E, ?> field, Field<E, ?> partition) {
        this.field = Objects.requireNonNull(field, "field");
        if (field.many() || !field.ordered()) {
            throw new IllegalArgumentException("an ordered index needs an ordered single-valued field: " + field);
        }
        if (partition != null && partition.many()) {
            throw new IllegalArgumentException("a partition field must be single-valued: " + partition);
        }
        this.partition = partition;
        this.order = (a, b) -> {
            int c = field.compare(valueOf(a), valueOf(b));
            if (c != 0) {
                return c;
            }
            int edgeA = a instanceof Key ? ((Key) a).edge : 0;
            int edgeB = b instanceof Key ? ((Key) b).edge : 0;
            if (edgeA != 0 || edgeB != 0) {
                return Integer.compare(edgeA, edgeB);
            }
            return EntityId.ORDER.compare(idOf(a), idOf(b));
        };
    }

    @SuppressWarnings("unchecked")
    private Object valueOf(Object keyOrRecord) {
        return keyOrRecord instanceof Key ? ((Key) keyOrRecord).value : field.sortKey((E) keyOrRecord);
    }

    @SuppressWarnings("unchecked")
    private EntityId idOf(Object keyOrRecord) {
        return keyOrRecord instanceof Key ? ((Key) keyOrRecord).id : ((E) keyOrRecord).id();
    }

    /** What the index is called in diagnostics. */
    String name() {
        return partition == null ? field.name() : partition.name() + ", " + field.name();
    }

    void add(E e) {
        Object value = field.sortKey(e);
        Part<I, E> part = parts.computeIfAbsent(partitionOf(e), k -> new Part<>(order));
        if (value == null) {
            part.absent.put(e.id(), e);
        } else {
            part.present.put(e, e);
        }
    }

    void remove(E e) {
        Object p = partitionOf(e);
        Part<I, E> part = parts.get(p);
        if (part == null) {
            return;
        }
        Object value = field.sortKey(e);
        if (value == null) {
            part.absent.remove(e.id());
        } else {
            part.present.remove(e);
        }
        if (part.size() == 0) {
            parts.remove(p);
        }
    }

    private Object partitionOf(E e) {
        return partition == null ? null : partition.sortKey(e);
    }

    /** The part of one partition value (null for an unpartitioned index), or null when it holds no record. */
    Part<I, E> part(Object partitionValue) {
        return parts.get(partitionValue);
    }

    /**
     * The records of a part in a query's order, from a position on, within bounds.
     *
     * @param part the part
     * @param descending whether larger values come first (and absent ones before every value)
     * @param low the least value to visit, or null for no bound
     * @param high the greatest value to visit, or null for no bound
     * @param withAbsent whether records without a value are visited
     * @param start where to start, null for the beginning
     * @return the records in order
     */
    Iterator<E> walk(Part<I, E> part, boolean descending, Object low, Object high, boolean withAbsent, Start start) {
        if (part == null) {
            return Collections.emptyIterator();
        }
        EntityId startId = start == null ? null : start.id;
        Iterator<E> absent = Collections.emptyIterator();
        boolean startsAbsent = start != null && start.value == null;
        if (withAbsent) {
            NavigableMap<I, E> ids = part.absent;
            if (startsAbsent && startId != null) {
                ids = ids.tailMap(cast(startId), true);
            }
            absent = ids.values().iterator();
        }
        if (!descending) {
            if (startsAbsent) {
                return absent;
            }
            Object from = start == null ? low : max(low, start.value);
            if (from != null && high != null && field.compare(from, high) > 0) {
                return absent;
            }
            NavigableMap<Object, E> range = part.present;
            if (from != null) {
                boolean seek = start != null && startId != null && field.compare(from, start.value) == 0;
                range = range.tailMap(new Key(from, seek ? startId : null, seek ? 0 : -1), true);
            }
            if (high != null) {
                range = range.headMap(new Key(high, null, 1), false);
            }
            return new Chain<>(List.of(range.values().iterator(), absent));
        }
        Object to = start == null || startsAbsent ? high : min(high, start.value);
        EntityId firstId = start != null && !startsAbsent && startId != null && field.compare(to, start.value) == 0
                ? startId : null;
        Iterator<E> present = new Descending(part.present, to, firstId, low);
        return startsAbsent || start == null ? new Chain<>(List.of(absent, present)) : present;
    }

    /**
     * Where a walk starts: at a value (null for the records without one), from an id within it on (null for
     * all of the value's records).
     *
     * @param value the value
     * @param id the first id, or null
     */
    record Start(Object value, EntityId id) {
    }

    private Object max(Object a, Object b) {
        return a == null ? b : b == null ? a : field.compare(a, b) >= 0 ? a : b;
    }

    private Object min(Object a, Object b) {
        return a == null ? b : b == null ? a : field.compare(a, b) <= 0 ? a : b;
    }

    @SuppressWarnings("unchecked")
    private I cast(EntityId id) {
        return (I) id;
    }

    /**
     * The present values of a part from the greatest down to a bound, each value's records in id order: the
     * map is read backwards once, and the records of one value (usually one) are handed out reversed.
     */
    private final class Descending implements Iterator<E> {
        private final Iterator<E> entries;
        private final Object low;
        private final Object high;
        private final EntityId firstId;
        private final ArrayList<E> group = new ArrayList<>();
        private int left;
        private E pending;
        private boolean done;

        Descending(NavigableMap<Object, E> map, Object high, EntityId firstId, Object low) {
            NavigableMap<Object, E> range = high == null ? map : map.headMap(new Key(high, null, 1), false);
            this.entries = range.descendingMap().values().iterator();
            this.low = low;
            this.high = high;
            this.firstId = firstId;
        }

        @Override
        public boolean hasNext() {
            while (left == 0 && !done) {
                fill();
            }
            return left > 0;
        }

        /** Reads the next value's records, backwards. */
        private void fill() {
            group.clear();
            E e = pending != null ? pending : entries.hasNext() ? entries.next() : null;
            pending = null;
            Object value = e == null ? null : field.sortKey(e);
            if (e == null || (low != null && field.compare(value, low) < 0)) {
                done = true;
                return;
            }
            // The start's id applies within the start's value only; the part may have none of it.
            boolean seek = firstId != null && field.compare(value, high) == 0;
            while (true) {
                if (!seek || EntityId.ORDER.compare(e.id(), firstId) >= 0) {
                    group.add(e);
                }
                if (!entries.hasNext()) {
                    break;
                }
                e = entries.next();
                if (field.compare(field.sortKey(e), value) != 0) {
                    pending = e;
                    break;
                }
            }
            left = group.size();
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return group.get(--left);
        }
    }

    /** Iterators one after the other. */
    static final class Chain<T> implements Iterator<T> {
        private final Iterator<? extends Iterator<? extends T>> parts;
        private Iterator<? extends T> current = Collections.emptyIterator();

        Chain(Collection<? extends Iterator<? extends T>> parts) {
            this.parts = parts.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!parts.hasNext()) {
                    return false;
                }
                current = parts.next();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
