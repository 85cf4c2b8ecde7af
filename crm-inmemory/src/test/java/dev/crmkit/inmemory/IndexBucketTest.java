package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contact table keeps one record under a key without a map of its own, and a map by id once two share the key;
 * every step between the two shapes keeps lookups and the scan's candidates right.
 */
@DisplayName("In-memory storage: index buckets of one and of many records")
class IndexBucketTest {

    private final TestData data = new TestData();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final String shared = PhoneNumber.parse("+7 901 776-34-34").indexKey();
    private final String other = PhoneNumber.parse("+7 902 111-22-33").indexKey();

    private List<ContactId> under(String key) {
        Collection<Contact> found = storage.read(() -> storage.contacts.entries("phone", Ports.phoneKey(key)));
        return found == null ? null : found.stream().map(Contact::id).toList();
    }

    private Set<ContactId> sharing() {
        List<ContactId> ids = new ArrayList<>();
        storage.read(() -> {
            storage.contacts.forEachShared("phone", (key, bucket) -> bucket.forEach(c -> ids.add(c.id())));
            return null;
        });
        return Set.copyOf(ids);
    }

    /** The shared keys of the phone index as the list of shared buckets has them, each with its records' ids. */
    private Map<Object, List<ContactId>> sharedBuckets() {
        Map<Object, List<ContactId>> buckets = new HashMap<>();
        int count = storage.read(() -> {
            storage.contacts.forEachShared("phone", (key, bucket) -> {
                List<ContactId> ids = bucket.stream().map(Contact::id).toList();
                assertThat(buckets.put(key, ids)).as("bucket %s listed once", key).isNull();
                assertThat(storage.contacts.isShared("phone", key)).isTrue();
            });
            return storage.contacts.sharedCount("phone");
        });
        assertThat(count).isEqualTo(buckets.values().stream().mapToInt(List::size).sum());
        return buckets;
    }

    @Test
    @DisplayName("the list of shared buckets stays right as buckets leave it from the front, the middle and the end")
    void sharedBucketsLeaveTheList() {
        User owner = data.aUser("Owner");
        List<String> numbers = List.of("+7 901 000-00-01", "+7 901 000-00-02", "+7 901 000-00-03", "+7 901 000-00-04");
        List<Contact> firsts = new ArrayList<>();
        List<Contact> seconds = new ArrayList<>();
        for (String n : numbers) {
            firsts.add(data.aContact("A", n, owner.id()).toBuilder().phones(List.of(ContactPhone.mobile(n))).build());
            seconds.add(data.aContact("B", n, owner.id()).toBuilder().phones(List.of(ContactPhone.mobile(n))).build());
        }
        storage.run(tx -> {
            firsts.forEach(tx.contacts()::insert);
            seconds.forEach(tx.contacts()::insert);
        });
        assertThat(sharedBuckets()).hasSize(4);
        // Out of the list in an order that moves the last bucket into the gaps: the first, then one in the middle.
        for (int i : new int[] {0, 2, 3}) {
            Contact gone = seconds.get(i);
            storage.run(tx -> tx.contacts().delete(gone.id(), gone.version()));
        }
        Map<Object, List<ContactId>> left = sharedBuckets();
        assertThat(left).containsOnlyKeys(Ports.phoneKey(PhoneNumber.parse(numbers.get(1)).indexKey()));
        assertThat(left.values()).singleElement().satisfies(ids -> assertThat(ids)
                .containsExactlyInAnyOrder(firsts.get(1).id(), seconds.get(1).id()));
        for (int i : new int[] {0, 2, 3}) {
            assertThat(storage.read(() -> storage.contacts.isShared("phone",
                    Ports.phoneKey(PhoneNumber.parse(numbers.get(i)).indexKey())))).isFalse();
        }
        Contact again = data.aContact("C", "again", owner.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile(numbers.get(2)))).build();
        storage.run(tx -> tx.contacts().insert(again));
        assertThat(sharedBuckets()).hasSize(2);
    }

    private Set<ContactId> candidates() {
        return storage.inTransaction(tx -> phoneCandidates(tx));
    }

    @Test
    @DisplayName("a key goes from one record to many and back, through inserts, an update and deletes")
    void oneToManyAndBack() {
        User owner = data.aUser("Owner");
        Contact a = data.aContact("Anna", "One", owner.id());
        Contact b = data.aContact("Boris", "Two", owner.id());
        ContactId first = a.id().value().compareTo(b.id().value()) < 0 ? a.id() : b.id();

        storage.run(tx -> tx.contacts().insert(a));
        assertThat(under(shared)).containsExactly(a.id());
        assertThat(sharing()).isEmpty();
        assertThat(candidates()).isEmpty();

        storage.run(tx -> tx.contacts().insert(b));
        assertThat(under(shared)).hasSize(2).first().isEqualTo(first);
        assertThat(sharing()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(candidates()).containsExactlyInAnyOrder(a.id(), b.id());

        Contact moved = b.toBuilder().version(2).phones(List.of(ContactPhone.mobile("+7 902 111-22-33"))).build();
        storage.run(tx -> tx.contacts().update(moved, 1));
        assertThat(under(shared)).containsExactly(a.id());
        assertThat(under(other)).containsExactly(b.id());
        assertThat(sharing()).isEmpty();
        List<Contact> both = storage.inTransaction(tx -> tx.contacts().findAll(List.of(a.id(), b.id())));
        assertThat(both).containsExactly(a, moved);

        Contact back = moved.toBuilder().version(3).phones(a.phones()).build();
        storage.run(tx -> tx.contacts().update(back, 2));
        assertThat(under(shared)).hasSize(2);
        assertThat(under(other)).isNull();

        storage.run(tx -> tx.contacts().delete(a.id(), 1));
        assertThat(under(shared)).containsExactly(b.id());
        assertThat(sharing()).isEmpty();
        storage.run(tx -> tx.contacts().delete(b.id(), 3));
        assertThat(under(shared)).isNull();
    }

    @Test
    @DisplayName("the scan's candidates see the transaction's own writes: a new contact and the stored one it repeats")
    void candidatesSeeOwnWrites() {
        User owner = data.aUser("Owner");
        Contact a = data.aContact("Anna", "One", owner.id());
        Contact b = data.aContact("Boris", "Two", owner.id());
        storage.run(tx -> tx.contacts().insert(a));
        Set<ContactId> inside = storage.inTransaction(tx -> {
            tx.contacts().insert(b);
            return phoneCandidates(tx);
        });
        assertThat(inside).containsExactlyInAnyOrder(a.id(), b.id());
    }

    private static Set<ContactId> phoneCandidates(Transaction tx) {
        try (Stream<Contact> found = tx.duplicates().orElseThrow().contactCandidates(List.of(Set.of(MatchField.PHONE)))) {
            return found.map(Contact::id).collect(Collectors.toSet());
        }
    }
}
