package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.user.User;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.contact.MergePreview;
import dev.crmkit.core.contact.OnDuplicate;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.user.Handover;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.Events;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Settings;
import dev.crmkit.spi.Transaction;
import dev.crmkit.spi.Users;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Failure at every write: an operation of several writes, made to fail at its first write, then at its
 * second, and so on by a {@link FailingStorage} around the storage under test, leaves every record and
 * every event as they were each time, and then succeeds. Also the wrapper's own behaviour.
 */
abstract class FailuresKit extends FacadeKitBase {

    /** More writes than any operation of these tests makes: a run that keeps failing past it is a bug. */
    private static final int MAX_WRITES = 500;

    /** The storage under test, wrapped. */
    private FailingStorage failing;
    /** Anna, on a CRM whose storage is {@link #failing}. */
    private CrmSession annaFailing;

    /** Wraps the test's storage and puts Anna on a CRM on the wrapper. */
    @BeforeEach
    void failingStorage() {
        failing = FailingStorage.wrap(storage);
        annaFailing = crm(failing, policy()).as(annaUser.id());
    }

    /** Every record, and every event in full. */
    private record Stored(Snapshot records, List<Event> events) {
    }

    private Stored stored() {
        List<Event> events = committed(tx -> {
            try (Stream<Event> all = tx.events().streamAll()) {
                return all.collect(Collectors.toList());
            }
        });
        return new Stored(snapshot(), events);
    }

    /**
     * Runs an operation armed to fail at its first write, then at its second, and so on: each run must
     * fail with the injected failure, having stopped there, and leave every record and event as it was.
     * The first run armed past the operation's last write meets no failure: that is the operation
     * running as it would unarmed, and it must succeed.
     *
     * @param operation the operation, run on {@link #failing}
     * @return how many writes the successful run made
     */
    private int failsAtEveryWriteThenSucceeds(ThrowingCallable operation) {
        Stored before = stored();
        for (int n = 1; n <= MAX_WRITES; n++) {
            failing.failOnWrite(n);
            Throwable thrown = catchThrowable(operation);
            if (thrown == null) {
                assertThat(failing.writes()).as("the successful run's writes").isEqualTo(n - 1).isGreaterThan(1);
                return n - 1;
            }
            assertThat(thrown).as("the operation failing at write %d", n).isInstanceOf(StorageException.class)
                    .hasMessage("injected failure at write " + n);
            assertThat(failing.writes()).as("the operation stopped at the failing write").isEqualTo(n);
            Stored after = stored();
            assertThat(after.records()).as("every record after a failure at write %d", n).isEqualTo(before.records());
            assertThat(after.events()).as("every event after a failure at write %d", n).isEqualTo(before.events());
        }
        throw new AssertionError("the operation still failed when armed at write " + MAX_WRITES);
    }

    @Test
    @Tag("CON-6")
    @DisplayName("a merge failing at any of its writes leaves both contacts, their deal, lead, task and comment and the events as they were; then it succeeds")
    void mergeFailingAtAnyWriteChangesNothing() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34").tag("vip"));
        Contact card = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("8 901 776 34 34")
                .position("CFO").tag("moscow").onDuplicate(OnDuplicate.CREATE_ANYWAY));
        Deal d = anna.deals().create(DealForm.in(sales().id()).name("Chairs").contact(card.id()).contact(ivan.id()));
        Task t = anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(card.id())).deadline(T0.plusSeconds(60)));
        Comment c = anna.timeline().comment(RecordRef.of(card.id()), "Met at the fair");
        Lead lead = data.aLead("Request", annaUser.id()).toBuilder().contact(card.id()).build();
        committed(tx -> tx.leads().insert(lead));
        MergePreview preview = anna.contacts().previewMerge(ivan.id(), List.of(card.id()));

        failsAtEveryWriteThenSucceeds(() -> annaFailing.contacts().merge(preview));

        RecordRef survivor = RecordRef.of(ivan.id());
        assertThat(anna.contacts().get(ivan.id())).satisfies(merged -> {
            assertThat(merged.name().full()).isEqualTo("Ivan Petrov");
            assertThat(merged.position()).contains("CFO");
            assertThat(merged.tags()).containsExactly("vip", "moscow");
        });
        assertThatThrownBy(() -> anna.contacts().get(card.id())).isInstanceOf(NotFoundException.class);
        assertThat(anna.deals().get(d.id()).contacts()).containsExactly(ivan.id());
        assertThat(anna.tasks().get(t.id()).owner()).isEqualTo(survivor);
        assertThat(committed((Transaction tx) -> tx.timeline().get(c.id())).owner()).isEqualTo(survivor);
        assertThat(committed((Transaction tx) -> tx.leads().get(lead.id())).contact()).contains(ivan.id());
    }

    @Test
    @Tag("LEAD-4")
    @DisplayName("a conversion failing at any of its writes leaves no contact, company, deal or event and the lead open; then it succeeds")
    void conversionFailingAtAnyWriteChangesNothing() {
        Contact olga = anna.contacts().create(ContactForm.named("Olga").phone("+7 902 000-00-01"));
        Lead lead = anna.leads().create(LeadForm.named("Chairs").person("Ivan", "Petrov").phone("+7 901 776-34-34")
                .email("ivan@hooves.test").companyName("Horns and Hooves").unsorted());
        anna.timeline().comment(RecordRef.of(lead.id()), "Wants 40 chairs");
        var pipeline = sales().id();

        int writes = failsAtEveryWriteThenSucceeds(() -> annaFailing.leads().convert(lead.id(), lead.version(),
                Conversion.into(pipeline).withCompany()));

        Lead converted = anna.leads().get(lead.id());
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(writes).as("contact, company, deal, lead and their events").isGreaterThanOrEqualTo(4);
        Contact ivan = anna.contacts().get(converted.convertedContact().orElseThrow());
        assertThat(ivan.id()).isNotEqualTo(olga.id());
        assertThat(ivan.company()).isEqualTo(converted.convertedCompany());
        assertThat(anna.deals().get(converted.convertedDeal().orElseThrow()).contacts()).containsExactly(ivan.id());
    }

    @Test
    @DisplayName("deleting a company failing at any of its writes leaves it, its contacts, deal, lead, task and comment and the events as they were; then it succeeds")
    void companyDeleteFailingAtAnyWriteChangesNothing() {
        Company horns = anna.companies().create(CompanyForm.named("Horns").phone("+7 495 123-45-67"));
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").company(horns.id()));
        Contact olga = anna.contacts().create(ContactForm.named("Olga").company(horns.id()));
        Deal d = anna.deals().create(DealForm.in(sales().id()).name("Chairs").company(horns.id()).contact(ivan.id()));
        Task t = anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(horns.id())).deadline(T0.plusSeconds(60)));
        Comment c = anna.timeline().comment(RecordRef.of(horns.id()), "Met at the fair");
        Lead lead = data.aLead("Request", annaUser.id()).toBuilder().company(horns.id()).build();
        committed(tx -> tx.leads().insert(lead));
        long version = anna.companies().get(horns.id()).version();

        failsAtEveryWriteThenSucceeds(() -> annaFailing.companies().delete(horns.id(), version));

        assertThatThrownBy(() -> anna.companies().get(horns.id())).isInstanceOf(NotFoundException.class);
        assertThat(List.of(anna.contacts().get(ivan.id()), anna.contacts().get(olga.id())))
                .allSatisfy(x -> assertThat(x.company()).isEmpty());
        assertThat(anna.deals().get(d.id()).company()).isEmpty();
        assertThat(anna.deals().get(d.id()).contacts()).containsExactly(ivan.id());
        assertThat(committed((Transaction tx) -> tx.leads().get(lead.id())).company()).isEmpty();
        assertThat(committed((Transaction tx) -> tx.tasks().find(t.id()))).isEmpty();
        assertThat(committed((Transaction tx) -> tx.timeline().find(c.id()))).isEmpty();
    }

    @Test
    @Tag("USER-3")
    @DisplayName("deleting a user failing at any of its writes leaves the user, their deals, contact, company, lead and open task and the events as they were; then it succeeds")
    void userDeleteFailingAtAnyWriteChangesNothing() {
        Company horns = boris.companies().create(CompanyForm.named("Horns"));
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Deal chairs = boris.deals().create(DealForm.in(sales().id()).name("Chairs").contact(ivan.id()));
        Deal tables = boris.deals().create(DealForm.in(sales().id()).name("Tables"));
        Task open = boris.tasks().create(TaskForm.todo("Call Ivan").on(RecordRef.of(chairs.id()))
                .deadline(T0.plusSeconds(3600)));
        Lead lead = data.aLead("Request from the site", borisUser.id());
        committed(tx -> tx.leads().insert(lead));
        List<Handover> handovers = new ArrayList<>();

        failsAtEveryWriteThenSucceeds(() -> handovers.add(annaFailing.users().delete(borisUser.id(), annaUser.id())));

        assertThat(handovers).containsExactly(new Handover(borisUser.id(), annaUser.id(), 2, 1, 1, 1, 1));
        assertThat(anna.users().find(borisUser.id())).isEmpty();
        assertThat(List.of(anna.deals().get(chairs.id()).responsible(), anna.deals().get(tables.id()).responsible(),
                anna.contacts().get(ivan.id()).responsible(), anna.companies().get(horns.id()).responsible(),
                committed(tx -> tx.leads().get(lead.id())).responsible(), anna.tasks().get(open.id()).assignee()))
                .containsOnly(annaUser.id());
    }

    @Test
    @DisplayName("an injected failure the work catches still fails the transaction: later calls and inTransaction throw, caused by it, nothing is stored")
    void caughtInjectedFailureStillRollsBack() {
        User first = data.aUser("Written First");
        User second = data.aUser("Refused Second");
        Stored before = stored();
        failing.failOnWrite(3);
        List<StorageException> caught = new ArrayList<>();
        List<Throwable> later = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> failing.run(tx -> {
            tx.users().insert(first);
            tx.events().append(data.aCreatedEvent(RecordRef.of(first.id()), annaUser.id()));
            try {
                tx.users().insert(second);
            } catch (StorageException e) {
                caught.add(e);
            }
            later.add(catchThrowable(() -> tx.users().find(first.id())));
            later.add(catchThrowable(() -> tx.events().append(data.aCreatedEvent(RecordRef.of(second.id()),
                    annaUser.id()))));
        }));
        assertThat(caught).singleElement().satisfies(e -> assertThat(e).hasMessage("injected failure at write 3"));
        assertThat(later).hasSize(2).allSatisfy(e -> {
            assertThat(e).isInstanceOf(StorageException.class);
            assertThat(e.getCause()).isSameAs(caught.get(0));
        });
        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(thrown.getCause()).isSameAs(caught.get(0));
        assertThat(stored()).as("the writes before the failure are rolled back too").isEqualTo(before);

        assertThat(failing.writes()).as("the calls refused after the failure are not counted").isEqualTo(3);
        failing.run(tx -> tx.users().insert(second));
        assertThat(committed((Transaction tx) -> tx.users().find(second.id()))).as("the failure was injected once").isPresent();
    }

    @Test
    @DisplayName("reads, lookups, streams and locks are not writes; the wrapped storage's own exceptions pass unchanged")
    void onlyWritesCountAndOwnExceptionsPass() {
        User stranger = data.aUser("Never Stored");
        failing.failOnWrite(1);
        long users = failing.inTransaction((Transaction tx) -> {
            tx.lock(List.of("failures-kit"));
            assertThatThrownBy(() -> tx.users().get(stranger.id())).isInstanceOf(NotFoundException.class);
            assertThat(tx.users().byEmail(annaUser.email().orElseThrow())).contains(annaUser);
            assertThat(tx.settings().list(ListKind.TASK_TYPES).all()).isNotEmpty();
            assertThat(tx.events().lastSequence()).isPositive();
            try (Stream<User> all = tx.users().streamAll()) {
                return all.count();
            }
        });
        assertThat(users).isEqualTo(2);
        assertThat(failing.writes()).isZero();

        failing.disarm();
        ConflictException taken = (ConflictException) catchThrowable(() -> failing.run(tx -> tx.users().insert(borisUser)));
        assertThat(taken.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        assertThat(failing.writes()).isEqualTo(1);
        Users ended = failing.inTransaction(Transaction::users);
        assertThatThrownBy(() -> ended.find(annaUser.id())).isInstanceOf(IllegalStateException.class);
        assertThat(failing.writes()).isEqualTo(1);
    }

    @Test
    @DisplayName("a write to fail is counted from 1")
    void failOnWriteCountsFromOne() {
        assertThatThrownBy(() -> failing.failOnWrite(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> failing.failOnWrite(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every method of the transaction and of each port it hands out is known to FailingStorage as a read or a write")
    void everyPortMethodIsAReadOrAWrite() {
        Set<Class<?>> ports = new LinkedHashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(Transaction.class));
        while (!toVisit.isEmpty()) {
            Class<?> port = toVisit.pop();
            if (ports.add(port)) {
                Arrays.stream(port.getMethods()).map(Method::getReturnType).filter(FailingStorage::isPort)
                        .forEach(toVisit::push);
            }
        }
        assertThat(ports).contains(Users.class, Contacts.class, Events.class, Settings.class, ListStore.class);
        Set<String> names = ports.stream().flatMap(p -> Arrays.stream(p.getMethods()))
                .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> known = new TreeSet<>(FailingStorage.READS);
        known.addAll(FailingStorage.WRITES);
        assertThat(FailingStorage.READS).doesNotContainAnyElementsOf(FailingStorage.WRITES);
        assertThat(known).as("every port method classified (add a new one to WRITES or READS), and no other name")
                .isEqualTo(names);
    }
}
