package dev.crmkit.core.contact;

import com.google.common.collect.Iterables;
import com.google.common.collect.Lists;
import com.google.common.primitives.ImmutableIntArray;
import com.google.common.primitives.ImmutableLongArray;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.policy.DuplicateCriteria;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Groups stored contacts into duplicate clusters in one pass (CON-5): for every combination of fields
 * that satisfies the rule, each contact's values for that combination form a key; contacts sharing a key
 * are duplicates and are united (union-find), so clusters are transitive. Memory grows with the number
 * of keys, not with pairs.
 *
 * <p>With more than one thread and a known count of at least {@link #PARALLEL_FROM} contacts, the scan runs in
 * parts on the common {@link java.util.concurrent.ForkJoinPool} and the calling thread: each part works out the keys
 * of a range of the contacts and sorts them by a hash of the key into as many partitions as there are parts; then
 * each partition's keys go through tables of their own (a key is in one partition only, so two contacts sharing it
 * meet there), which yields the links between contacts; the links are united on the calling thread. The links, and
 * so the clusters and their reasons, are the same as one thread finds.
 */
final class DuplicateScan {

    /** The fewest contacts a scan is split for: below it, splitting costs more than it saves. */
    static final int PARALLEL_FROM = 20_000;

    private final PhoneMatcher matcher;
    private final List<Set<MatchField>> combinations;
    /** Combinations that are just the phone: keyed by the digits as a number, without strings. */
    private final int phoneOnly;
    /** Each combination's fields as bits. */
    private final int[] masks;
    private final int threads;
    private final int parallelFrom;
    private int[] parent = new int[1024];
    /** For each cluster's root, the fields that linked its contacts, one bit per field's ordinal. */
    private int[] reasons = new int[1024];

    /**
     * A scan on the calling thread alone.
     *
     * @param criteria the rule
     * @param matcher the policy's phone matcher
     */
    DuplicateScan(DuplicateCriteria criteria, PhoneMatcher matcher) {
        this(criteria, matcher, 1, PARALLEL_FROM);
    }

    /**
     * A scan split into parts when it is large enough.
     *
     * @param criteria the rule
     * @param matcher the policy's phone matcher, called from several threads when {@code threads > 1}
     * @param threads how many parts a large scan is split into, at least 1
     * @param parallelFrom the fewest contacts a scan is split for
     */
    DuplicateScan(DuplicateCriteria criteria, PhoneMatcher matcher, int threads, int parallelFrom) {
        if (threads < 1) {
            throw new IllegalArgumentException("a scan needs at least one thread, not " + threads);
        }
        this.matcher = matcher;
        this.combinations = combinations(criteria);
        this.masks = new int[combinations.size()];
        for (int i = 0; i < masks.length; i++) {
            for (MatchField f : combinations.get(i)) {
                masks[i] |= 1 << f.ordinal();
            }
        }
        this.phoneOnly = combinations.indexOf(Set.of(MatchField.PHONE));
        this.threads = threads;
        this.parallelFrom = parallelFrom;
    }

    /** The field sets that satisfy the rule minimally: the required fields plus {@code minimum} of the others. */
    static List<Set<MatchField>> combinations(DuplicateCriteria criteria) {
        List<Set<MatchField>> result = new ArrayList<>();
        List<MatchField> anyOf = new ArrayList<>(criteria.anyOf());
        EnumSet<MatchField> required = EnumSet.noneOf(MatchField.class);
        required.addAll(criteria.required());
        choose(anyOf, 0, criteria.minimum(), required, result);
        return result;
    }

    private static void choose(List<MatchField> from, int start, int left, EnumSet<MatchField> chosen,
                               List<Set<MatchField>> out) {
        if (left == 0) {
            out.add(EnumSet.copyOf(chosen));
            return;
        }
        for (int i = start; i < from.size(); i++) {
            chosen.add(from.get(i));
            choose(from, i + 1, left - 1, chosen, out);
            chosen.remove(from.get(i));
        }
    }

    /**
     * Groups the contacts; a scan object is used once.
     *
     * @param contacts the contacts, each once
     * @return the clusters of two or more, each's contacts in id order, the clusters in the order of their first
     */
    List<DuplicateCluster> scan(Stream<Contact> contacts) {
        Spliterator<Contact> all = contacts.spliterator();
        long count = all.getExactSizeIfKnown();
        if (count > parent.length && count < Integer.MAX_VALUE) {
            // Sized up front when the count is known, instead of doubling step by step.
            parent = Arrays.copyOf(parent, (int) count);
            reasons = Arrays.copyOf(reasons, (int) count);
        }
        if (threads > 1 && count >= parallelFrom && count < Integer.MAX_VALUE) {
            Contact[] array = StreamSupport.stream(all, false).toArray(Contact[]::new);
            inParts(array);
            return clusters(Lists.transform(Arrays.asList(array), Contact::id));
        }
        List<ContactId> ids = new ArrayList<>(Math.max(0, (int) Math.min(count, Integer.MAX_VALUE - 8)));
        KeyReader reader = new KeyReader();
        Tables tables = new Tables((a, b, combination) -> union(a, b, masks[combination]));
        all.forEachRemaining(c -> {
            int index = ids.size();
            ids.add(c.id());
            start(index);
            reader.read(c, index, tables);
        });
        return clusters(ids);
    }

    /** Makes a contact's index its own cluster, growing the arrays when the count was not known. */
    private void start(int index) {
        if (index == parent.length) {
            parent = Arrays.copyOf(parent, parent.length * 2);
            reasons = Arrays.copyOf(reasons, reasons.length * 2);
        }
        parent[index] = index;
    }

    /** The scan in parts (see the class comment): keys by range into partitions, partitions into links, united. */
    private void inParts(Contact[] all) {
        int parts = threads;
        for (int i = 0; i < all.length; i++) {
            parent[i] = i;
        }
        Partition[][] byRange = new Partition[parts][];
        inParallel(parts, range -> {
            Partition[] mine = new Partition[parts];
            for (int p = 0; p < parts; p++) {
                mine[p] = new Partition();
            }
            KeyReader reader = new KeyReader();
            Sink sink = new Sink() {
                @Override
                public void string(int combination, String key, int index) {
                    mine[partition(key.hashCode(), parts)].string(combination, key, index);
                }

                @Override
                public void number(long key, int index) {
                    mine[partition(key, parts)].number(key, index);
                }
            };
            int to = bound(all.length, range + 1, parts);
            for (int i = bound(all.length, range, parts); i < to; i++) {
                reader.read(all[i], i, sink);
            }
            byRange[range] = mine;
        });
        ImmutableIntArray[] links = new ImmutableIntArray[parts];
        inParallel(parts, p -> {
            ImmutableIntArray.Builder found = ImmutableIntArray.builder();
            Tables tables = new Tables((a, b, combination) -> found.add(a).add(b).add(combination));
            // Ranges in order, so each key's first contact is the one a single thread would have found first.
            for (Partition[] range : byRange) {
                range[p].replay(tables);
            }
            links[p] = found.build();
        });
        for (ImmutableIntArray l : links) {
            for (int i = 0; i < l.length(); i += 3) {
                union(l.get(i), l.get(i + 1), masks[l.get(i + 2)]);
            }
        }
    }

    /** Runs parts of a job, one on the calling thread and the others in the common pool, and waits for them all. */
    private static void inParallel(int parts, IntConsumer part) {
        ForkJoinTask.invokeAll(IntStream.range(0, parts).mapToObj(p -> ForkJoinTask.adapt(() -> part.accept(p)))
                .toList());
    }

    /** Where a part of {@code parts} of a range of {@code length} starts (part {@code parts}: where it ends). */
    private static int bound(int length, int part, int parts) {
        return (int) ((long) length * part / parts);
    }

    /** The partition of a string key's hash: the high bits of a product other than the tables' own mix. */
    private static int partition(int hash, int parts) {
        return (int) (((hash * 0x85EBCA6BL) & 0xFFFFFFFFL) * parts >>> 32);
    }

    /** The partition of a numeric key. */
    private static int partition(long key, int parts) {
        return (int) (((key * 0xC2B2AE3D27D4EB4FL) >>> 32) * parts >>> 32);
    }

    /** The clusters once every contact is in the union-find, with the contacts' ids by index. */
    private List<DuplicateCluster> clusters(List<ContactId> ids) {
        int n = ids.size();
        int[] roots = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            roots[i] = find(i);
            sizes[roots[i]]++;
        }
        // Only the contacts of real clusters (most are alone), sorted by id once: walking them in that order, a
        // cluster starts at its first member and gets the others in order, so neither members nor clusters are
        // sorted again. The sort reads ids copied out beside each contact, not through the records.
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (sizes[roots[i]] > 1) {
                members.add(new Member(ids.get(i), roots[i]));
            }
        }
        Iterable<Member> inOrder = sorted(members);
        int[] clusterOf = new int[n];
        List<List<ContactId>> ordered = new ArrayList<>();
        List<Integer> rootsInOrder = new ArrayList<>();
        for (Member m : inOrder) {
            int slot = clusterOf[m.root] - 1;
            if (slot < 0) {
                slot = ordered.size();
                clusterOf[m.root] = slot + 1;
                ordered.add(new ArrayList<>(sizes[m.root]));
                rootsInOrder.add(m.root);
            }
            ordered.get(slot).add(m.id);
        }
        List<DuplicateCluster> clusters = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            clusters.add(new DuplicateCluster(ordered.get(i), fieldsOf(reasons[rootsInOrder.get(i)])));
        }
        return clusters;
    }

    /**
     * The members in id order: sorted at once on one thread, or, split, each part's range sorted on its own thread and
     * the sorted ranges merged.
     */
    private Iterable<Member> sorted(List<Member> members) {
        if (threads == 1 || members.size() < parallelFrom) {
            members.sort(Member.ORDER);
            return members;
        }
        Member[] all = members.toArray(new Member[0]);
        int parts = threads;
        List<List<Member>> ranges = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            ranges.add(Arrays.asList(all).subList(bound(all.length, p, parts), bound(all.length, p + 1, parts)));
        }
        inParallel(parts, p -> Arrays.sort(all, bound(all.length, p, parts), bound(all.length, p + 1, parts),
                Member.ORDER));
        return Iterables.mergeSorted(ranges, Member.ORDER);
    }

    /** A contact of a cluster, with its id's bits copied out for sorting and the root of its cluster. */
    private record Member(ContactId id, long high, long low, int root) {

        /** The order of {@link EntityId#ORDER}: the UUID's bits compared unsigned. */
        static final Comparator<Member> ORDER = (a, b) -> {
            int high = Long.compareUnsigned(a.high, b.high);
            return high != 0 ? high : Long.compareUnsigned(a.low, b.low);
        };

        Member(ContactId id, int root) {
            this(id, id.value().getMostSignificantBits(), id.value().getLeastSignificantBits(), root);
        }
    }

    /** Where a contact's keys go: into the tables, or into a part's partitions to go there later. */
    private interface Sink {

        /** A key of a combination, as a string. */
        void string(int combination, String key, int index);

        /** A key of the phone-only combination as a number (at most 17 digits). */
        void number(long key, int index);
    }

    /** Two contacts that share a key of a combination. */
    @FunctionalInterface
    private interface Link {
        void link(int a, int b, int combination);
    }

    /** Each combination's keys and the first contact that had each: a key met again links the two contacts. */
    private final class Tables implements Sink {
        private final KeyTable[] strings = new KeyTable[combinations.size()];
        private final LongKeyTable numbers = new LongKeyTable();
        private final Link link;

        Tables(Link link) {
            this.link = link;
            for (int i = 0; i < strings.length; i++) {
                strings[i] = new KeyTable();
            }
        }

        @Override
        public void string(int combination, String key, int index) {
            met(index, strings[combination].putIfAbsent(key, index), combination);
        }

        @Override
        public void number(long key, int index) {
            met(index, numbers.putIfAbsent(key, index), phoneOnly);
        }

        /** Links a contact with the first that had a key, if another had it (a contact may repeat its own value). */
        private void met(int index, int other, int combination) {
            if (other >= 0 && other != index) {
                link.link(index, other, combination);
            }
        }
    }

    /** The keys one part found of one partition, in the order it found them. */
    private static final class Partition {
        private final List<String> strings = new ArrayList<>();
        /** For each string key, its combination and contact. */
        private final ImmutableIntArray.Builder stringOwners = ImmutableIntArray.builder();
        private final ImmutableLongArray.Builder numbers = ImmutableLongArray.builder();
        private final ImmutableIntArray.Builder numberOwners = ImmutableIntArray.builder();

        void string(int combination, String key, int index) {
            strings.add(key);
            stringOwners.add(combination).add(index);
        }

        void number(long key, int index) {
            numbers.add(key);
            numberOwners.add(index);
        }

        /** Hands the keys on in their order, numbers first (no number's table is a string's). */
        void replay(Sink into) {
            ImmutableLongArray keys = numbers.build();
            ImmutableIntArray owners = numberOwners.build();
            for (int i = 0; i < keys.length(); i++) {
                into.number(keys.get(i), owners.get(i));
            }
            ImmutableIntArray stringsOwners = stringOwners.build();
            for (int i = 0; i < strings.size(); i++) {
                into.string(stringsOwners.get(2 * i), strings.get(i), stringsOwners.get(2 * i + 1));
            }
        }
    }

    /** Works out the keys of one contact after another; one a thread, as it keeps the values of the contact at hand. */
    private final class KeyReader {
        /** The values of each field of the contact at hand, once worked out (by ordinal). */
        private final List<List<String>> values = new ArrayList<>(
                Collections.nCopies(MatchField.values().length, null));

        /** Hands a contact's keys under every combination to a sink. */
        void read(Contact c, int index, Sink sink) {
            Collections.fill(values, null);
            for (int i = 0; i < combinations.size(); i++) {
                if (i == phoneOnly) {
                    phones(c, index, sink);
                    continue;
                }
                for (String key : keysOf(c, combinations.get(i))) {
                    sink.string(i, key, index);
                }
            }
        }

        /**
         * A contact's phones under the phone-only combination, each key on its own: a key of at most 17 digits (the
         * usual case) as a number, any other as a string in the combination's table, so that two contacts sharing a
         * numeric key meet in the same table whatever their other numbers are.
         */
        private void phones(Contact c, int index, Sink sink) {
            for (int p = 0; p < c.phones().size(); p++) {
                PhoneNumber phone = c.phones().get(p).number();
                long number = matcher.numericKey(phone);
                if (number >= 0) {
                    sink.number(number, index);
                } else {
                    sink.string(phoneOnly, matcher.key(phone), index);
                }
            }
        }

        /**
         * The keys of a contact for a field combination, each combination having a table of its own: the values
         * themselves for one field, and for several one key per combination of their values, joined by a character no
         * value holds.
         */
        private List<String> keysOf(Contact c, Set<MatchField> combination) {
            if (combination.size() == 1) {
                return valuesOf(c, combination.iterator().next());
            }
            List<String> partial = null;
            for (MatchField f : combination) {
                List<String> own = valuesOf(c, f);
                if (own.isEmpty()) {
                    return List.of();
                }
                if (partial == null) {
                    partial = own;
                    continue;
                }
                List<String> next = new ArrayList<>(partial.size() * own.size());
                for (String p : partial) {
                    for (String v : own) {
                        next.add(p + '\u0000' + v);
                    }
                }
                partial = next;
            }
            return partial;
        }

        /**
         * What the rule compares of one field of the contact at hand, worked out once a contact: the name's match
         * key (none when empty), the phones' matcher keys, the normalized e-mails, the birth date.
         */
        private List<String> valuesOf(Contact c, MatchField f) {
            List<String> known = values.get(f.ordinal());
            if (known != null) {
                return known;
            }
            List<String> found;
            switch (f) {
                case NAME: {
                    String key = c.name().matchKey();
                    found = key.isEmpty() ? List.of() : List.of(key);
                    break;
                }
                case PHONE: {
                    int n = c.phones().size();
                    found = n == 0 ? List.of() : n == 1 ? List.of(matcher.key(c.phones().get(0).number()))
                            : new ArrayList<>(n);
                    for (int i = 0; n > 1 && i < n; i++) {
                        addOnce(found, matcher.key(c.phones().get(i).number()));
                    }
                    break;
                }
                case EMAIL: {
                    int n = c.emails().size();
                    found = n == 0 ? List.of() : n == 1 ? List.of(c.emails().get(0).email().normalized())
                            : new ArrayList<>(n);
                    for (int i = 0; n > 1 && i < n; i++) {
                        addOnce(found, c.emails().get(i).email().normalized());
                    }
                    break;
                }
                case BIRTH_DATE:
                    found = c.birthDate().map(d -> List.of(d.toString())).orElse(List.of());
                    break;
                default:
                    throw new IllegalStateException("no scan key for the match field " + f);
            }
            values.set(f.ordinal(), found);
            return found;
        }
    }

    /**
     * An open-addressing table from key to the first contact index that had it: no entry objects and no
     * boxed integers, which matter at a million keys.
     */
    static final class KeyTable {
        private String[] keys = new String[1 << 10];
        /** Each slot's key's hash, so a probe passes other keys without reading them. */
        private int[] hashes = new int[1 << 10];
        private int[] values = new int[1 << 10];
        private int size;

        /** Stores the index for a new key; returns the stored index for a known key, or -1. */
        int putIfAbsent(String key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int hash = key.hashCode();
            int i = mix(hash) & mask;
            while (keys[i] != null) {
                if (hashes[i] == hash && keys[i].equals(key)) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            hashes[i] = hash;
            values[i] = value;
            size++;
            return -1;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            hashes = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = mix(oldHashes[j]) & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    hashes[i] = oldHashes[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** An open-addressing table from a numeric key to the first contact index that had it. */
    static final class LongKeyTable {
        private static final long EMPTY = Long.MIN_VALUE;
        private long[] keys = newKeys(1 << 10);
        private int[] values = new int[1 << 10];
        private int size;

        private static long[] newKeys(int n) {
            long[] k = new long[n];
            Arrays.fill(k, EMPTY);
            return k;
        }

        /** Stores the index for a new key; returns the stored index for a known key, or -1. */
        int putIfAbsent(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != EMPTY) {
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
            return -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = newKeys(oldKeys.length * 2);
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = mix(oldKeys[j]) & mask;
                    while (keys[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int mix(long h) {
            h *= 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b, int why) {
        int ra = find(a);
        int rb = find(b);
        int root = Math.min(ra, rb);
        int other = Math.max(ra, rb);
        reasons[root] |= reasons[other] | why;
        parent[other] = root;
    }

    /** Adds a value to a contact's few values unless it is there already. */
    private static void addOnce(List<String> values, String value) {
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    private static Set<MatchField> fieldsOf(int bits) {
        EnumSet<MatchField> fields = EnumSet.noneOf(MatchField.class);
        for (MatchField f : MatchField.values()) {
            if ((bits & 1 << f.ordinal()) != 0) {
                fields.add(f);
            }
        }
        return fields;
    }
}
