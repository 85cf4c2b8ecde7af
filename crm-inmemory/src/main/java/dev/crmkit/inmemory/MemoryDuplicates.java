package dev.crmkit.inmemory;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.spi.DuplicateQueries;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link DuplicateQueries} over the contact table's lookup indexes, which the table keeps anyway for duplicate checks:
 * for a field combination, the contacts that share a key of every indexed field of it with some other contact (the
 * intersection, over its fields, of the contacts in an index bucket of two or more), so a scan reads the few contacts
 * that may be duplicates instead of every contact. Phones, e-mails and names are indexed; a birth date is not, so a
 * combination of a birth date alone names every contact. The transaction's own contact writes are candidates, with
 * every committed contact sharing a key with one of them, so its own writes are seen.
 */
final class MemoryDuplicates implements DuplicateQueries {

    /** The contact table's index of each indexed match field, and the key its index holds for "no value". */
    private static final Map<MatchField, String> INDEXES = Map.of(MatchField.PHONE, "phone", MatchField.EMAIL, "email",
            MatchField.NAME, "name");
    private static final String NO_NAME = "";

    private final MemoryTransaction tx;

    MemoryDuplicates(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Set<ContactId> contactCandidates(List<Set<MatchField>> combinations) {
        Objects.requireNonNull(combinations, "combinations");
        tx.checkOpen();
        if (combinations.isEmpty()) {
            return Set.of();
        }
        Table<ContactId, Contact> table = tx.storage.contacts;
        Map<ContactId, Contact> writes = tx.contacts.writes;
        Set<String> used = new HashSet<>();
        for (Set<MatchField> combination : combinations) {
            if (combination.isEmpty()) {
                throw new IllegalArgumentException("a field combination of a duplicate rule is empty");
            }
            combination.stream().map(INDEXES::get).filter(Objects::nonNull).forEach(used::add);
        }
        return tx.storage.read(() -> {
            Set<ContactId> candidates = new HashSet<>();
            for (Set<MatchField> combination : combinations) {
                List<String> indexes = combination.stream().map(INDEXES::get).filter(Objects::nonNull).toList();
                if (indexes.size() == 1) {
                    // One indexed field (the usual rule): its ids go straight in, without a set of their own.
                    table.sharingAKey(indexes.get(0), NO_NAME, candidates);
                } else {
                    candidates.addAll(sharing(table, combination));
                }
            }
            for (Map.Entry<ContactId, Contact> w : writes.entrySet()) {
                candidates.add(w.getKey());
                if (w.getValue() != null) {
                    for (String index : used) {
                        for (Object key : keys(table, index, w.getValue())) {
                            Collection<Contact> bucket = key.equals(NO_NAME) ? null : table.entries(index, key);
                            if (bucket != null) {
                                bucket.forEach(c -> candidates.add(c.id()));
                            }
                        }
                    }
                }
            }
            return candidates;
        });
    }

    /** The committed contacts sharing a key of every indexed field of a combination with another contact. */
    private static Set<ContactId> sharing(Table<ContactId, Contact> table, Set<MatchField> combination) {
        Set<ContactId> result = null;
        for (MatchField field : combination) {
            String index = INDEXES.get(field);
            if (index == null) {
                continue;
            }
            Set<ContactId> ids = new HashSet<>();
            table.sharingAKey(index, NO_NAME, ids);
            if (result == null) {
                result = ids;
            } else {
                result.retainAll(ids);
            }
        }
        if (result == null) {
            result = new HashSet<>();
            for (Contact c : table.all()) {
                result.add(c.id());
            }
        }
        return result;
    }

    private static Collection<?> keys(Table<ContactId, Contact> table, String index, Contact contact) {
        return table.indexes().stream().filter(i -> i.name().equals(index)).findFirst().orElseThrow().keys()
                .apply(contact);
    }
}
