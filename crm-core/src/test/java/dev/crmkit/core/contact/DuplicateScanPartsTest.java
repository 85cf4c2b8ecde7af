package dev.crmkit.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The duplicate scan split into parts finds what one thread finds")
class DuplicateScanPartsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final UserId OWNER = new UserId(new UUID(1, 1));
    private static final String[] FIRST = {"Anna", "Boris", "Vera", "Gleb", "Daria", "Egor", "Inna", "Kirill", "Lena",
        "Oleg", "Анна", "Борис", "Вера", "Глеб", "Дарья", "Ёжик"};
    private static final String[] LAST = {"Ivanova", "Petrov", "Sidorova", "Smirnov", "Ko", "Иванова", "Петров",
        "Сидорова", "Смирнов", "Ли"};

    /** A matcher whose keys are not always digits: a number with an extension keys apart, by its canonical form. */
    private static final PhoneMatcher WITH_EXTENSIONS = n -> n.extension().isPresent() ? "ext:" + n.canonical()
            : n.matchKey(10);

    static Stream<Arguments> rules() {
        List<Arguments> all = new ArrayList<>();
        for (String preset : List.of("amoCRM", "bitrix24", "onlyOffice")) {
            for (String matcher : List.of("lastTen", "withExtensions")) {
                for (int threads : new int[] {2, 3, 5}) {
                    all.add(Arguments.of(preset, matcher, threads));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1} matcher, {2} parts")
    @MethodSource("rules")
    @Tag("CON-5")
    @DisplayName("CON-5: split into parts, a scan finds the same clusters with the same reasons in the same order")
    void samePartsOrNot(String preset, String matcherName, int threads) {
        DuplicateCriteria criteria = switch (preset) {
            case "amoCRM" -> Policies.amoCrm().contactDuplicates();
            case "bitrix24" -> Policies.bitrix24SalesDepartment().contactDuplicates();
            default -> Policies.onlyOffice().contactDuplicates();
        };
        PhoneMatcher matcher = matcherName.equals("lastTen") ? PhoneMatcher.lastDigits(10) : WITH_EXTENSIONS;
        List<Contact> contacts = contacts(new Random(preset.hashCode() * 31L + threads), 6_000);
        List<DuplicateCluster> alone = new DuplicateScan(criteria, matcher).scan(contacts.stream());
        List<DuplicateCluster> inParts = new DuplicateScan(criteria, matcher, threads, 1).scan(contacts.stream());
        // The data is made to cluster under every rule, by several fields, so the comparison is not of empty lists.
        assertThat(alone).hasSizeGreaterThan(100);
        Set<MatchField> reasons = EnumSet.noneOf(MatchField.class);
        alone.forEach(c -> reasons.addAll(c.reasons()));
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(2);
        assertThat(alone.stream().mapToInt(c -> c.contacts().size()).max().orElseThrow()).isGreaterThan(2);
        assertThat(inParts).isEqualTo(alone);
    }

    @ParameterizedTest(name = "{0} contacts")
    @ValueSource(ints = {0, 1, 2, 3, 7})
    @Tag("CON-5")
    @DisplayName("CON-5: a scan of fewer contacts than parts still finds the clusters")
    void fewerContactsThanParts(int count) {
        DuplicateCriteria criteria = Policies.amoCrm().contactDuplicates();
        Random random = new Random(count);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(contact(random, PersonName.of("Anna", "Ko"), List.of(ContactPhone.mobile("+7 901 000-00-0" + i % 2)),
                    List.of(), null));
        }
        List<DuplicateCluster> alone = new DuplicateScan(criteria, PhoneMatcher.lastDigits(10)).scan(contacts.stream());
        assertThat(new DuplicateScan(criteria, PhoneMatcher.lastDigits(10), 8, 0).scan(contacts.stream()))
                .isEqualTo(alone);
        assertThat(alone).hasSize(count >= 4 ? 2 : count == 3 ? 1 : 0);
    }

    @Test
    @DisplayName("a scan needs at least one thread")
    void noThreads() {
        assertThatThrownBy(() -> new DuplicateScan(Policies.amoCrm().contactDuplicates(), PhoneMatcher.lastDigits(10),
                0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one thread");
    }

    /**
     * Contacts drawn from small pools of names, numbers (written several ways, some with extensions), e-mails (in
     * either case) and birth dates, so that they share values under every rule: a few with none of a field, some with
     * two numbers or two e-mails, some repeating their own number.
     */
    private static List<Contact> contacts(Random random, int count) {
        List<Contact> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PersonName name = random.nextInt(20) == 0 ? PersonName.of("-", "")
                    : PersonName.of(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)]);
            List<ContactPhone> phones = new ArrayList<>();
            int numbers = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            for (int p = 0; p < numbers; p++) {
                int n = random.nextInt(count);
                String digits = String.format("901%07d", n);
                String written = switch (random.nextInt(4)) {
                    case 0 -> "+7 " + digits;
                    case 1 -> "8 (" + digits.substring(0, 3) + ") " + digits.substring(3);
                    case 2 -> digits.substring(3);
                    default -> "+7" + digits + (n % 3 == 0 ? " доб. " + (n % 7) : "");
                };
                phones.add(ContactPhone.mobile(written));
            }
            if (!phones.isEmpty() && random.nextInt(30) == 0) {
                phones.add(phones.get(0));
            }
            List<ContactEmail> emails = new ArrayList<>();
            int addresses = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2);
            for (int e = 0; e < addresses; e++) {
                String address = "person" + random.nextInt(count) + "@example.test";
                emails.add(ContactEmail.work(random.nextBoolean() ? address : address.toUpperCase()));
            }
            LocalDate birth = random.nextInt(3) == 0 ? null : LocalDate.of(1980, 1, 1).plusDays(random.nextInt(60));
            all.add(contact(random, name, phones, emails, birth));
        }
        return all;
    }

    private static Contact contact(Random random, PersonName name, List<ContactPhone> phones,
                                   List<ContactEmail> emails, LocalDate birth) {
        var b = Contact.builder().id(new ContactId(new UUID(random.nextLong(), random.nextLong()))).created(T).updated(T).name(name)
                .responsible(OWNER).access(AccessLevel.SHARED_READ).phones(phones).emails(emails);
        if (birth != null) {
            b.birthDate(birth);
        }
        return b.build();
    }
}
