package dev.crmkit.inmemory;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
     * of them by id. Most keys (phone numbers, e-mails, names) belong to one record, and a map per key would cost
     * about 90 bytes more for each.
     */
    private final Map<String, Map<Object, Object>> entries = new HashMap<>();
    /**
     * The buckets of two or more records of each non-unique index: the same maps as in {@link #entries}, listed apart
     * so that a duplicate scan walks the few shared keys instead of every key (a million phone numbers, of which tens
     * of thousands are shared). A list, not a map by key: each bucket knows its key and its place in the list, which
     * costs about 12 bytes a shared key where a map's entry would cost about 40.
     */
    private final Map<String, ArrayList<Bucket<I, E>>> shared = new HashMap<>();

    /** Two or more records under one key of an index, in id order, knowing the key and its place in {@link #shared}. */
    private static final class Bucket<I extends EntityId, E> extends TreeMap<I, E> {
        private static final long serialVersionUID = 1L;
        private final transient Object key;
        private int slot;

        Bucket(Object key) {
            super(EntityId.ORDER);
            this.key = key;
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

    /** The records under one key of a non-unique index, in id order; null when there are none. */
    Collection<E> entries(String index, Object key) {
        return records(entries.get(index).get(key));
    }

    /** What a bucket of {@link #entries} holds, in id order; null for no bucket. */
    @SuppressWarnings("unchecked")
    private Collection<E> records(Object bucket) {
        if (bucket == null) {
            return null;
        }
        return bucket instanceof Bucket<?, ?> many ? ((Bucket<I, E>) many).values() : List.of((E) bucket);
    }

    /**
     * Hands every bucket of two or more records of a non-unique index, with its key, to an action: the records in id
     * order. Call it under the storage's lock.
     *
     * @param index the index
     * @param action what to do with each key and its records
     */
    void forEachShared(String index, BiConsumer<Object, Collection<E>> action) {
        for (Bucket<I, E> bucket : shared.get(index)) {
            action.accept(bucket.key, bucket.values());
        }
    }

    /** Whether two or more records have a key of a non-unique index. */
    boolean isShared(String index, Object key) {
        return entries.get(index).get(key) instanceof Bucket<?, ?>;
    }

    /** How many records the buckets of two or more records of a non-unique index hold, counted once per bucket. */
    int sharedCount(String index) {
        int count = 0;
        for (Bucket<I, E> bucket : shared.get(index)) {
            count += bucket.size();
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
                    addToBucket(index.name(), key, e);
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
                    removeFromBucket(index.name(), key, e);
                }
            }
        }
        for (SortedIndex<I, E> index : sorted) {
            index.remove(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void addToBucket(String name, Object key, E e) {
        Map<Object, Object> index = entries.get(name);
        Object bucket = index.get(key);
        if (bucket == null) {
            index.put(key, e);
        } else if (bucket instanceof Bucket<?, ?> many) {
            ((Bucket<I, E>) many).put(e.id(), e);
        } else {
            E one = (E) bucket;
            if (one.id().equals(e.id())) {
                index.put(key, e);
            } else {
                Bucket<I, E> many = new Bucket<>(key);
                many.put(one.id(), one);
                many.put(e.id(), e);
                index.put(key, many);
                List<Bucket<I, E>> list = shared.get(name);
                many.slot = list.size();
                list.add(many);
            }
        }
    }

    /** Takes a bucket that no longer holds two records out of the list of shared ones, moving the last into its place. */
    private void unshare(String name, Bucket<I, E> bucket) {
        ArrayList<Bucket<I, E>> list = shared.get(name);
        Bucket<I, E> last = list.remove(list.size() - 1);
        if (last != bucket) {
            list.set(bucket.slot, last);
            last.slot = bucket.slot;
        }
    }

    @SuppressWarnings("unchecked")
    private void removeFromBucket(String name, Object key, E e) {
        Map<Object, Object> index = entries.get(name);
        Object bucket = index.get(key);
        if (bucket instanceof Bucket<?, ?> found) {
            Bucket<I, E> many = (Bucket<I, E>) found;
            many.remove(e.id());
            if (many.size() == 1) {
                index.put(key, many.firstEntry().getValue());
                unshare(name, many);
            } else if (many.isEmpty()) {
                index.remove(key);
                unshare(name, many);
            }
        } else if (bucket != null && ((E) bucket).id().equals(e.id())) {
            index.remove(key);
        }
    }
}
