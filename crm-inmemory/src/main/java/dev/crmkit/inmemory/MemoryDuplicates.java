package dev.crmkit.inmemory;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.spi.DuplicateQueries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link DuplicateQueries} over the contact table's lookup indexes, which the table keeps anyway for duplicate checks.
 * For each field combination one indexed field drives (a phone before an e-mail before a name, the name's buckets
 * being the largest): its buckets of two or more contacts are walked, and within a bucket the contacts that also
 * share a value of every other field of the combination with a contact of the same bucket are candidates. So a
 * scan gets the contacts that do share a value of every field with another, not a superset of every contact in some
 * shared bucket of each field. A combination with no indexed field (a birth date alone) groups every contact.
 *
 * <p>The transaction's own contact writes are candidates, with every committed contact sharing an indexed value with
 * one of them (a superset, which the scan narrows); committed versions of contacts the transaction changed or
 * deleted are left out, so each candidate is returned as the transaction sees it.
 */
final class MemoryDuplicates implements DuplicateQueries {

    /** The contact table's index of each indexed match field, in the order they are preferred to drive a search. */
    private static final Map<MatchField, String> INDEXES = Map.of(MatchField.PHONE, "phone", MatchField.EMAIL, "email",
            MatchField.NAME, "name");
    private static final List<MatchField> DRIVERS = List.of(MatchField.PHONE, MatchField.EMAIL, MatchField.NAME);
    /** The name index's key for a contact with no name key, which matches nothing. */
    private static final String NO_NAME = "";

    private final MemoryTransaction tx;

    MemoryDuplicates(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Stream<Contact> contactCandidates(List<Set<MatchField>> combinations) {
        Objects.requireNonNull(combinations, "combinations");
        tx.checkOpen();
        for (Set<MatchField> combination : combinations) {
            if (combination.isEmpty()) {
                throw new IllegalArgumentException("a field combination of a duplicate rule is empty");
            }
        }
        if (combinations.isEmpty()) {
            return Stream.empty();
        }
        Table<ContactId, Contact> table = tx.storage.contacts;
        Map<ContactId, Contact> writes = tx.contacts.writes;
        Map<String, Function<? super Contact, ? extends Collection<?>>> keys = new HashMap<>();
        table.indexes().forEach(i -> keys.put(i.name(), i.keys()));
        if (writes.isEmpty() && combinations.stream().allMatch(c -> c.size() == 1
                && INDEXES.containsKey(c.iterator().next()))) {
            List<String> indexes = combinations.stream().map(c -> INDEXES.get(c.iterator().next())).distinct().toList();
            List<Contact> once = tx.storage.read(() -> eachOnce(table, keys, indexes));
            return once.stream();
        }
        Set<Contact> result = tx.storage.read(() -> {
            // Presized for the contacts of the phone and e-mail buckets walked (at most the table), so a large scan
            // does not grow the set step by step; the name's buckets hold most of a table and are narrowed, so they
            // do not count.
            long expected = 0;
            for (Set<MatchField> combination : combinations) {
                MatchField driver = driver(combination);
                expected += driver == null || driver == MatchField.NAME ? 0 : table.sharedCount(INDEXES.get(driver));
            }
            Set<Contact> found = Collections.newSetFromMap(new IdentityHashMap<>((int) Math.min(expected, table.size())));
            for (Set<MatchField> combination : combinations) {
                committed(table, keys, combination, found);
            }
            if (!writes.isEmpty()) {
                found.removeIf(c -> writes.containsKey(c.id()));
                for (Contact written : writes.values()) {
                    if (written != null) {
                        found.add(written);
                        sharingWith(table, keys, combinations, written, writes, found);
                    }
                }
            }
            return found;
        });
        return result.stream();
    }

    /**
     * For a rule of single indexed fields and a transaction that wrote no contact (a scan's usual case): the committed
     * contacts in a shared bucket of any of the indexes, each once without a set to remember them by. A contact is
     * taken from the first bucket it is in: the bucket of its first shared key in the first index where it has one.
     */
    private static List<Contact> eachOnce(Table<ContactId, Contact> table,
                                          Map<String, Function<? super Contact, ? extends Collection<?>>> keys,
                                          List<String> indexes) {
        long expected = 0;
        for (String index : indexes) {
            expected += table.sharedCount(index);
        }
        List<Contact> found = new ArrayList<>((int) Math.min(expected, table.size()));
        for (int i = 0; i < indexes.size(); i++) {
            String index = indexes.get(i);
            List<String> earlier = indexes.subList(0, i);
            table.forEachShared(index, (key, bucket) -> {
                if (!noValue(index, key)) {
                    for (Contact c : bucket) {
                        if (firstBucket(table, keys, earlier, index, key, c)) {
                            found.add(c);
                        }
                    }
                }
            });
        }
        return found;
    }

    /** Whether a bucket of an index, under a key, is the first shared one a contact is in (see {@link #eachOnce}). */
    private static boolean firstBucket(Table<ContactId, Contact> table,
                                       Map<String, Function<? super Contact, ? extends Collection<?>>> keys,
                                       List<String> earlier, String index, Object key, Contact c) {
        for (String before : earlier) {
            for (Object k : keys.get(before).apply(c)) {
                if (shared(table, before, k)) {
                    return false;
                }
            }
        }
        if (single(index, c)) {
            return true;
        }
        for (Object k : keys.get(index).apply(c)) {
            if (shared(table, index, k)) {
                return k.equals(key);
            }
        }
        return false;
    }

    /** Whether a contact has one key of an index, known without working its keys out. */
    private static boolean single(String index, Contact c) {
        return switch (index) {
            case "phone" -> c.phones().size() == 1;
            case "email" -> c.emails().size() == 1;
            default -> index.equals("name");
        };
    }

    /** Whether a key of an index is held by two or more contacts (the empty name key never counts). */
    private static boolean shared(Table<ContactId, Contact> table, String index, Object key) {
        return !noValue(index, key) && table.isShared(index, key);
    }

    /** Whether an index key stands for no value (the name index's empty key), which matches nothing. */
    private static boolean noValue(String index, Object key) {
        return index.equals(INDEXES.get(MatchField.NAME)) && key.equals(NO_NAME);
    }

    /** The committed contacts sharing a value of every field of a combination with another committed contact. */
    private static void committed(Table<ContactId, Contact> table,
                                  Map<String, Function<? super Contact, ? extends Collection<?>>> keys,
                                  Set<MatchField> combination, Set<Contact> into) {
        MatchField driver = driver(combination);
        List<MatchField> others = combination.stream().filter(f -> f != driver).toList();
        if (driver == null) {
            shareAll(table.all(), others, keys, into);
            return;
        }
        if (driver == MatchField.NAME && others.equals(List.of(MatchField.BIRTH_DATE))
                && !table.inIdOrder(INDEXES.get(MatchField.NAME))) {
            // Each name's bucket is ordered by birth date: the candidates are its runs of two or more with one date.
            table.forEachSharedRun(INDEXES.get(MatchField.NAME), Ports.NO_BIRTH_DATE, (key, run) -> {
                if (!noValue(INDEXES.get(MatchField.NAME), key)) {
                    into.addAll(run);
                }
            });
            return;
        }
        table.forEachShared(INDEXES.get(driver), (key, bucket) -> {
            if (noValue(INDEXES.get(driver), key)) {
                return;
            }
            if (others.isEmpty()) {
                into.addAll(bucket);
            } else {
                shareAll(bucket, others, keys, into);
            }
        });
    }

    /** The indexed field whose buckets are walked for a combination, or null when none of its fields is indexed. */
    private static MatchField driver(Set<MatchField> combination) {
        return DRIVERS.stream().filter(combination::contains).findFirst().orElse(null);
    }

    /** Adds the contacts of a group that share a value of every one of the fields with another of the group. */
    private static void shareAll(Collection<Contact> group, List<MatchField> fields,
                                 Map<String, Function<? super Contact, ? extends Collection<?>>> keys,
                                 Set<Contact> into) {
        if (group.size() == 2) {
            // The usual bucket: two contacts, compared without a map.
            Iterator<Contact> two = group.iterator();
            Contact a = two.next();
            Contact b = two.next();
            Collection<?> theirs = values(b, fields, keys);
            for (Object value : values(a, fields, keys)) {
                if (theirs.contains(value)) {
                    into.add(a);
                    into.add(b);
                    return;
                }
            }
            return;
        }
        Map<Object, Contact> first = new HashMap<>();
        for (Contact c : group) {
            for (Object value : values(c, fields, keys)) {
                Contact other = first.putIfAbsent(value, c);
                if (other != null && other != c) {
                    into.add(other);
                    into.add(c);
                }
            }
        }
    }

    /**
     * A contact's values of some fields: the value itself for one field, a list of one value per field for several
     * (one list per combination of its values); none when a field has no value.
     */
    private static Collection<?> values(Contact c, List<MatchField> fields,
                                        Map<String, Function<? super Contact, ? extends Collection<?>>> keys) {
        if (fields.size() == 1) {
            return values(c, fields.get(0), keys);
        }
        List<Object> tuples = new ArrayList<>();
        tuples.add(List.of());
        for (MatchField field : fields) {
            Collection<?> own = values(c, field, keys);
            List<Object> next = new ArrayList<>(tuples.size() * own.size());
            for (Object tuple : tuples) {
                for (Object value : own) {
                    List<Object> longer = new ArrayList<>((List<?>) tuple);
                    longer.add(value);
                    next.add(longer);
                }
            }
            tuples = next;
        }
        return tuples;
    }

    /** A contact's index values of one field, without the empty name key. */
    private static Collection<?> values(Contact c, MatchField field,
                                        Map<String, Function<? super Contact, ? extends Collection<?>>> keys) {
        if (field == MatchField.BIRTH_DATE) {
            return c.birthDate().isPresent() ? List.of(c.birthDate().get()) : List.of();
        }
        Collection<?> own = keys.get(INDEXES.get(field)).apply(c);
        return field == MatchField.NAME && own.contains(NO_NAME) ? List.of() : own;
    }

    /**
     * Adds the committed contacts sharing an indexed value of a combination's fields with a contact the transaction
     * wrote, or every committed contact for a combination with no indexed field; none the transaction wrote.
     */
    private static void sharingWith(Table<ContactId, Contact> table,
                                    Map<String, Function<? super Contact, ? extends Collection<?>>> keys,
                                    List<Set<MatchField>> combinations, Contact written,
                                    Map<ContactId, Contact> writes, Set<Contact> into) {
        for (Set<MatchField> combination : combinations) {
            boolean indexed = false;
            for (MatchField field : combination) {
                String index = INDEXES.get(field);
                if (index == null) {
                    continue;
                }
                indexed = true;
                for (Object key : values(written, field, keys)) {
                    Collection<Contact> bucket = table.entries(index, key);
                    if (bucket != null) {
                        bucket.stream().filter(c -> !writes.containsKey(c.id())).forEach(into::add);
                    }
                }
            }
            if (!indexed) {
                table.all().stream().filter(c -> !writes.containsKey(c.id())).forEach(into::add);
            }
        }
    }
}
