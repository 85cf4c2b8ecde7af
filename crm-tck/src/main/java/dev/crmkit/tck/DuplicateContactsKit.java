package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.OnDuplicate;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.TimelineItem;
import dev.crmkit.spi.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Duplicates (CON-3, CON-4, CON-5). */
abstract class DuplicateContactsKit extends FacadeKitBase {

    @Test
    @Tag("CON-5")
    @DisplayName("a batch create reports a bad form and goes on, stores the rest with the events single creates write, and stops before a duplicate of a stored or an earlier contact")
    void batchCreate() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 (901) 776-34-34"));
        long start = storage.inTransaction((Transaction tx) -> tx.events().lastSequence());
        Contact single = anna.contacts().create(ContactForm.person("Solo", "Single").email("solo@client.test"));
        List<dev.crmkit.api.event.Event> singleEvents = storage.inTransaction((Transaction tx) -> tx.events().after(start, 100));
        assertThat(singleEvents).isNotEmpty();

        long before = storage.inTransaction((Transaction tx) -> tx.events().lastSequence());
        dev.crmkit.core.contact.CreateResult<Contact> result = anna.contacts().createAll(List.of(
                ContactForm.person("Olga", "Sidorova").email("olga@client.test"),
                ContactForm.person("Bad", "Mail").email("bad@"),
                ContactForm.person("Pavel", "Orlov").phone("+7 902 111-22-33"),
                ContactForm.named("I. Petrov").phone("8 901 776 34 34"),
                ContactForm.person("Nina", "Kozlova").email("nina@client.test")));
        assertThat(result.created()).containsOnlyKeys(0, 2);
        assertThat(result.refused()).containsOnlyKeys(1);
        assertThat(result.refused().get(1)).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) result.refused().get(1)).violations()).extracting(v -> v.code())
                .contains("email.invalid");
        assertThat(result.stoppedAt()).hasValue(3);
        assertThat(contactNames()).containsExactlyInAnyOrder("Ivan Petrov", "Solo Single", "Olga Sidorova",
                "Pavel Orlov");
        for (Contact created : result.created().values()) {
            assertThat(anna.contacts().get(created.id())).isEqualTo(created);
        }
        List<dev.crmkit.api.event.Event> batchEvents = storage.inTransaction((Transaction tx) -> tx.events().after(before, 100));
        assertThat(batchEvents).hasSize(2 * singleEvents.size());
        assertThat(batchEvents).extracting(dev.crmkit.api.event.Event::kind)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(singleEvents.stream(), singleEvents.stream())
                        .map(dev.crmkit.api.event.Event::kind).toList());
        assertThat(batchEvents).extracting(dev.crmkit.api.event.Event::entity).containsOnly(
                RecordRef.of(result.created().get(0).id()), RecordRef.of(result.created().get(2).id()));

        dev.crmkit.core.contact.CreateResult<Contact> inBatch = anna.contacts().createAll(List.of(
                ContactForm.person("Irina", "Volkova").email("irina@client.test"),
                ContactForm.named("Ira").email(" IRINA@client.test")));
        assertThat(inBatch.created()).containsOnlyKeys(0);
        assertThat(inBatch.stoppedAt()).hasValue(1);
        assertThat(single.id()).isNotEqualTo(ivan.id());
    }

    private List<String> contactNames() {
        return storage.inTransaction((Transaction tx) -> {
            try (java.util.stream.Stream<Contact> all = tx.contacts().streamAll()) {
                return all.map(c -> c.name().full()).toList();
            }
        });
    }

    @Test
    @Tag("CON-5")
    @Tag("CON-4")
    @DisplayName("amoCRM: the same phone in another spelling, or the same e-mail, is a duplicate naming the existing contact")
    void amoCrmSamePhoneOrEmailIsADuplicate() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 (901) 776-34-34")
                .email("ivan@client.test"));
        dev.crmkit.api.DuplicateException byPhone = failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> boris.contacts().create(ContactForm.named("I. Petrov").phone("8 901 776 34 34 доб. 5")));
        assertThat(byPhone.matches()).singleElement().satisfies(m -> {
            assertThat(m.record()).isEqualTo(RecordRef.of(ivan.id()));
            assertThat(m.name()).isEqualTo("Ivan Petrov");
            assertThat(m.fields()).containsExactly(dev.crmkit.api.contact.MatchField.PHONE);
            assertThat(m.score()).isEqualByComparingTo("0.5");
        });
        assertThat(failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> boris.contacts().create(ContactForm.named("Vanya").email(" IVAN@Client.test"))).matches())
                .extracting(m -> m.fields()).containsExactly(java.util.Set.of(dev.crmkit.api.contact.MatchField.EMAIL));
        assertThat(anna.contacts().findDuplicates(ContactForm.named("x").phone("9017763434").email("ivan@client.test")))
                .singleElement().satisfies(m -> assertThat(m.score()).isEqualByComparingTo("1"));
        assertThat(anna.contacts().findDuplicates(ContactForm.named("Ivan Petrov").phone("+7 901 776-34-35"))).isEmpty();
        Contact anyway = boris.contacts().create(ContactForm.named("Ivan (second card)").phone("89017763434").onDuplicate(OnDuplicate.CREATE_ANYWAY));
        assertThat(anna.contacts().get(anyway.id())).isEqualTo(anyway);
    }

    @Test
    @Tag("CON-5")
    @DisplayName("Bitrix24: two or more of full name, phone and birth date make a duplicate, never created anyway")
    void bitrixTwoOfNamePhoneAndBirthDateMakeADuplicate() {
        CrmSession b = crm(Policies.bitrix24SalesDepartment()).as(annaUser.id());
        LocalDate birth = LocalDate.of(1990, 5, 17);
        Contact ivan = b.contacts().create(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "ivan@mail.test"));
        dev.crmkit.api.DuplicateException e = failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> b.contacts().create(bitrixPerson("ИВАН", "+7 903 000-00-00", birth, "other@mail.test")
                        .firstName("Ivan").onDuplicate(OnDuplicate.CREATE_ANYWAY)));
        assertThat(e.matches()).singleElement().satisfies(m -> {
            assertThat(m.record()).isEqualTo(RecordRef.of(ivan.id()));
            assertThat(m.fields()).containsExactlyInAnyOrder(dev.crmkit.api.contact.MatchField.NAME,
                    dev.crmkit.api.contact.MatchField.BIRTH_DATE);
        });
        Contact namesake = b.contacts().create(bitrixPerson("Ivan", "+7 905 111-11-11", LocalDate.of(1971, 1, 1),
                "namesake@mail.test"));
        Contact samePhone = b.contacts().create(bitrixPerson("Oleg", "8 901 776 34 34", LocalDate.of(1985, 2, 2),
                "oleg@mail.test"));
        assertThat(b.contacts().get(namesake.id())).isEqualTo(namesake);
        assertThat(b.contacts().get(samePhone.id())).isEqualTo(samePhone);
        dev.crmkit.api.DuplicateException byNameAndPhone = failsAndChangesNothing(
                dev.crmkit.api.DuplicateException.class, () -> b.contacts().create(bitrixPerson("Ivan",
                        "+7 (901) 776 34 34", LocalDate.of(1999, 9, 9), "third@mail.test")));
        assertThat(byNameAndPhone.matches()).singleElement().satisfies(m -> {
            assertThat(m.record()).isEqualTo(RecordRef.of(ivan.id()));
            assertThat(m.fields()).containsExactlyInAnyOrder(dev.crmkit.api.contact.MatchField.NAME,
                    dev.crmkit.api.contact.MatchField.PHONE);
        });
    }

    @Test
    @Tag("CON-5")
    @DisplayName("ONLYOFFICE: the same e-mail or phone is a duplicate")
    void onlyOfficeSameEmailOrPhoneIsADuplicate() {
        CrmSession o = crm(Policies.onlyOffice()).as(annaUser.id());
        o.contacts().create(ContactForm.person("Ivan", "Petrov").email("ivan@client.test").phone("+7 901 776-34-34"));
        failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> o.contacts().create(ContactForm.person("Petr", "Ivanov").email("IVAN@client.test")));
        failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> o.contacts().create(ContactForm.person("Petr", "Ivanov").phone("9017763434")));
    }

    @Test
    @Tag("CON-5")
    @DisplayName("companies: the same normalized name plus a phone or e-mail is a duplicate; the name alone is not")
    void companiesNeedTheSameNamePlusPhoneOrEmail() {
        Company horns = anna.companies().create(CompanyForm.named("Рога и Копыта").phone("+7 495 123-45-67"));
        assertThat(failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                () -> anna.companies().create(CompanyForm.named("  рога  и копыта ").phone("8 495 123 45 67")))
                .matches()).extracting(m -> m.record()).containsExactly(RecordRef.of(horns.id()));
        assertThat(anna.companies().create(CompanyForm.named("Рога и Копыта").phone("+7 812 000-00-00")).name())
                .isEqualTo("Рога и Копыта");
    }

    @Test
    @Tag("CON-5")
    @DisplayName("updating into a duplicate is rejected; updating other fields of a known duplicate is not")
    void updatingIntoADuplicateIsRejected() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact petr = anna.contacts().create(ContactForm.named("Petr").phone("+7 903 000-00-00"));
        failsAndChangesNothing(dev.crmkit.api.DuplicateException.class, () -> anna.contacts().update(petr.id(),
                petr.version(), c -> c.clearPhones().phone("89017763434")));
        Contact twin = anna.contacts().create(ContactForm.named("Ivan twin").phone("9017763434").onDuplicate(OnDuplicate.CREATE_ANYWAY));
        Contact renamed = anna.contacts().update(twin.id(), twin.version(), c -> c.position("CFO"));
        assertThat(anna.contacts().get(twin.id())).isEqualTo(renamed);
        assertThat(renamed.position()).contains("CFO");
        assertThat(renamed.version()).isEqualTo(twin.version() + 1);
        assertThat(anna.contacts().findDuplicates(ContactForm.named("Someone").phone("9017763434")))
                .as("the two stay known duplicates").extracting(m -> m.record().id())
                .containsExactlyInAnyOrder(ivan.id().value(), twin.id().value());
    }

    @Test
    @Tag("CON-5")
    @DisplayName("a policy can turn duplicate detection off for trusted bulk loads")
    void detectionCanBeTurnedOffForBulkLoads() {
        CrmSession loose = crm(Policy.builder(Policies.bitrix24SalesDepartment()).duplicateDetection(false).build())
                .as(annaUser.id());
        LocalDate birth = LocalDate.of(1990, 5, 17);
        Contact a = loose.contacts().create(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "a@mail.test"));
        Contact b = loose.contacts().create(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "a@mail.test"));
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(loose.contacts().findDuplicates(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "x@mail.test")))
                .as("findDuplicates still answers").hasSize(2);
    }

    @Test
    @Tag("CON-3")
    @DisplayName("a client's contact may not carry an e-mail of the organization's own users or own domains")
    void clientsCannotCarryOwnEmails() {
        CrmSession own = crm(Policy.builder(Policies.amoCrm()).ownDomains(java.util.Set.of("Horns.Example")).build())
                .as(annaUser.id());
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> own.contacts().create(ContactForm.named("Ivan").email("ivan@client.test")
                        .email("sales@HORNS.example").email("Boris@crmkit.test")));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactly(
                "emails[1] client.email.own_domain", "emails[2] client.email.own_user");
        assertThat(own.contacts().create(ContactForm.named("Ivan").email("ivan@client.test")).emails()).hasSize(1);
    }

    @Test
    @Tag("CON-6")
    @DisplayName("merge: survivor wins unless empty, phones/e-mails/tags united, deals, leads, tasks and timeline move, one MERGED event")
    void mergeKeepsOneSurvivorAndMovesEverything() {
        Pipeline p = sales();
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", null).phone("+7 901 776-34-34").tag("vip")
                .email("ivan@client.test"));
        Contact card = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("8 901 776 34 34")
                .phone("+7 495 000-00-00").email("IVAN@client.test").email("petrov@home.test").tag("moscow")
                .position("CFO").birthDate(LocalDate.of(1985, 4, 12)).onDuplicate(OnDuplicate.CREATE_ANYWAY));
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs").contact(card.id()).contact(ivan.id()));
        Task t = anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(card.id())).deadline(T0.plusSeconds(60)));
        Comment c = anna.timeline().comment(RecordRef.of(card.id()), "Met at the fair");
        dev.crmkit.api.lead.Lead lead = data.aLead("Request", annaUser.id()).toBuilder().contact(card.id()).build();
        committed(tx -> tx.leads().insert(lead));

        dev.crmkit.core.contact.MergePreview preview = anna.contacts().previewMerge(ivan.id(), List.of(card.id()));
        assertThat(anna.contacts().get(card.id())).as("a preview writes nothing").isEqualTo(card);
        assertThat(preview.deals()).containsExactly(d.id());
        assertThat(preview.tasks()).containsExactly(t.id());
        assertThat(preview.timeline()).containsExactly(c.id());
        assertThat(preview.leads()).containsExactly(lead.id());
        Contact result = preview.result();
        assertThat(result.name().full()).isEqualTo("Ivan Petrov");
        assertThat(result.position()).contains("CFO");
        assertThat(result.phones()).as("one number in two spellings is kept once, in the survivor's spelling")
                .extracting(ph -> ph.number().raw()).containsExactly("+7 901 776-34-34", "+7 495 000-00-00");
        assertThat(result.emails()).extracting(e -> e.email().normalized())
                .containsExactly("ivan@client.test", "petrov@home.test");
        assertThat(result.tags()).containsExactly("vip", "moscow");

        Contact merged = anna.contacts().merge(preview);
        assertThat(merged.id()).isEqualTo(ivan.id());
        assertThat(anna.contacts().get(ivan.id())).isEqualTo(merged);
        failsAndChangesNothing(NotFoundException.class, () -> anna.contacts().get(card.id()));
        assertThat(anna.deals().get(d.id()).contacts()).containsExactly(ivan.id());
        assertThat(anna.tasks().get(t.id()).owner()).isEqualTo(RecordRef.of(ivan.id()));
        assertThat(anna.timeline().of(RecordRef.of(ivan.id()))).anySatisfy(i ->
                assertThat(i).isInstanceOfSatisfying(TimelineItem.Note.class, n -> assertThat(n.comment()).isEqualTo(
                        storage.inTransaction((Transaction tx) -> tx.timeline().get(c.id())))));
        assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).contact()).contains(ivan.id());
        assertThat(anna.events().of(RecordRef.of(ivan.id()))).filteredOn(e -> e.kind() == EventKind.MERGED)
                .singleElement().satisfies(e -> assertThat(e.after().orElseThrow()).contains("Ivan Petrov")
                        .contains(card.id().toString()));
    }

    @Test
    @Tag("CON-6")
    @DisplayName("merge: a contact changed since the preview fails with a conflict and nothing changes")
    void mergeOfAChangedContactConflicts() {
        Contact a = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact b = anna.contacts().create(ContactForm.named("Ivan P.").phone("89017763434").onDuplicate(OnDuplicate.CREATE_ANYWAY));
        dev.crmkit.core.contact.MergePreview preview = anna.contacts().previewMerge(a.id(), List.of(b.id()));
        anna.contacts().update(b.id(), b.version(), c -> c.position("CEO"));
        failsAndChangesNothing(ConflictException.class, () -> anna.contacts().merge(preview));
        refused(ValidationException.class,
                () -> anna.contacts().previewMerge(a.id(), List.of(a.id())), "merge.survivor.included");
        refused(ValidationException.class,
                () -> anna.contacts().previewMerge(a.id(), List.of()), "merge.others.none");
    }

    @Test
    @Tag("CON-5")
    @DisplayName("a scan groups existing duplicates into transitive clusters with the reasons, writing nothing")
    void scanGroupsDuplicatesIntoClusters() {
        CrmSession b = crm(Policies.bitrix24SalesDepartment()).as(annaUser.id());
        LocalDate birth = LocalDate.of(1990, 5, 17);
        Contact a1 = b.contacts().create(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "a@mail.test"));
        Contact a2 = b.contacts().create(bitrixPerson("Oleg", "+7 903 222-22-22", birth, "b@mail.test"));
        // Stored before the rules applied: straight into storage, as an import of old data would.
        Contact a3 = data.aContact("Ivan", "Petrov", annaUser.id()).toBuilder()
                .name(dev.crmkit.api.contact.PersonName.of("ivan", "sergeevich", "PETROV")).birthDate(birth)
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 905 333-33-33")))
                .emails(List.of()).build();
        Contact a4 = data.aContact("Anna", "Smirnova", annaUser.id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("8 905 333 33 33")))
                .birthDate(birth).emails(List.of()).build();
        Contact a5 = data.aContact("Anna", "Smirnova", annaUser.id()).toBuilder()
                .name(dev.crmkit.api.contact.PersonName.of("ANNA", "", "smirnova"))
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 905 444 44 44")))
                .birthDate(birth).emails(List.of()).build();
        storage.run(tx -> {
            tx.contacts().insert(a3);
            tx.contacts().insert(a4);
            tx.contacts().insert(a5);
        });
        Snapshot before = snapshot();
        List<dev.crmkit.core.contact.DuplicateCluster> clusters = b.contacts().scanDuplicates();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(clusters).singleElement().satisfies(cl -> {
            assertThat(cl.contacts()).containsExactlyInAnyOrder(a1.id(), a3.id(), a4.id(), a5.id());
            assertThat(cl.reasons()).contains(dev.crmkit.api.contact.MatchField.NAME,
                    dev.crmkit.api.contact.MatchField.BIRTH_DATE, dev.crmkit.api.contact.MatchField.PHONE);
        });
        assertThat(clusters.get(0).contacts()).doesNotContain(a2.id());
        assertThat(anna.contacts().scanDuplicates()).as("amoCRM: phones only").singleElement()
                .satisfies(cl -> assertThat(cl.contacts()).containsExactlyInAnyOrder(a3.id(), a4.id()));
    }

    @Test
    @Tag("CON-5")
    @DisplayName("a scan gives a cluster only the reasons its contacts share: a number written twice on one contact is not one")
    void ownRepeatedNumberIsNoReason() {
        Contact twice = data.aContact("Ivan", "Petrov", annaUser.id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 901 776-34-34"),
                        dev.crmkit.api.contact.ContactPhone.work("8 (901) 776-34-34")))
                .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("ivan@client.test"))).build();
        Contact sameMail = data.aContact("Oleg", "Sidorov", annaUser.id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 903 222-22-22")))
                .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("IVAN@client.test"))).build();
        storage.run(tx -> {
            tx.contacts().insert(twice);
            tx.contacts().insert(sameMail);
        });
        assertThat(anna.contacts().scanDuplicates()).singleElement().satisfies(cl -> {
            assertThat(cl.contacts()).containsExactlyInAnyOrder(twice.id(), sameMail.id());
            assertThat(cl.reasons()).containsExactly(dev.crmkit.api.contact.MatchField.EMAIL);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.tck.FacadeKitBase#racingPeople")
    @Tag("CON-5")
    @DisplayName("two threads creating the same person at once end with exactly one contact; the other gets DuplicateException")
    void concurrentCreatesOfOnePersonLeaveOneContact(String preset, Policy policy, ContactForm person) throws Exception {
        CrmSession session = crm(policy).as(annaUser.id());
        CrmSession other = crm(policy).as(borisUser.id());
        for (int round = 0; round < 5; round++) {
            List<CrmSession> sessions = List.of(session, other);
            List<Object> outcomes = together(2, i -> () -> outcome(dev.crmkit.api.DuplicateException.class,
                    () -> sessions.get(i).contacts().create(person)));
            assertThat(outcomes).filteredOn(o -> o instanceof Contact).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof dev.crmkit.api.DuplicateException).hasSize(1);
            Contact winner = (Contact) outcomes.stream().filter(o -> o instanceof Contact).findFirst().orElseThrow();
            assertThat(session.contacts().query(dev.crmkit.api.query.ContactFields.NAME.eq(winner.name().full()),
                    Sort.byId(), PageRequest.first(10)).items()).containsExactly(winner);
            session.contacts().delete(winner.id(), winner.version());
        }
    }

    @Test
    @Tag("CON-6")
    @DisplayName("a merge keeps one number written two ways once, in the survivor's spelling")
    void mergeKeepsOneNumberOnceInTheSurvivorsSpelling() {
        Contact survivor = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact other = anna.contacts().create(ContactForm.named("Ivan P.").phone("89017763434")
                .phone("+7 495 000-00-00").onDuplicate(OnDuplicate.CREATE_ANYWAY));
        Contact merged = anna.contacts().merge(anna.contacts().previewMerge(survivor.id(), List.of(other.id())));
        assertThat(merged.phones()).extracting(ph -> ph.number().raw())
                .containsExactly("+7 901 776-34-34", "+7 495 000-00-00");
        assertThat(anna.contacts().get(survivor.id()).phones()).isEqualTo(merged.phones());
    }

    @Test
    @Tag("CON-6")
    @DisplayName("a hand-built merge preview without the versions of its contacts is refused")
    void mergePreviewNeedsTheVersionsOfItsContacts() {
        Contact a = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact b = anna.contacts().create(ContactForm.named("Ivan P.").phone("89017763434")
                .onDuplicate(OnDuplicate.CREATE_ANYWAY));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.crmkit.core.contact.MergePreview(a,
                        List.of(b), java.util.Map.of(), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.crmkit.core.contact.MergePreview(a,
                        List.of(b), java.util.Map.of(a.id(), a.version()), List.of(), List.of(), List.of(), List.of()))
                .as("the version of a removed contact is missing").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.crmkit.core.contact.MergePreview(a,
                        List.of(b), null, List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("versions");
        assertThat(anna.contacts().get(b.id())).isEqualTo(b);
    }
}
