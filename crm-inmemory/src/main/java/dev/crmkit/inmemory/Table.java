package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The committed rows of one entity type with their indexes. Not thread-safe by itself: the owning
 * {@link InMemoryStorage} reads it under its read lock and changes it only while committing, under its
 * write lock.
 */
final class Table<I extends EntityId, E extends Entity<I>> {

    final EntityType type;
    private final TreeMap<I, E> rows = new TreeMap<>(EntityId.ORDER);
    private final List<Index<E>> indexes;
    private final List<SortedIndex<I, E>> sorted;
    /**
     * Under each key of each non-unique index: the one record with that key, or, for two or more, a {@link Bucket}
     * of them. Most keys (phone numbers, e-mails, names) belong to one record, and a collection per key would cost
     * more for each.
     */
    private final Map<String, Map<Object, Object>> entries = new HashMap<>();
    /**
     * The buckets of two or more records of each non-unique index: the same buckets as in {@link #entries}, listed
     * apart so that a duplicate scan walks the few shared keys instead of every key (a million phone numbers, of which
     * tens of thousands are shared). A list, not a map by key: each bucket knows its key and its place in the list,
     * which costs about 12 bytes a shared key where a map's entry would cost about 40.
     */
    private final Map<String, ArrayList<Bucket<E>>> shared = new HashMap<>();
    /** The non-unique indexes by name. */
    private final Map<String, Index<E>> byName = new HashMap<>();

    /**
     * Two or more records under one key of an index, in an array kept sorted by the index's rank, then id (see
     * {@link Table#search}), knowing the key and its place in {@link #shared}. An array rather than a tree: about 4
     * bytes a record where a tree's entry costs 40, found by binary search, and an insertion moves at most the
     * bucket's records (a name's bucket holds hundreds at a million contacts, a phone's usually two). For a ranked
     * index the records' ranks are kept beside them (8 bytes a record), so a search by rank and a walk of a bucket's
     * runs of one rank read the array instead of every record it passes (a contact, its birth date: memory that is
     * rarely in the cache).
     */
    private static final class Bucket<E> extends AbstractList<E> implements RandomAccess {
        private final Object key;
        private int slot;
        private Object[] records;
        /** The records' ranks, in the same places; null for an index without a rank. */
        private long[] ranks;
        private int size;

        Bucket(Object key, E first, long firstRank, E second, long secondRank, boolean ranked) {
            this.key = key;
            this.records = new Object[] {first, second};
            this.ranks = ranked ? new long[] {firstRank, secondRank} : null;
            this.size = 2;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            Objects.checkIndex(index, size);
            return (E) records[index];
        }

        @Override
        public int size() {
            return size;
        }

        void insert(int at, E e, long rank) {
            if (size == records.length) {
                int capacity = size + Math.max(2, size >> 1);
                records = Arrays.copyOf(records, capacity);
                if (ranks != null) {
                    ranks = Arrays.copyOf(ranks, capacity);
                }
            }
            System.arraycopy(records, at, records, at + 1, size - at);
            records[at] = e;
            if (ranks != null) {
                System.arraycopy(ranks, at, ranks, at + 1, size - at);
                ranks[at] = rank;
            }
            size++;
        }

        void delete(int at) {
            System.arraycopy(records, at + 1, records, at, size - at - 1);
            if (ranks != null) {
                System.arraycopy(ranks, at + 1, ranks, at, size - at - 1);
            }
            records[--size] = null;
            if (size > 4 && size < records.length >> 2) {
                records = Arrays.copyOf(records, size << 1);
                if (ranks != null) {
                    ranks = Arrays.copyOf(ranks, size << 1);
                }
            }
        }
    }

    private final Map<String, Map<Object, I>> uniqueEntries = new HashMap<>();

    Table(EntityType type, List<Index<E>> indexes) {
        this(type, indexes, List.of());
    }

    Table(EntityType type, List<Index<E>> indexes, List<SortedIndex<I, E>> sorted) {
        this.type = type;
        this.indexes = List.copyOf(indexes);
        this.sorted = List.copyOf(sorted);
        for (Index<E> index : indexes) {
            if (index.unique()) {
                uniqueEntries.put(index.name(), new HashMap<>());
            } else {
                entries.put(index.name(), new HashMap<>());
                shared.put(index.name(), new ArrayList<>());
                byName.put(index.name(), index);
            }
        }
    }

    E get(I id) {
        return rows.get(id);
    }

    Collection<E> all() {
        return rows.values();
    }

    /** The rows in id order. */
    NavigableMap<I, E> rows() {
        return rows;
    }

    /** The ordered indexes, which queries may walk. */
    List<SortedIndex<I, E>> sorted() {
        return sorted;
    }

    /**
     * The records under one key of a non-unique index, ordered by the index's rank, then id (id order for an index
     * without a rank); null when there are none. A view: read it under the storage's lock.
     */
    Collection<E> entries(String index, Object key) {
        return records(entries.get(index).get(key));
    }

    /**
     * The records under one key of a ranked non-unique index that have one rank, in id order: found by binary search
     * in the key's bucket, without reading the records of other ranks. Call it under the storage's lock.
     *
     * @param index the index, which must have a rank
     * @param key the key
     * @param rank the rank
     * @return the records, empty when there are none
     */
    @SuppressWarnings("unchecked")
    List<E> entries(String index, Object key, long rank) {
        Index<E> idx = byName.get(index);
        if (idx == null || idx.rank() == null) {
            throw new IllegalArgumentException("no ranked index " + index);
        }
        Object found = entries.get(index).get(key);
        if (found == null) {
            return List.of();
        }
        if (!(found instanceof Bucket<?>)) {
            E one = (E) found;
            return idx.rank().applyAsLong(one) == rank ? List.of(one) : List.of();
        }
        Bucket<E> bucket = (Bucket<E>) found;
        int low = 0;
        int high = bucket.size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bucket.ranks[mid] < rank) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int end = low;
        while (end < bucket.size && bucket.ranks[end] == rank) {
            end++;
        }
        return bucket.subList(low, end);
    }

    /**
     * Hands every run of two or more records that share a key of a ranked non-unique index and one rank to an
     * action, with the key: the records in id order. The ranks are read from the buckets, not from the records, and
     * the records of a rank with one record are not read at all. Call it under the storage's lock.
     *
     * @param index the index, which must have a rank
     * @param skip a rank whose runs are not handed over (the contact name index's "no birth date")
     * @param action what to do with each key and run
     */
    void forEachSharedRun(String index, long skip, BiConsumer<Object, List<E>> action) {
        if (byName.get(index) == null || byName.get(index).rank() == null) {
            throw new IllegalArgumentException("no ranked index " + index);
        }
        for (Bucket<E> bucket : shared.get(index)) {
            long[] ranks = bucket.ranks;
            int start = 0;
            while (start < bucket.size) {
                long rank = ranks[start];
                int end = start + 1;
                while (end < bucket.size && ranks[end] == rank) {
                    end++;
                }
                if (end - start > 1 && rank != skip) {
                    action.accept(bucket.key, bucket.subList(start, end));
                }
                start = end;
            }
        }
    }

    /** What a bucket of {@link #entries} holds, in its order; null for no bucket. */
    @SuppressWarnings("unchecked")
    private Collection<E> records(Object bucket) {
        if (bucket == null) {
            return null;
        }
        return bucket instanceof Bucket<?> many ? (Bucket<E>) many : List.of((E) bucket);
    }

    /** Whether the records under a key of a non-unique index are in id order (it has no rank). */
    boolean inIdOrder(String index) {
        return byName.get(index).rank() == null;
    }

    /** The order of the records in a bucket of an index: by rank, if it has one, then by id. */
    /**
     * Where a record is in a bucket (its place, or minus its insertion point minus one), by binary search: by the
     * ranks the bucket keeps, then by id.
     */
    private static <E extends Entity<?>> int search(Index<E> index, Bucket<E> bucket, E e) {
        long rank = index.rank() == null ? 0 : index.rank().applyAsLong(e);
        int low = 0;
        int high = bucket.size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = bucket.ranks == null ? 0 : Long.compare(bucket.ranks[mid], rank);
            if (c == 0) {
                c = EntityId.ORDER.compare(bucket.get(mid).id(), e.id());
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * Hands every bucket of two or more records of a non-unique index, with its key, to an action: the records in the
     * bucket's order (see {@link #entries(String, Object)}). Call it under the storage's lock.
     *
     * @param index the index
     * @param action what to do with each key and its records
     */
    void forEachShared(String index, BiConsumer<Object, List<E>> action) {
        for (Bucket<E> bucket : shared.get(index)) {
            action.accept(bucket.key, bucket);
        }
    }

    /** Whether two or more records have a key of a non-unique index. */
    boolean isShared(String index, Object key) {
        return entries.get(index).get(key) instanceof Bucket<?>;
    }

    /** How many records the buckets of two or more records of a non-unique index hold, counted once per bucket. */
    int sharedCount(String index) {
        int count = 0;
        for (Bucket<E> bucket : shared.get(index)) {
            count += bucket.size;
        }
        return count;
    }

    int size() {
        return rows.size();
    }

    List<E> lookup(String index, Object key) {
        Collection<E> found = entries(index, key);
        return found == null ? List.of() : new ArrayList<>(found);
    }

    /** The id holding a key of a unique index, if any. */
    I uniqueOwner(String index, Object key) {
        return uniqueEntries.get(index).get(key);
    }

    List<Index<E>> indexes() {
        return indexes;
    }

    /**
     * Checks that a transaction's writes still apply: every record it touched is at the version it
     * was based on, and no unique key it takes has been taken by another record meanwhile.
     */
    void validate(Map<I, Long> baseVersions, LinkedHashMap<I, E> writes) {
        for (Map.Entry<I, Long> base : baseVersions.entrySet()) {
            E current = rows.get(base.getKey());
            long committed = current == null ? 0 : current.version();
            if (committed != base.getValue()) {
                RecordRef ref = RecordRef.of(base.getKey());
                throw base.getValue() == 0 ? ConflictException.alreadyExists(ref)
                        : ConflictException.staleVersion(ref, base.getValue(), committed);
            }
        }
        for (Index<E> index : indexes) {
            if (!index.unique()) {
                continue;
            }
            Map<Object, I> taken = uniqueEntries.get(index.name());
            Map<Object, I> claimed = new HashMap<>();
            for (Map.Entry<I, E> w : writes.entrySet()) {
                if (w.getValue() == null) {
                    continue;
                }
                for (Object key : index.keys().apply(w.getValue())) {
                    I owner = taken.get(key);
                    boolean ownerReleases = owner != null && !owner.equals(w.getKey()) && writes.containsKey(owner)
                            && (writes.get(owner) == null || !index.keys().apply(writes.get(owner)).contains(key));
                    I previousClaim = claimed.put(key, w.getKey());
                    if ((owner != null && !owner.equals(w.getKey()) && !ownerReleases)
                            || (previousClaim != null && !previousClaim.equals(w.getKey()))) {
                        throw uniqueKeyTaken(type, index.name(), RecordRef.of(w.getKey()));
                    }
                }
            }
        }
    }

    /**
     * A unique key of a record belongs to another one. The key itself stays out of the message: it is the
     * other record's data (an e-mail, a call id), and messages end up in logs.
     */
    static ConflictException uniqueKeyTaken(EntityType type, String index, RecordRef record) {
        return new ConflictException(type + ": the unique key " + index + " of " + record + " is taken by another record",
                record, ConflictException.Reason.UNIQUE_KEY, null);
    }

    /** Applies validated writes; a null value deletes. */
    void apply(LinkedHashMap<I, E> writes) {
        for (Map.Entry<I, E> w : writes.entrySet()) {
            E old = rows.get(w.getKey());
            if (old != null) {
                unindex(old);
            }
        }
        for (Map.Entry<I, E> w : writes.entrySet()) {
            if (w.getValue() == null) {
                rows.remove(w.getKey());
            } else {
                rows.put(w.getKey(), w.getValue());
                index(w.getValue());
            }
        }
    }

    private void index(E e) {
        for (Index<E> index : indexes) {
            for (Object key : index.keys().apply(e)) {
                if (index.unique()) {
                    uniqueEntries.get(index.name()).put(key, e.id());
                } else {
                    addToBucket(index, key, e);
                }
            }
        }
        for (SortedIndex<I, E> index : sorted) {
            index.add(e);
        }
    }

    private void unindex(E e) {
        for (Index<E> index : indexes) {
            for (Object key : index.keys().apply(e)) {
                if (index.unique()) {
                    uniqueEntries.get(index.name()).remove(key, e.id());
                } else {
                    removeFromBucket(index, key, e);
                }
            }
        }
        for (SortedIndex<I, E> index : sorted) {
            index.remove(e);
        }
    }

    /**
     * Puts a record under a key. The same record may come twice (two phones with one key): it is then kept once. A
     * record is always taken out of its buckets ({@link #unindex}) before another version of it comes in, so a bucket
     * never holds two versions of one record.
     */
    @SuppressWarnings("unchecked")
    private void addToBucket(Index<E> idx, Object key, E e) {
        Map<Object, Object> index = entries.get(idx.name());
        Object bucket = index.get(key);
        if (bucket == null) {
            index.put(key, e);
        } else if (bucket instanceof Bucket<?> found) {
            Bucket<E> many = (Bucket<E>) found;
            int at = search(idx, many, e);
            if (at < 0) {
                many.insert(-at - 1, e, idx.rank() == null ? 0 : idx.rank().applyAsLong(e));
            } else {
                many.records[at] = e;
            }
        } else {
            E one = (E) bucket;
            if (one.id().equals(e.id())) {
                index.put(key, e);
            } else {
                boolean ranked = idx.rank() != null;
                long oneRank = ranked ? idx.rank().applyAsLong(one) : 0;
                long eRank = ranked ? idx.rank().applyAsLong(e) : 0;
                int order = Long.compare(oneRank, eRank);
                if (order == 0) {
                    order = EntityId.ORDER.compare(one.id(), e.id());
                }
                Bucket<E> many = order < 0 ? new Bucket<>(key, one, oneRank, e, eRank, ranked)
                        : new Bucket<>(key, e, eRank, one, oneRank, ranked);
                index.put(key, many);
                List<Bucket<E>> list = shared.get(idx.name());
                many.slot = list.size();
                list.add(many);
            }
        }
    }

    /** Takes a bucket that no longer holds two records out of the list of shared ones, moving the last into its place. */
    private void unshare(String name, Bucket<E> bucket) {
        ArrayList<Bucket<E>> list = shared.get(name);
        Bucket<E> last = list.remove(list.size() - 1);
        if (last != bucket) {
            list.set(bucket.slot, last);
            last.slot = bucket.slot;
        }
    }

    /** Takes a record, the version that was indexed, from under a key. */
    @SuppressWarnings("unchecked")
    private void removeFromBucket(Index<E> idx, Object key, E e) {
        Map<Object, Object> index = entries.get(idx.name());
        Object bucket = index.get(key);
        if (bucket instanceof Bucket<?> found) {
            Bucket<E> many = (Bucket<E>) found;
            int at = search(idx, many, e);
            if (at < 0) {
                // Already taken out: the record had this key twice.
                return;
            }
            many.delete(at);
            if (many.size == 1) {
                index.put(key, many.get(0));
                unshare(idx.name(), many);
            }
        } else if (bucket != null && ((E) bucket).id().equals(e.id())) {
            index.remove(key);
        }
    }
}
