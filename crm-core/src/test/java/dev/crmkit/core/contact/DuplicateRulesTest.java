package dev.crmkit.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.ContactBuilder;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("Duplicate rules, merge and scan (the rules alone)")
class DuplicateRulesTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final PhoneMatcher TEN = PhoneMatcher.lastDigits(10);

    private static Contact person(String first, String last, String phone, String email, LocalDate birth) {
        ContactBuilder b = Contact.builder().id(new ContactId(UUID.randomUUID())).created(T).updated(T)
                .name(PersonName.of(first, last)).responsible(OWNER).access(AccessLevel.SHARED_READ);
        if (phone != null) {
            b.phones(List.of(ContactPhone.mobile(phone)));
        }
        if (email != null) {
            b.emails(List.of(ContactEmail.work(email)));
        }
        if (birth != null) {
            b.birthDate(birth);
        }
        return b.build();
    }

    private static Set<MatchField> match(Policy policy, Contact a, Contact b) {
        return DuplicateMatchRule.match(policy.contactDuplicates(), MatchKeys.of(a, TEN), MatchKeys.of(b, TEN)).orElse(null);
    }

    @Test
    @Tag("CON-5")
    @DisplayName("CON-5 amoCRM: one of phone or e-mail; ONLYOFFICE: the same")
    void amoAndOnlyOffice() {
        Contact a = person("Ivan", "Petrov", "+7 901 776-34-34", "ivan@x.test", null);
        Contact samePhone = person("Oleg", "Orlov", "8 (901) 776 34 34", "oleg@x.test", null);
        Contact sameEmail = person("Oleg", "Orlov", null, "IVAN@x.test", null);
        Contact sameName = person("Ivan", "Petrov", "+7 903 000-00-00", "other@x.test", null);
        for (Policy p : List.of(Policies.amoCrm(), Policies.onlyOffice())) {
            assertThat(match(p, a, samePhone)).containsExactly(MatchField.PHONE);
            assertThat(match(p, a, sameEmail)).containsExactly(MatchField.EMAIL);
            assertThat(match(p, a, sameName)).isNull();
        }
    }

    @Test
    @Tag("CON-5")
    @DisplayName("CON-5 Bitrix24: two or more of name (NFC, case, ё→е, spaces), phone and birth date")
    void bitrix() {
        Policy b = Policies.bitrix24SalesDepartment();
        LocalDate birth = LocalDate.of(1990, 5, 17);
        Contact a = person("Пётр", "Иванов", "+7 901 776-34-34", null, birth);
        assertThat(match(b, a, person("петр ", " ИВАНОВ", "+7 903 000-00-00", null, birth)))
                .containsExactlyInAnyOrder(MatchField.NAME, MatchField.BIRTH_DATE);
        assertThat(match(b, a, person("Oleg", "Orlov", "89017763434", null, birth)))
                .containsExactlyInAnyOrder(MatchField.PHONE, MatchField.BIRTH_DATE);
        assertThat(match(b, a, person("Oleg", "Orlov", "89017763434", null, null))).isNull();
        assertThat(DuplicateMatchRule.score(b.contactDuplicates(), Set.of(MatchField.NAME, MatchField.PHONE)))
                .isEqualByComparingTo("0.6667");
    }

    @Test
    @Tag("CON-5")
    @DisplayName("CON-5 companies: the same normalized name plus a phone or an e-mail")
    void companies() {
        Company a = Company.builder().id(new CompanyId(UUID.randomUUID())).created(T).updated(T).name("Рога  и Копыта")
                .responsible(OWNER).access(AccessLevel.SHARED_READ).phones(List.of(ContactPhone.work("+7 495 123-45-67")))
                .build();
        Company b = a.toBuilder().id(new CompanyId(UUID.randomUUID())).name("рога и копыта").build();
        Company nameOnly = b.toBuilder().phones(List.of()).build();
        assertThat(DuplicateMatchRule.match(Policies.amoCrm().companyDuplicates(), MatchKeys.of(a, TEN), MatchKeys.of(b, TEN)))
                .contains(Set.of(MatchField.NAME, MatchField.PHONE));
        assertThat(DuplicateMatchRule.match(Policies.amoCrm().companyDuplicates(), MatchKeys.of(a, TEN), MatchKeys.of(nameOnly, TEN)))
                .isEmpty();
    }

    @Test
    @Tag("CON-4")
    @DisplayName("CON-4: the number of digits compared is policy (default 10)")
    void matchDigits() {
        Contact a = person("A", "A", "+1 212 555 0100", null, null);
        Contact b = person("B", "B", "+44 20 212 555 0100", null, null);
        assertThat(match(Policies.amoCrm(), a, b)).containsExactly(MatchField.PHONE);
        Policy eleven = Policies.amoCrm().toBuilder().phoneMatcher(PhoneMatcher.lastDigits(11)).build();
        assertThat(DuplicateMatchRule.match(eleven.contactDuplicates(), MatchKeys.of(a, eleven.phoneMatcher()),
                MatchKeys.of(b, eleven.phoneMatcher()))).isEmpty();
        assertThatThrownBy(() -> PhoneMatcher.lastDigits(6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PhoneNumber.parse("12-34-56").indexKey()).isEqualTo("123456");
    }

    @Test
    @Tag("CON-6")
    @DisplayName("CON-6: the survivor wins unless empty; phones (by match key, in the survivor's spelling), e-mails and tags are united")
    void merge() {
        Contact survivor = person("Ivan", "Petrov", "+7 901 776-34-34", "ivan@x.test", null).toBuilder()
                .tags(List.of("vip")).build();
        Contact other = person("Ivan", "Petrovsky", "89017763434", "IVAN@x.test", LocalDate.of(1985, 1, 1))
                .toBuilder().tags(List.of("vip", "moscow")).position("CFO").build();
        Contact merged = MergeRule.merge(survivor, List.of(other), TEN);
        assertThat(merged.id()).isEqualTo(survivor.id());
        assertThat(merged.version()).as("the unit makes the next revision").isEqualTo(survivor.version());
        assertThat(merged.name().full()).isEqualTo("Ivan Petrov");
        assertThat(merged.birthDate()).contains(LocalDate.of(1985, 1, 1));
        assertThat(merged.position()).contains("CFO");
        assertThat(merged.phones()).extracting(p -> p.number().raw()).containsExactly("+7 901 776-34-34");
        assertThat(merged.emails()).hasSize(1);
        assertThat(merged.tags()).containsExactly("vip", "moscow");
    }

    @Test
    @Tag("CON-5")
    @DisplayName("CON-5: a scan's clusters are transitive and follow the rule's field combinations")
    void scan() {
        assertThat(DuplicateScan.combinations(Policies.bitrix24SalesDepartment().contactDuplicates())).hasSize(3);
        assertThat(DuplicateScan.combinations(Policies.amoCrm().companyDuplicates())).containsExactlyInAnyOrder(
                Set.of(MatchField.NAME, MatchField.PHONE), Set.of(MatchField.NAME, MatchField.EMAIL));
        Contact a = person("A", "A", "+7 901 000-00-01", "a@x.test", null);
        Contact b = person("B", "B", "+7 901 000-00-01", "b@x.test", null);
        Contact c = person("C", "C", "+7 901 000-00-02", "B@x.test", null);
        Contact lone = person("D", "D", "+7 901 000-00-03", "d@x.test", null);
        List<DuplicateCluster> clusters = new DuplicateScan(Policies.amoCrm().contactDuplicates(), TEN)
                .scan(Stream.of(a, b, c, lone));
        assertThat(clusters).singleElement().satisfies(cl -> {
            assertThat(cl.contacts()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
            assertThat(cl.reasons()).containsExactlyInAnyOrder(MatchField.PHONE, MatchField.EMAIL);
        });
    }

    @Test
    @DisplayName("the scan's key table keeps the first index per key through growth")
    void keyTable() {
        DuplicateScan.KeyTable table = new DuplicateScan.KeyTable();
        for (int i = 0; i < 200_000; i++) {
            assertThat(table.putIfAbsent("k" + i, i)).isEqualTo(-1);
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(table.putIfAbsent("k" + i, -5)).isEqualTo(i);
        }
    }

    @Test
    @Tag("CON-4")
    @DisplayName("CON-4: in a scan, phone keys of different lengths stay different (\"0123456\" is not \"123456\")")
    void numericKeysKeepLength() {
        Contact a = person("A", "A", "0123456", null, null);
        Contact b = person("B", "B", "123456", null, null);
        Contact c = person("C", "C", "012-34-56", null, null);
        List<DuplicateCluster> clusters = new DuplicateScan(Policies.amoCrm().contactDuplicates(), TEN)
                .scan(Stream.of(a, b, c));
        assertThat(clusters).singleElement().satisfies(cl -> assertThat(cl.contacts())
                .containsExactlyInAnyOrder(a.id(), c.id()));
        DuplicateScan.LongKeyTable table = new DuplicateScan.LongKeyTable();
        for (long i = 0; i < 200_000; i++) {
            assertThat(table.putIfAbsent(i * 7919, (int) i)).isEqualTo(-1);
        }
        assertThat(table.putIfAbsent(7919L * 1234, -1)).isEqualTo(1234);
    }

    @Test
    @Tag("CON-5")
    @DisplayName("CON-5: in a scan, a contact with one number whose key is not digits still meets another on a shared "
            + "numeric key")
    void mixedKeysMeet() {
        // A matcher that keys a number with an extension apart (not digits), every other by its last ten digits.
        PhoneMatcher withExtensions = n -> n.extension().isPresent() ? "ext:" + n.canonical() : n.matchKey(10);
        Contact a = person("A", "A", "8 901 776-34-34", null, null);
        Contact b = Contact.builder().id(new ContactId(UUID.randomUUID())).created(T).updated(T)
                .name(PersonName.of("B", "B")).responsible(OWNER).access(AccessLevel.SHARED_READ)
                .phones(List.of(ContactPhone.mobile("+7 (901) 776-34-34"), ContactPhone.mobile("+7 495 000-00-00 доб. 5")))
                .build();
        Contact c = person("C", "C", "+7 495 000-00-00 доб. 5", null, null);
        Contact lone = person("D", "D", "+7 495 000-00-00", null, null);
        List<DuplicateCluster> clusters = new DuplicateScan(Policies.amoCrm().contactDuplicates(), withExtensions)
                .scan(Stream.of(a, b, c, lone));
        assertThat(clusters).singleElement().satisfies(cl -> {
            assertThat(cl.contacts()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
            assertThat(cl.reasons()).containsExactly(MatchField.PHONE);
        });
    }
}
