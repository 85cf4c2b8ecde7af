package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lookups each port offers, kept up to date as records change. */
abstract class LookupsKit extends StorageKitBase {

    @Test
    @DisplayName("a company's contacts, and the index follows a contact moving to another company")
    void contactsByCompany() {
        Company horns = data.aCompany("Horns", owner().id());
        Company hooves = data.aCompany("Hooves", owner().id());
        Contact ivan = data.aContact("Ivan", "Petrov", owner().id()).toBuilder().company(horns.id()).build();
        Contact petr = data.aContact("Petr", "Ivanov", owner().id()).toBuilder().company(horns.id()).build();
        storage.run(tx -> {
            tx.companies().insert(horns);
            tx.companies().insert(hooves);
            tx.contacts().insert(ivan);
            tx.contacts().insert(petr);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(horns.id()))).containsExactly(ivan, petr);
        Contact moved = ivan.toBuilder().version(2).company(hooves.id()).build();
        storage.run(tx -> tx.contacts().update(moved, 1));
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(horns.id()))).containsExactly(petr);
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(hooves.id()))).containsExactly(moved);
    }

    @Test
    @DisplayName("deals by contact and by company, including the transaction's own writes")
    void dealsByContactAndCompany() {
        Pipeline p = pipeline("Sales", 0);
        Company horns = data.aCompany("Horns", owner().id());
        Contact ivan = data.aContact("Ivan", "Petrov", owner().id());
        Deal a = data.aDeal("A", p, owner().id(), null).toBuilder().contacts(List.of(ivan.id()))
                .company(horns.id()).build();
        Deal b = data.aDeal("B", p, owner().id(), null).toBuilder().contacts(List.of(ivan.id())).build();
        storage.run(tx -> {
            tx.companies().insert(horns);
            tx.contacts().insert(ivan);
            tx.deals().insert(a);
        });
        storage.run(tx -> {
            tx.deals().insert(b);
            assertThat(tx.deals().byContact(ivan.id())).containsExactly(a, b);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byCompany(horns.id()))).containsExactly(a);
        storage.run(tx -> tx.deals().delete(a.id(), 1));
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byContact(ivan.id()))).containsExactly(b);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byCompany(horns.id()))).isEmpty();
    }

    @Test
    @DisplayName("leads by contact")
    void leadsByContact() {
        Contact ivan = data.aContact("Ivan", "Petrov", owner().id());
        Lead first = data.aLead("First", owner().id()).toBuilder().contact(ivan.id()).build();
        Lead other = data.aLead("Other", owner().id());
        storage.run(tx -> {
            tx.contacts().insert(ivan);
            tx.leads().insert(first);
            tx.leads().insert(other);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.leads().byContact(ivan.id()))).containsExactly(first);
    }

    @Test
    @DisplayName("tasks by owner and by assignee, by deadline")
    void tasksByOwnerAndAssignee() {
        User anna = user("Anna");
        User boris = user("Boris");
        ListItem<TaskTypeId> call = data.aTaskType("Call", 0);
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        Task late = data.aTask(call.id(), deal, anna.id(), TestData.START.plusSeconds(9000));
        Task early = data.aTask(call.id(), deal, boris.id(), TestData.START.plusSeconds(100));
        Task elsewhere = data.aTask(call.id(), new RecordRef(EntityType.CONTACT, data.newId()), anna.id(),
                TestData.START.plusSeconds(50));
        storage.run(tx -> {
            tx.settings().list(ListKind.TASK_TYPES).insert(call);
            tx.tasks().insert(late);
            tx.tasks().insert(early);
            tx.tasks().insert(elsewhere);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byOwner(deal))).containsExactly(early, late);
        assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byAssignee(anna.id()))).containsExactly(elsewhere, late);
    }

    @Test
    @DisplayName("the tasks of several records in one read, each once, by deadline; other records' tasks left out")
    void tasksOfSeveralOwners() {
        User anna = user("Anna");
        ListItem<TaskTypeId> call = data.aTaskType("Call", 0);
        RecordRef chairs = new RecordRef(EntityType.DEAL, data.newId());
        RecordRef desks = new RecordRef(EntityType.DEAL, data.newId());
        RecordRef ivan = new RecordRef(EntityType.CONTACT, data.newId());
        RecordRef lamps = new RecordRef(EntityType.DEAL, data.newId());
        Task third = data.aTask(call.id(), chairs, anna.id(), TestData.START.plusSeconds(300));
        Task first = data.aTask(call.id(), desks, anna.id(), TestData.START.plusSeconds(100));
        Task second = data.aTask(call.id(), ivan, anna.id(), TestData.START.plusSeconds(200));
        Task sameTime = data.aTask(call.id(), desks, anna.id(), TestData.START.plusSeconds(300));
        Task notAsked = data.aTask(call.id(), lamps, anna.id(), TestData.START.plusSeconds(150));
        storage.run(tx -> {
            tx.settings().list(ListKind.TASK_TYPES).insert(call);
            List.of(third, first, second, sameTime, notAsked).forEach(tx.tasks()::insert);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byOwners(List.of(chairs, ivan, desks, chairs))))
                .containsExactly(first, second, third, sameTime);
        assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byOwners(List.of()))).isEmpty();
    }

    @Test
    @DisplayName("a record's timeline is ordered by time, and holds only its own entries")
    void timelineByOwner() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        Comment second = data.aComment(deal, owner().id(), "second");
        Comment first = data.aComment(deal, owner().id(), "first").toBuilder().at(TestData.START).build();
        Comment elsewhere = data.aComment(new RecordRef(EntityType.CONTACT, data.newId()), owner().id(), "x");
        storage.run(tx -> {
            tx.timeline().insert(second);
            tx.timeline().insert(first);
            tx.timeline().insert(elsewhere);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).containsExactly(first, second);
    }

    @Test
    @Tag("ACT-2")
    @DisplayName("a call id is stored once per integration; another integration may reuse the id")
    void callIdOnce() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        Call call = data.aCall(deal, owner().id(), "mango", "c-42");
        committed(tx -> tx.timeline().insert(call));
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byCallId("mango", "c-42"))).contains(call);
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byCallId("zadarma", "c-42"))).isEmpty();
        Call again = data.aCall(deal, owner().id(), "mango", "c-42");
        assertThatThrownBy(() -> storage.run(tx -> tx.timeline().insert(again)))
                .isInstanceOf(ConflictException.class);
        Call otherIntegration = data.aCall(deal, owner().id(), "zadarma", "c-42");
        committed(tx -> tx.timeline().insert(otherIntegration));
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).containsExactly(call, otherIntegration);
    }

    @Test
    @Tag("ACT-2")
    @DisplayName("two transactions logging the same call id at once: exactly one succeeds")
    void callIdRace() throws Exception {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        Call one = data.aCall(deal, owner().id(), "mango", "c-7");
        Call two = data.aCall(deal, owner().id(), "mango", "c-7");
        List<Call> calls = List.of(one, two);
        List<Object> outcomes = together(2, i -> () -> outcome(ConflictException.class,
                () -> storage.inTransaction(tx -> tx.timeline().insert(calls.get(i)))));
        assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Call).hasSize(1);
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).hasSize(1);
    }

    @Test
    @DisplayName("contacts and companies by phone index keys, normalized e-mails and name keys, kept up to date")
    void duplicateLookups() {
        Contact ivan = data.aContact("Ivan", "Petrov", owner().id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 (901) 776-34-34"),
                        dev.crmkit.api.contact.ContactPhone.work("+7 495 123-45-67 доб. 12")))
                .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("Ivan.Petrov@Client.test"))).build();
        Contact other = data.aContact("Пётр", "Иванов", owner().id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("8 903 000 00 00")))
                .emails(List.of()).build();
        Company horns = data.aCompany("Horns  and Hooves", owner().id()).toBuilder()
                .phones(List.of(dev.crmkit.api.contact.ContactPhone.work("8 (495) 123-45-67")))
                .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("info@horns.test"))).build();
        storage.run(tx -> {
            tx.contacts().insert(ivan);
            tx.contacts().insert(other);
            tx.companies().insert(horns);
        });
        String ivanKey = dev.crmkit.api.phone.PhoneNumber.parse("8 901 776 34 34").indexKey();
        storage.run(tx -> {
            assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey))).containsExactly(ivan);
            assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey,
                    dev.crmkit.api.phone.PhoneNumber.parse("+79030000000").indexKey()))).containsExactly(ivan, other);
            assertThat(tx.contacts().byPhoneKeys(Set.of())).isEmpty();
            assertThat(tx.contacts().byEmails(Set.of("ivan.petrov@client.test"))).containsExactly(ivan);
            assertThat(tx.contacts().byNameKey(dev.crmkit.api.contact.Names.matchKey("петр  ИВАНОВ")))
                    .containsExactly(other);
            assertThat(tx.companies().byPhoneKeys(Set.of(dev.crmkit.api.phone.PhoneNumber.parse("74951234567")
                    .indexKey()))).containsExactly(horns);
            assertThat(tx.companies().byEmails(Set.of("info@horns.test"))).containsExactly(horns);
            assertThat(tx.companies().byNameKey("horns and hooves")).containsExactly(horns);
        });
        Contact changed = ivan.toBuilder().version(2).phones(List.of()).emails(List.of()).build();
        storage.run(tx -> {
            tx.contacts().update(changed, 1);
            assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey))).as("own write").isEmpty();
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byPhoneKeys(Set.of(ivanKey)))).isEmpty();
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byEmails(Set.of("ivan.petrov@client.test"))))
                .isEmpty();
    }

    @Test
    @DisplayName("contacts by name key and birth date: only namesakes born that day, in id order, with the "
            + "transaction's own writes")
    void contactsByNameKeyAndBirthDate() {
        LocalDate may = LocalDate.of(1990, 5, 1);
        Contact anna = data.aContact("Anna", "Ko", owner().id()).toBuilder().birthDate(may).build();
        Contact annaAgain = data.aContact("ANNA", "ko", owner().id()).toBuilder().birthDate(may).build();
        Contact otherDay = data.aContact("Anna", "Ko", owner().id()).toBuilder().birthDate(may.plusDays(1)).build();
        Contact noDay = data.aContact("Anna", "Ko", owner().id());
        Contact otherName = data.aContact("Vera", "Ko", owner().id()).toBuilder().birthDate(may).build();
        storage.run(tx -> List.of(anna, annaAgain, otherDay, noDay, otherName).forEach(tx.contacts()::insert));
        String key = anna.name().matchKey();
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byNameKeyAndBirthDate(key, may)))
                .containsExactly(anna, annaAgain);
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byNameKeyAndBirthDate(key,
                may.plusDays(2)))).isEmpty();
        Contact born = noDay.toBuilder().version(2).birthDate(may).build();
        Contact lateBorn = data.aContact("Anna", "Ko", owner().id()).toBuilder().birthDate(may).build();
        storage.run(tx -> {
            // Own writes: one gets the day, one is new, one is deleted, one leaves the day.
            tx.contacts().update(born, 1);
            tx.contacts().insert(lateBorn);
            tx.contacts().delete(annaAgain.id(), 1);
            tx.contacts().update(anna.toBuilder().version(2).birthDate(may.minusDays(1)).build(), 1);
            assertThat(tx.contacts().byNameKeyAndBirthDate(key, may)).as("own writes")
                    .containsExactlyElementsOf(sortedById(born, lateBorn));
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byNameKeyAndBirthDate(key, may)))
                .containsExactlyElementsOf(sortedById(born, lateBorn));
    }

    private static List<Contact> sortedById(Contact... contacts) {
        return Arrays.stream(contacts).sorted(Comparator.comparing(Contact::id, EntityId.ORDER)).toList();
    }

    @Test
    @DisplayName("users by login e-mail, case-insensitive; a login e-mail is unique")
    void usersByEmail() {
        User anna = user("Anna Admin");
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().byEmail(Email.parse(" ANNA.admin@CRMKIT.test "))))
                .contains(anna);
        User twin = data.aUser("Someone").toBuilder().email(Email.parse("Anna.Admin@crmkit.test")).build();
        assertThatThrownBy(() -> storage.run(tx -> tx.users().insert(twin))).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("pipelines and admin lists come back by position")
    void pipelinesAndListsComeBackByPosition() {
        Pipeline second = pipeline("Second", 1);
        Pipeline first = pipeline("First", 0);
        assertThat(storage.inTransaction((Transaction tx) -> tx.pipelines().all())).containsExactly(first, second);
        Pipeline reordered = second.toBuilder().version(2).position(-1).build();
        storage.run(tx -> tx.pipelines().update(reordered, 1));
        assertThat(storage.inTransaction((Transaction tx) -> tx.pipelines().all())).containsExactly(reordered, first);
        ListItem<TaskTypeId> letter = data.aTaskType("Letter", 2);
        ListItem<TaskTypeId> call = data.aTaskType("Call", 0);
        ListItem<TaskTypeId> meeting = data.aTaskType("Meeting", 1);
        storage.run(tx -> List.of(letter, call, meeting).forEach(tx.settings().list(ListKind.TASK_TYPES)::insert));
        assertThat(storage.<List<ListItem<TaskTypeId>>>inTransaction(tx -> tx.settings().list(ListKind.TASK_TYPES).all()))
                .containsExactly(call, meeting, letter);
    }
}
