package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactBuilder;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.spi.DuplicateQueries;
import dev.crmkit.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The duplicate scan (CON-5) on generated, messy data, under every preset's rule: the adapter's own first step
 * ({@link DuplicateQueries}, when it has one) must give exactly the clusters the scan over every contact gives,
 * for an admin and for a manager who does not see everything; planted duplicates are found either way.
 */
abstract class DuplicateScanKit extends FacadeKitBase {

    /** The generator's seed: {@code -Dcrmkit.tck.seed=…} to reproduce another run. */
    private static final long SEED = Long.getLong("crmkit.tck.seed", 20261204L);
    private static final int CONTACTS = 400;

    private final List<Contact> stored = new ArrayList<>();
    /** Pairs planted as duplicates by phone (another spelling of the same number), for every rule with PHONE. */
    private final List<ContactId[]> samePhone = new ArrayList<>();
    private User carlUser;

    @BeforeEach
    void messyContacts() {
        carlUser = anna.users().add(UserForm.named("Carl Manager").email("carl@crmkit.test"));
        Random random = new Random(SEED);
        List<UserId> owners = List.of(annaUser.id(), borisUser.id(), carlUser.id());
        for (int i = 0; i < CONTACTS; i++) {
            stored.add(person(random, owners.get(random.nextInt(owners.size()))));
        }
        // A returning person: same name and birth date, the number spelled another way, a new e-mail.
        for (int i = 0; i < 20; i++) {
            Contact original = stored.get(random.nextInt(CONTACTS));
            if (original.phones().isEmpty()) {
                continue;
            }
            String digits = original.phones().get(0).number().matchKey(10);
            ContactBuilder again = data.aContact("x", "x", owners.get(random.nextInt(owners.size()))).toBuilder()
                    .name(original.name())
                    .phones(List.of(ContactPhone.work("8 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6)
                            + "-" + digits.substring(6, 8) + "-" + digits.substring(8))))
                    .emails(List.of(ContactEmail.work("returning" + i + "@new.test")));
            original.birthDate().ifPresent(again::birthDate);
            Contact returning = again.build();
            stored.add(returning);
            samePhone.add(new ContactId[] {original.id(), returning.id()});
        }
        // Straight into storage, as old data imported before the rules would be.
        storage.run(tx -> stored.forEach(tx.contacts()::insert));
    }

    /** A person drawn from small pools, so that names, numbers, e-mails and birth dates repeat. */
    private Contact person(Random random, UserId owner) {
        String[] first = {"Ivan", "Anna", "Oleg", "Maria", "Sergey", "Elena", "Pavel", "Olga"};
        String[] last = {"Petrov", "Smirnova", "Ivanov", "Kuznetsova", "Popov", "Sokolova"};
        String f = first[random.nextInt(first.length)];
        String l = last[random.nextInt(last.length)];
        PersonName name = random.nextInt(5) == 0 ? PersonName.of(f.toUpperCase(Locale.ROOT), "", l.toLowerCase(Locale.ROOT))
                : PersonName.of(f, l);
        List<ContactPhone> phones = new ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) {
            String digits = "901" + String.format(Locale.ROOT, "%07d", 1_000_000 + random.nextInt(300));
            ContactPhone phone = switch (random.nextInt(4)) {
                case 0 -> ContactPhone.mobile("+7 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + "-"
                        + digits.substring(6, 8) + "-" + digits.substring(8));
                case 1 -> ContactPhone.mobile("8" + digits);
                case 2 -> ContactPhone.work("+7 (" + digits.substring(0, 3) + ") " + digits.substring(3) + " доб. 12");
                default -> ContactPhone.work("+1 212 555 " + String.format(Locale.ROOT, "%04d", random.nextInt(200)));
            };
            if (phones.stream().noneMatch(x -> x.number().indexKey().equals(phone.number().indexKey()))) {
                phones.add(phone);
            }
        }
        List<ContactEmail> emails = new ArrayList<>();
        for (int e = random.nextInt(3); e > 0; e--) {
            String local = f.toLowerCase(Locale.ROOT) + random.nextInt(120);
            ContactEmail email = ContactEmail.work(random.nextBoolean() ? local + "@mail.test"
                    : local.toUpperCase(Locale.ROOT) + "@Mail.Test");
            if (emails.stream().noneMatch(x -> x.email().normalized().equals(email.email().normalized()))) {
                emails.add(email);
            }
        }
        LocalDate birth = random.nextBoolean() ? LocalDate.of(1980, 1, 1).plusDays(random.nextInt(60)) : null;
        AccessLevel access = random.nextInt(4) == 0 ? AccessLevel.PRIVATE : AccessLevel.SHARED_READ;
        ContactBuilder b = data.aContact(f, l, owner).toBuilder().name(name).phones(phones).emails(emails)
                .access(access);
        return (birth == null ? b.clearBirthDate() : b.birthDate(birth)).build();
    }

    static Stream<Arguments> presets() {
        return Stream.of(Arguments.of("amoCRM", Policies.amoCrm()),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment()),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    @Tag("CON-5")
    @DisplayName("on messy generated contacts the adapter's scan gives exactly the clusters of a scan over every contact, for an admin and for a manager")
    void adapterScanEqualsTheScanOverEveryContact(String preset, Policy policy) {
        for (UserId user : List.of(annaUser.id(), carlUser.id())) {
            CrmSession adapter = crm(policy).as(user);
            CrmSession portable = crm(WithoutCapabilities.of(storage), policy).as(user);
            List<DuplicateCluster> expected = portable.contacts().scanDuplicates();
            assertThat(adapter.contacts().scanDuplicates()).as("%s as %s", preset, user).isEqualTo(expected);
            assertThat(expected).as("the data has duplicates under %s", preset).hasSizeGreaterThan(5);
            assertThat(expected).allSatisfy(c -> assertThat(c.contacts()).hasSizeGreaterThan(1)
                    .isSortedAccordingTo(EntityId.ORDER));
            assertThat(expected.stream().map(c -> c.contacts().get(0)).toList()).as("clusters by their first contact")
                    .isSortedAccordingTo(EntityId.ORDER);
        }
        List<DuplicateCluster> all = crm(policy).as(annaUser.id()).contacts().scanDuplicates();
        List<DuplicateCluster> carls = crm(policy).as(carlUser.id()).contacts().scanDuplicates();
        Set<ContactId> hidden = stored.stream().filter(c -> c.access() == AccessLevel.PRIVATE
                && !c.responsible().equals(carlUser.id())).map(Contact::id).collect(Collectors.toSet());
        assertThat(carls.stream().flatMap(c -> c.contacts().stream())).as("Carl's clusters hold no one hidden from him")
                .doesNotContainAnyElementsOf(hidden);
        assertThat(all.stream().flatMap(c -> c.contacts().stream())).as("the admin's do")
                .containsAnyElementsOf(hidden);
    }

    @Test
    @Tag("CON-5")
    @Tag("CON-4")
    @DisplayName("a returning person whose number is spelled another way is in one cluster with the first record under amoCRM")
    void plantedDuplicatesAreFound() {
        List<DuplicateCluster> clusters = crm(Policies.amoCrm()).as(annaUser.id()).contacts().scanDuplicates();
        assertThat(samePhone).isNotEmpty();
        for (ContactId[] pair : samePhone) {
            assertThat(clusters).as("%s and %s", pair[0], pair[1])
                    .anySatisfy(c -> assertThat(c.contacts()).contains(pair[0], pair[1]));
            assertThat(clusters.stream().filter(c -> c.contacts().contains(pair[0])).findFirst().orElseThrow()
                    .reasons()).contains(MatchField.PHONE);
        }
    }

    @Test
    @Tag("CON-5")
    @DisplayName("an adapter's scan candidates hold every clustered contact once, as the transaction sees it")
    void candidatesHoldEveryClusteredContact() {
        List<DuplicateCluster> clusters = crm(WithoutCapabilities.of(storage), Policies.bitrix24SalesDepartment())
                .as(annaUser.id()).contacts().scanDuplicates();
        List<Set<MatchField>> rule = List.of(Set.of(MatchField.NAME, MatchField.PHONE),
                Set.of(MatchField.NAME, MatchField.BIRTH_DATE), Set.of(MatchField.PHONE, MatchField.BIRTH_DATE));
        Set<ContactId> clustered = clusters.stream().flatMap(c -> c.contacts().stream()).collect(Collectors.toSet());
        assertThat(clusters).as("the messy data has clusters under this rule").hasSizeGreaterThan(1);
        ContactId changedId = clusters.get(0).contacts().get(0);
        // Deleting a contact may leave its partners duplicating no one, so its whole cluster is left out of what the
        // candidates must hold; the deleted contact itself must be gone.
        DuplicateCluster deletedCluster = clusters.get(1);
        ContactId deletedId = deletedCluster.contacts().get(0);
        Contact twinA = data.aContact("Unique", "Twin", annaUser.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 999 000-00-01"))).emails(List.of()).build();
        Contact twinB = data.aContact("UNIQUE", "twin", borisUser.id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("89990000001"))).emails(List.of()).build();
        Contact[] changed = new Contact[1];
        RolledBack out = catchThrowableOfType(RolledBack.class, () -> storage.run(tx -> {
            tx.contacts().insert(twinA);
            tx.contacts().insert(twinB);
            Contact before = tx.contacts().find(changedId).orElseThrow();
            changed[0] = tx.contacts().update(before.toBuilder().version(before.version() + 1)
                    .description("changed inside the transaction").build(), before.version());
            Contact gone = tx.contacts().find(deletedId).orElseThrow();
            tx.contacts().delete(deletedId, gone.version());
            throw new RolledBack(tx.duplicates().map(q -> {
                try (Stream<Contact> found = q.contactCandidates(rule)) {
                    return found.toList();
                }
            }));
        }));
        Optional<Contact> after = storage.inTransaction((Transaction tx) -> tx.contacts().find(twinA.id()));
        assertThat(after).as("rolled back").isEmpty();
        assumeTrue(out.found.isPresent(), "the adapter has no DuplicateQueries of its own");
        List<Contact> found = out.found.get();
        List<ContactId> ids = found.stream().map(Contact::id).toList();
        assertThat(ids).as("each candidate once").doesNotHaveDuplicates();
        Set<ContactId> expected = new java.util.HashSet<>(clustered);
        deletedCluster.contacts().forEach(expected::remove);
        assertThat(ids).containsAll(expected).contains(twinA.id(), twinB.id()).doesNotContain(deletedId);
        assertThat(found).as("the transaction's own version of a contact it changed").contains(changed[0])
                .filteredOn(c -> c.id().equals(changedId)).hasSize(1);
        List<Contact> none = storage.inTransaction((Transaction tx) -> {
            try (Stream<Contact> s = tx.duplicates().orElseThrow().contactCandidates(List.of())) {
                return s.toList();
            }
        });
        assertThat(none).as("no combinations, no candidates").isEmpty();
    }

    /** Carries a result out of a transaction that must not commit. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<List<Contact>> found;

        RolledBack(Optional<List<Contact>> found) {
            super("rolled back on purpose", null, false, false);
            this.found = found;
        }
    }
}
