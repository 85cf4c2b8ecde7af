package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The in-memory adapter's first step of a duplicate scan names, for a combination of fields, the contacts that share a
 * value of every one of its fields with another contact: not every contact that shares some field's value with some
 * contact and another field's value with a different one.
 */
@DisplayName("In-memory storage: duplicate scan candidates")
class MemoryDuplicatesTest {

    private final TestData data = new TestData();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final User owner = data.aUser("Owner");

    private Contact person(String first, String last, String phone, LocalDate born) {
        return data.aContact(first, last, owner.id()).toBuilder().phones(List.of(ContactPhone.mobile(phone)))
                .emails(List.of()).birthDate(born).build();
    }

    private static Set<ContactId> candidates(Transaction tx, List<Set<MatchField>> rule) {
        try (Stream<Contact> found = tx.duplicates().orElseThrow().contactCandidates(rule)) {
            return found.map(Contact::id).collect(Collectors.toSet());
        }
    }

    private Set<ContactId> candidates(List<Set<MatchField>> rule) {
        return storage.inTransaction((Function<Transaction, Set<ContactId>>) tx -> candidates(tx, rule));
    }

    @Test
    @Tag("CON-5")
    @DisplayName("two fields: only contacts sharing both with the same other contact are candidates")
    void bothFieldsWithTheSameContact() {
        LocalDate may = LocalDate.of(1990, 5, 1);
        Contact anna = person("Anna", "Smirnova", "+7 901 111-11-11", may);
        Contact annaAgain = person("ANNA", "smirnova", "8 901 111 11 11", LocalDate.of(1985, 1, 1));
        // Anna's name and Vera's phone: it shares a name with one contact and a phone with another, so no pair shares both.
        Contact crossed = person("Anna", "Smirnova", "+7 903 333-33-33", LocalDate.of(1970, 3, 3));
        Contact samePhoneOnly = person("Boris", "Petrov", "+7 901 111-11-11", LocalDate.of(1971, 4, 4));
        Contact vera = person("Vera", "Orlova", "+7 903 333-33-33", may);
        storage.run(tx -> Stream.of(anna, annaAgain, crossed, samePhoneOnly, vera)
                .forEach(tx.contacts()::insert));

        assertThat(candidates(List.of(Set.of(MatchField.NAME, MatchField.PHONE))))
                .containsExactlyInAnyOrder(anna.id(), annaAgain.id());
        assertThat(candidates(List.of(Set.of(MatchField.PHONE)))).containsExactlyInAnyOrder(anna.id(), annaAgain.id(),
                samePhoneOnly.id(), crossed.id(), vera.id());
        assertThat(candidates(List.of(Set.of(MatchField.NAME))))
                .containsExactlyInAnyOrder(anna.id(), annaAgain.id(), crossed.id());
        assertThat(candidates(List.of(Set.of(MatchField.NAME, MatchField.BIRTH_DATE)))).isEmpty();
        assertThat(candidates(List.of(Set.of(MatchField.PHONE, MatchField.BIRTH_DATE)))).isEmpty();
        assertThat(candidates(List.of(Set.of(MatchField.BIRTH_DATE))))
                .containsExactlyInAnyOrder(anna.id(), vera.id());
        assertThat(candidates(List.of(Set.of(MatchField.NAME, MatchField.PHONE), Set.of(MatchField.BIRTH_DATE))))
                .containsExactlyInAnyOrder(anna.id(), annaAgain.id(), vera.id());
    }

    @Test
    @Tag("CON-5")
    @DisplayName("a birth date alone, which no index holds, still finds a stored contact the transaction's new one shares")
    void unindexedFieldSeesOwnWrites() {
        LocalDate may = LocalDate.of(1990, 5, 1);
        Contact stored = person("Anna", "Smirnova", "+7 901 111-11-11", may);
        Contact other = person("Boris", "Petrov", "+7 902 222-22-22", LocalDate.of(1971, 4, 4));
        storage.run(tx -> Stream.of(stored, other).forEach(tx.contacts()::insert));
        Contact added = person("Vera", "Orlova", "+7 903 333-33-33", may);

        Set<ContactId> inside = storage.inTransaction((Function<Transaction, Set<ContactId>>) tx -> {
            tx.contacts().insert(added);
            return candidates(tx, List.of(Set.of(MatchField.BIRTH_DATE)));
        });

        assertThat(inside).contains(stored.id(), added.id());
    }

    @Test
    @Tag("CON-5")
    @DisplayName("single-field rules: a contact in several shared buckets, of one index or of two, is named once")
    void eachContactOnce() {
        Contact many = data.aContact("Anna", "Smirnova", owner.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 901 111-11-11"), ContactPhone.work("+7 902 222-22-22")))
                .emails(List.of(ContactEmail.work("anna@client.test"))).build();
        Contact firstPhone = person("Boris", "Petrov", "8 901 111 11 11", LocalDate.of(1971, 1, 1));
        Contact secondPhone = person("Vera", "Orlova", "8 902 222 22 22", LocalDate.of(1972, 2, 2));
        Contact sameMail = person("Gleb", "Ivanov", "+7 903 333-33-33", LocalDate.of(1973, 3, 3)).toBuilder()
                .emails(List.of(ContactEmail.work("ANNA@client.test"))).build();
        Contact alone = person("Dina", "Sokolova", "+7 904 444-44-44", LocalDate.of(1974, 4, 4));
        storage.run(tx -> Stream.of(many, firstPhone, secondPhone, sameMail, alone).forEach(tx.contacts()::insert));

        for (List<Set<MatchField>> rule : List.of(List.of(Set.of(MatchField.PHONE), Set.of(MatchField.EMAIL)),
                List.of(Set.of(MatchField.EMAIL), Set.of(MatchField.PHONE)))) {
            List<ContactId> found = storage.inTransaction((Function<Transaction, List<ContactId>>) tx -> {
                try (Stream<Contact> s = tx.duplicates().orElseThrow().contactCandidates(rule)) {
                    return s.map(Contact::id).toList();
                }
            });
            assertThat(found).as("%s", rule).containsExactlyInAnyOrder(many.id(), firstPhone.id(), secondPhone.id(),
                    sameMail.id());
        }
    }

    @Test
    @DisplayName("an empty combination is refused")
    void emptyCombination() {
        assertThatThrownBy(() -> candidates(List.of(Set.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
