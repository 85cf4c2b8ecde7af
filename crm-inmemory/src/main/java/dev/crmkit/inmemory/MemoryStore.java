package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One transaction's view of a {@link Table}: reads merge the transaction's own writes over the committed
 * rows; writes are kept here until {@link InMemoryStorage} commits them.
 */
class MemoryStore<I extends EntityId, E extends Entity<I>> implements Store<I, E> {

    final Table<I, E> table;
    private final MemoryTransaction tx;
    /** This transaction's writes in order; a null value is a deletion. */
    final LinkedHashMap<I, E> writes = new LinkedHashMap<>();
    /** The committed version each written record was based on; 0 for "must not exist". */
    final Map<I, Long> baseVersions = new HashMap<>();
    /** How the last query or count of this view read the committed rows, for tests and diagnostics. */
    Planner.Result<E> lastPlan;

    MemoryStore(Table<I, E> table, MemoryTransaction tx) {
        this.table = table;
        this.tx = tx;
    }

    <T> T read(Supplier<T> read) {
        tx.checkOpen();
        return tx.storage.read(read);
    }

    private E visible(I id) {
        if (writes.containsKey(id)) {
            return writes.get(id);
        }
        return read(() -> table.get(id));
    }

    @Override
    public Optional<E> find(I id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(visible(id));
    }

    /** Reads every record under one acquisition of the read lock (a scan reads its candidates 1,000 at a time). */
    @Override
    public List<E> findAll(Collection<I> ids) {
        LinkedHashSet<I> distinct = new LinkedHashSet<>(ids);
        List<E> result = new ArrayList<>(distinct.size());
        read(() -> {
            for (I id : distinct) {
                E e = writes.containsKey(id) ? writes.get(id) : table.get(id);
                if (e != null) {
                    result.add(e);
                }
            }
            return null;
        });
        return result;
    }

    @Override
    public E insert(E entity) {
        Store.checkNew(entity);
        return add(entity);
    }

    @Override
    public E restore(E entity) {
        Store.checkRestored(entity);
        return add(entity);
    }

    @Override
    public void insertAll(List<E> entities) {
        Store.checkBatch(entities, false);
        addAll(entities);
    }

    @Override
    public void restoreAll(List<E> entities) {
        Store.checkBatch(entities, true);
        addAll(entities);
    }

    /**
     * Writes records that must not exist yet: every id and unique key is checked, against the committed rows
     * under one acquisition of the read lock, against this transaction's writes and against the batch's earlier
     * records, before any of them is written; a conflict names its record, as a single insert's does.
     */
    private void addAll(List<E> entities) {
        read(() -> {
            Map<String, Map<Object, I>> taken = new HashMap<>();
            for (E e : entities) {
                if (visible(e.id()) != null) {
                    throw tx.failed(ConflictException.alreadyExists(RecordRef.of(e.id())));
                }
                checkUnique(e);
                for (Index<E> index : table.indexes()) {
                    if (!index.unique()) {
                        continue;
                    }
                    Map<Object, I> owners = taken.computeIfAbsent(index.name(), n -> new HashMap<>());
                    for (Object key : index.keys().apply(e)) {
                        I owner = owners.putIfAbsent(key, e.id());
                        if (owner != null && !owner.equals(e.id())) {
                            throw tx.failed(Table.uniqueKeyTaken(table.type, index.name(), RecordRef.of(e.id())));
                        }
                    }
                }
            }
            return null;
        });
        for (E e : entities) {
            remember(e.id(), null);
            writes.put(e.id(), e);
        }
    }

    /** Writes a record that must not exist yet, at whatever version it is. */
    private E add(E entity) {
        E current = visible(entity.id());
        if (current != null) {
            throw tx.failed(ConflictException.alreadyExists(RecordRef.of(entity.id())));
        }
        return write(entity, null);
    }

    @Override
    public E update(E entity, long expectedVersion) {
        Store.checkNext(entity, expectedVersion);
        return write(entity, currentAt(entity.id(), expectedVersion));
    }

    /** Writes a record in this transaction, once its unique keys are free; {@code base} is what it replaces. */
    private E write(E entity, E base) {
        checkUnique(entity);
        remember(entity.id(), base);
        writes.put(entity.id(), entity);
        return entity;
    }

    @Override
    public void delete(I id, long expectedVersion) {
        E current = currentAt(Objects.requireNonNull(id, "id"), expectedVersion);
        remember(id, current);
        writes.put(id, null);
    }

    /** The record as this transaction sees it, which must exist at the version a change is based on. */
    private E currentAt(I id, long expectedVersion) {
        E current = visible(id);
        if (current == null) {
            throw NotFoundException.of(id);
        }
        if (current.version() != expectedVersion) {
            throw tx.failed(ConflictException.staleVersion(RecordRef.of(id), expectedVersion, current.version()));
        }
        return current;
    }

    /**
     * Records, on the first write to a record, the committed version that write is based on: the one
     * just checked. Re-reading it here instead would let a commit slipping in between become the base
     * and be silently overwritten.
     */
    private void remember(I id, E checked) {
        if (!writes.containsKey(id)) {
            baseVersions.put(id, checked == null ? 0L : checked.version());
        }
    }

    private void checkUnique(E entity) {
        for (Index<E> index : table.indexes()) {
            if (!index.unique()) {
                continue;
            }
            for (Object key : index.keys().apply(entity)) {
                for (E other : lookup(index, key)) {
                    if (!other.id().equals(entity.id())) {
                        throw tx.failed(Table.uniqueKeyTaken(table.type, index.name(), RecordRef.of(entity.id())));
                    }
                }
            }
        }
    }

    /** The visible records under an index key, in id order. */
    final List<E> lookup(String indexName, Object key) {
        return lookup(indexName, key, e -> true);
    }

    /** The visible records under any of several index keys, each once, in id order. */
    final List<E> lookupAny(String indexName, java.util.Set<?> keys) {
        java.util.Map<I, E> found = new java.util.TreeMap<>(EntityId.ORDER);
        for (Object key : keys) {
            for (E e : lookup(indexName, key)) {
                found.put(e.id(), e);
            }
        }
        return new ArrayList<>(found.values());
    }

    private List<E> lookup(Index<E> index, Object key) {
        return lookup(index, key, e -> true);
    }

    /** The visible records under an index key that pass a test, in id order. */
    final List<E> lookup(String indexName, Object key, Predicate<? super E> test) {
        return lookup(table.indexes().stream().filter(i -> i.name().equals(indexName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + indexName)), key, test);
    }

    /**
     * The visible records under a key of a ranked index that have one rank, in id order: only those records of the
     * key's bucket are read (see {@link Table#entries(String, Object, long)}).
     */
    final List<E> lookupRanked(String indexName, Object key, long rank) {
        Index<E> index = table.indexes().stream().filter(i -> i.name().equals(indexName) && i.rank() != null)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no ranked index " + indexName));
        List<E> result = new ArrayList<>();
        read(() -> {
            for (E e : table.entries(indexName, key, rank)) {
                if (!writes.containsKey(e.id())) {
                    result.add(e);
                }
            }
            return null;
        });
        return withOwnWrites(index, key, e -> index.rank().applyAsLong(e) == rank, result, true);
    }

    private List<E> lookup(Index<E> index, Object key, Predicate<? super E> test) {
        List<E> result = new ArrayList<>();
        if (index.unique()) {
            read(() -> {
                I owner = table.uniqueOwner(index.name(), key);
                if (owner != null && !writes.containsKey(owner)) {
                    result.add(table.get(owner));
                }
                return null;
            });
        } else {
            // The bucket is walked under the read lock and only the records passing the test are copied out.
            read(() -> {
                Collection<E> bucket = table.entries(index.name(), key);
                if (bucket != null) {
                    for (E e : bucket) {
                        if (test.test(e) && !writes.containsKey(e.id())) {
                            result.add(e);
                        }
                    }
                }
                return null;
            });
        }
        return withOwnWrites(index, key, test, result, index.unique() || table.inIdOrder(index.name()));
    }

    /**
     * Adds the transaction's own records under a key that pass a test to the committed ones found, and puts them all
     * in id order.
     *
     * @param inIdOrder whether the committed records found are in id order already
     */
    private List<E> withOwnWrites(Index<E> index, Object key, Predicate<? super E> test, List<E> result,
                                  boolean inIdOrder) {
        int committed = result.size();
        for (E w : writes.values()) {
            if (w != null && test.test(w) && index.keys().apply(w).contains(key)) {
                result.add(w);
            }
        }
        if (result.size() > committed || !inIdOrder) {
            result.sort(Comparator.comparing(Entity::id, EntityId.ORDER));
        }
        return result;
    }

    /** Every visible record matching a filter, in no particular order. */
    final List<E> matching(Filter<E> filter) {
        Objects.requireNonNull(filter, "filter");
        List<E> result = read(() -> {
            List<E> list = new ArrayList<>();
            for (E e : table.all()) {
                if (!writes.containsKey(e.id()) && filter.test(e)) {
                    list.add(e);
                }
            }
            return list;
        });
        for (E w : writes.values()) {
            if (w != null && filter.test(w)) {
                result.add(w);
            }
        }
        return result;
    }

    @Override
    public Slice<E> query(Filter<E> filter, Sort<E> sort, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        if (!tx.storage.queryIndexes) {
            return Paging.page(matching(filter), keysOf(sort), comparatorsOf(sort), page);
        }
        Planner.Result<E> planned = read(() -> new Planner<>(table, writes, filter).page(sort, page));
        lastPlan = planned;
        return Paging.page(withPending(planned.matches(), filter), keysOf(sort), comparatorsOf(sort), page);
    }

    @Override
    public long count(Filter<E> filter) {
        Objects.requireNonNull(filter, "filter");
        if (!tx.storage.queryIndexes) {
            return matching(filter).size();
        }
        Planner.Result<E> planned = read(() -> new Planner<>(table, writes, filter).all());
        lastPlan = planned;
        return withPending(planned.matches(), filter).size();
    }

    /** Every record this transaction sees that matches a filter, through the query indexes, in no particular order. */
    final List<E> visibleMatching(Filter<E> filter) {
        Objects.requireNonNull(filter, "filter");
        if (!tx.storage.queryIndexes) {
            return matching(filter);
        }
        return withPending(read(() -> new Planner<>(table, writes, filter).all()).matches(), filter);
    }

    /** Committed matches with this transaction's own written records that match. */
    private List<E> withPending(List<E> committed, Filter<E> filter) {
        if (writes.isEmpty()) {
            return committed;
        }
        List<E> all = new ArrayList<>(committed);
        for (E w : writes.values()) {
            if (w != null && filter.test(w)) {
                all.add(w);
            }
        }
        return all;
    }

    @Override
    public Stream<E> streamAll() {
        if (writes.isEmpty()) {
            // The committed rows are kept in id order already.
            return tx.confined(read(() -> new ArrayList<>(table.all())));
        }
        List<E> all = matching(Filter.all());
        all.sort(Comparator.comparing(Entity::id, EntityId.ORDER));
        return tx.confined(all);
    }

    static <E extends Entity<?>> java.util.function.Function<E, List<Object>> keysOf(Sort<E> sort) {
        return e -> {
            List<Object> keys = new ArrayList<>(sort.orders().size() + 1);
            for (Sort.Order<E> o : sort.orders()) {
                keys.add(o.field().sortKey(e));
            }
            keys.add(e.id());
            return keys;
        };
    }

    static <E> List<Comparator<Object>> comparatorsOf(Sort<E> sort) {
        List<Comparator<Object>> list = new ArrayList<>();
        for (Sort.Order<E> o : sort.orders()) {
            Comparator<Object> c = o.field()::compare;
            list.add(o.descending() ? c.reversed() : c);
        }
        list.add((a, b) -> EntityId.ORDER.compare((EntityId) a, (EntityId) b));
        return list;
    }

    /** For tests and diagnostics. */
    @Override
    public String toString() {
        return table.type + " view with " + writes.size() + " pending writes: "
                + writes.keySet().stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** Keyset paging over an in-memory list. */
    static final class Paging {

        private Paging() {
        }

        static <E> Slice<E> page(List<E> items, java.util.function.Function<E, List<Object>> keys,
                                 List<Comparator<Object>> comparators, PageRequest page) {
            Comparator<List<Object>> tuple = (a, b) -> {
                for (int i = 0; i < comparators.size(); i++) {
                    int c = comparators.get(i).compare(a.get(i), b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            List<Map.Entry<List<Object>, E>> keyed = new ArrayList<>(items.size());
            for (E e : items) {
                keyed.add(Map.entry(keys.apply(e), e));
            }
            keyed.sort((a, b) -> tuple.compare(a.getKey(), b.getKey()));
            int from = 0;
            if (page.after().isPresent()) {
                List<Object> after = page.after().get().keys();
                if (after.size() != comparators.size()) {
                    throw new IllegalArgumentException("the cursor does not belong to a query with this sort");
                }
                int lo = 0;
                int hi = keyed.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (tuple.compare(keyed.get(mid).getKey(), after) <= 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                from = lo;
            }
            int to = Math.min(keyed.size(), from + page.size());
            List<E> result = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                result.add(keyed.get(i).getValue());
            }
            Optional<Cursor> next = to < keyed.size() && to > from
                    ? Optional.of(Cursor.of(keyed.get(to - 1).getKey())) : Optional.empty();
            return new Slice<>(result, next);
        }
    }
}
