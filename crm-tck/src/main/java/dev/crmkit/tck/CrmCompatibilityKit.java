package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ContactType;
import dev.crmkit.api.settings.LossReason;
import dev.crmkit.api.settings.TaskType;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.NewCompany;
import dev.crmkit.core.contact.NewContact;
import dev.crmkit.core.deal.DealUpdate;
import dev.crmkit.core.deal.NewDeal;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.event.EventQuery;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.ReopenRule;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.timeline.TimelineItem;
import dev.crmkit.core.user.Handover;
import dev.crmkit.core.user.NewUser;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole compatibility kit: the storage contracts ({@link StorageCompatibilityKit}) plus every rule
 * of crm-core run through the {@code Crm} facade on top of the adapter, so an adapter proves that the
 * rules hold on it. An adapter's test extends this class and implements {@link #newStorage()}.
 */
public abstract class CrmCompatibilityKit extends StorageCompatibilityKit {

    /** The instant the test clock starts at: Monday 2 November 2026, 09:00 UTC. */
    protected static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** The test clock; move it with {@link MutableClock#advance(Duration)}. */
    protected MutableClock clock;

    /** For subclasses: an adapter's test extends this kit. */
    protected CrmCompatibilityKit() {
    }

    /** Starts the clock. */
    @BeforeEach
    void startClock() {
        clock = new MutableClock(T0);
    }

    /**
     * A CRM on the storage under test.
     *
     * @param policy the policy
     * @return the CRM
     */
    protected Crm crm(Policy policy) {
        return Crm.builder().storage(storage).policy(policy).clock(clock).build();
    }

    /** Everything stored, for checking that a failed operation changed nothing. */
    record Snapshot(List<Object> records, long lastEvent) {
    }

    Snapshot snapshot() {
        return storage.inTransaction((Transaction tx) -> {
            List<Object> all = new ArrayList<>();
            for (Function<Transaction, Stream<?>> s : List.<Function<Transaction, Stream<?>>>of(
                    t -> t.users().streamAll(), t -> t.contacts().streamAll(), t -> t.companies().streamAll(),
                    t -> t.leads().streamAll(), t -> t.pipelines().streamAll(), t -> t.deals().streamAll(),
                    t -> t.tasks().streamAll(), t -> t.timeline().streamAll(),
                    t -> t.settings().taskTypes().streamAll(), t -> t.settings().contactTypes().streamAll(),
                    t -> t.settings().temperatureLevels().streamAll(), t -> t.settings().lossReasons().streamAll(),
                    t -> t.settings().productGroups().streamAll())) {
                try (Stream<?> records = s.apply(tx)) {
                    all.addAll(records.collect(Collectors.toList()));
                }
            }
            return new Snapshot(all, tx.events().lastSequence());
        });
    }

    /**
     * Runs a call that must fail with the given exception type, and checks that it stored nothing and
     * wrote no event.
     *
     * @param type the expected exception type
     * @param call the call
     * @param <X> the exception type
     * @return the exception, for further checks
     */
    protected <X extends Throwable> X failsAndChangesNothing(Class<X> type, ThrowingCallable call) {
        Snapshot before = snapshot();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        assertThat(snapshot()).as("nothing stored, no event").isEqualTo(before);
        return type.cast(thrown);
    }

    static List<String> codes(Throwable e) {
        return ((ValidationException) e).codes();
    }

    /** A CRM with an admin (Anna) and a manager (Boris). */
    abstract class WithUsers {
        Crm crm;
        User annaUser;
        User borisUser;
        CrmSession anna;
        CrmSession boris;

        Policy policy() {
            return Policies.amoCrm();
        }

        @BeforeEach
        void users() {
            crm = crm(policy());
            annaUser = crm.bootstrap(NewUser.named("Anna Admin").email("anna@crmkit.test"));
            anna = crm.as(annaUser.id());
            borisUser = anna.users().add(NewUser.named("Boris Manager").email("boris@crmkit.test"));
            boris = crm.as(borisUser.id());
        }

        Pipeline sales() {
            return anna.pipelines().create(NewPipeline.named("Sales").stage("First contact", 10)
                    .stage("Negotiation", 50).stage("Invoice sent", 80));
        }

        LossReason reason(String name) {
            return anna.settings().lossReasons().byName(name).orElseThrow();
        }
    }

    // ---- users -----------------------------------------------------------------------------------

    /** Users, roles and handover (USER-1, USER-2, USER-3). */
    @Nested
    @DisplayName("Users")
    class Users extends WithUsers {

        @Test
        @Tag("USER-1")
        @DisplayName("bootstrap creates the first admin and the default lists once; a second bootstrap fails")
        void bootstrap() {
            assertThat(annaUser.role()).isEqualTo(Role.ADMIN);
            assertThat(anna.settings().taskTypes().list()).extracting(TaskType::name)
                    .containsExactly("Call", "Meeting", "Letter");
            assertThat(anna.settings().contactTypes().list()).extracting(ContactType::name)
                    .contains("Client", "Supplier", "Partner", "Competitor");
            RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                    () -> crm.bootstrap(NewUser.named("Eve").email("eve@crmkit.test")));
            assertThat(codes(e)).containsExactly("crm.bootstrap.done");
        }

        @Test
        @Tag("USER-1")
        @DisplayName("only admins add users and change settings; a manager gets AccessDeniedException and nothing changes")
        void onlyAdmins() {
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().add(NewUser.named("Carl")));
            failsAndChangesNothing(AccessDeniedException.class,
                    () -> boris.pipelines().create(NewPipeline.named("Mine").stage("One", 10)));
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().taskTypes().add("Visit"));
            failsAndChangesNothing(AccessDeniedException.class,
                    () -> boris.settings().contactTypes().add("Reseller"));
            failsAndChangesNothing(AccessDeniedException.class,
                    () -> boris.users().changeRole(borisUser.id(), Role.ADMIN));
            assertThat(anna.settings().taskTypes().add("Visit").name()).isEqualTo("Visit");
            User carl = anna.users().add(NewUser.named("Carl").email("carl@crmkit.test"));
            assertThat(anna.users().list()).extracting(User::name).containsExactly("Anna Admin", "Boris Manager", "Carl");
            assertThat(carl.role()).isEqualTo(Role.USER);
        }

        @Test
        @Tag("USER-1")
        @DisplayName("a new user's bad data is reported all at once and nothing is stored")
        void badUser() {
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> anna.users().add(NewUser.named("  ").email("not an address")));
            assertThat(codes(e)).containsExactlyInAnyOrder("user.name.blank", "email.invalid");
            ValidationException taken = failsAndChangesNothing(ValidationException.class,
                    () -> anna.users().add(NewUser.named("Twin").email("BORIS@crmkit.test")));
            assertThat(codes(taken)).containsExactly("user.email.taken");
        }

        @Test
        @Tag("USER-2")
        @DisplayName("an admin can make another user admin; the last active admin can never be demoted")
        void lastAdmin() {
            RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.users().changeRole(annaUser.id(), Role.USER));
            assertThat(codes(e)).containsExactly("user.last_admin");
            assertThat(e.violations().get(0).messageRu()).contains("Anna Admin");
            anna.users().changeRole(borisUser.id(), Role.ADMIN);
            User demoted = boris.users().changeRole(annaUser.id(), Role.USER);
            assertThat(demoted.role()).isEqualTo(Role.USER);
            failsAndChangesNothing(RuleViolationException.class, () -> boris.users().changeRole(borisUser.id(), Role.USER));
            failsAndChangesNothing(AccessDeniedException.class, () -> anna.users().add(NewUser.named("X")));
        }

        @Test
        @Tag("USER-1")
        @DisplayName("admins change a user's settings (time zone, locale, rights) with events; a stale version conflicts")
        void updateUser() {
            User changed = anna.users().update(borisUser.id(), borisUser.version(), NewUser.from(borisUser)
                    .timeZone(java.time.ZoneId.of("Europe/Moscow")).locale(java.util.Locale.forLanguageTag("ru"))
                    .grant(dev.crmkit.api.user.UserRight.EXPORT));
            assertThat(changed.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Moscow"));
            assertThat(changed.rights()).containsExactly(dev.crmkit.api.user.UserRight.EXPORT);
            failsAndChangesNothing(ConflictException.class, () -> anna.users().update(borisUser.id(),
                    borisUser.version(), NewUser.from(borisUser).name("Boris B.")));
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().update(borisUser.id(),
                    changed.version(), NewUser.from(changed).admin()));
            assertThat(anna.events().of(RecordRef.of(borisUser.id()))).extracting(e -> e.field().orElse(""))
                    .contains("timeZone", "locale", "rights");
        }

        @Test
        @Tag("USER-2")
        @DisplayName("the last active admin can never be deactivated or deleted")
        void lastAdminStays() {
            User carl = anna.users().add(NewUser.named("Carl"));
            RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.users().deactivate(annaUser.id(), carl.id()));
            assertThat(codes(e)).containsExactly("user.last_admin");
            failsAndChangesNothing(RuleViolationException.class, () -> anna.users().delete(annaUser.id(), carl.id()));
        }

        @Test
        @Tag("USER-3")
        @DisplayName("deactivating needs an active successor other than the user")
        void successorRequired() {
            User carl = anna.users().add(NewUser.named("Carl"));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.users().deactivate(borisUser.id(), null)))).containsExactly("user.successor.required");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.users().deactivate(borisUser.id(), borisUser.id())))).containsExactly("user.successor.self");
            anna.users().deactivate(carl.id(), annaUser.id());
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.users().deactivate(borisUser.id(), carl.id())))).containsExactly("user.successor.inactive");
        }

        @Test
        @Tag("USER-3")
        @DisplayName("a leaving user's deals, contacts, companies and open tasks move to the successor in one go, with events")
        void handover() {
            Pipeline p = sales();
            Company horns = boris.companies().create(NewCompany.named("Horns"));
            Contact ivan = boris.contacts().create(NewContact.person("Ivan", "Petrov"));
            Deal d1 = boris.deals().create(NewDeal.in(p.id()).name("Chairs").contact(ivan.id()));
            Deal d2 = boris.deals().create(NewDeal.in(p.id()).name("Tables"));
            Task open = boris.tasks().create(NewTask.todo("Call Ivan").on(RecordRef.of(d1.id())).deadline(T0.plusSeconds(3600)));
            Task done = boris.tasks().create(NewTask.todo("Send offer").on(RecordRef.of(d1.id())).deadline(T0.plusSeconds(7200)));
            boris.tasks().close(done.id(), Optional.of("Sent"));
            Deal annas = anna.deals().create(NewDeal.in(p.id()).name("Anna's own"));
            dev.crmkit.api.lead.Lead lead = data.aLead("Request from the site", borisUser.id());
            committed(tx -> tx.leads().insert(lead));
            long before = anna.events().after(0, 10_000).size();

            Handover h = anna.users().deactivate(borisUser.id(), annaUser.id());

            assertThat(h).isEqualTo(new Handover(borisUser.id(), annaUser.id(), 2, 1, 1, 1, 1));
            assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).responsible())
                    .isEqualTo(annaUser.id());
            assertThat(anna.deals().get(d1.id()).responsible()).isEqualTo(annaUser.id());
            assertThat(anna.deals().get(d2.id()).responsible()).isEqualTo(annaUser.id());
            assertThat(anna.deals().get(annas.id()).version()).isEqualTo(annas.version());
            assertThat(anna.contacts().get(ivan.id()).responsible()).isEqualTo(annaUser.id());
            assertThat(anna.companies().get(horns.id()).responsible()).isEqualTo(annaUser.id());
            assertThat(anna.tasks().get(open.id()).assignee()).isEqualTo(annaUser.id());
            assertThat(anna.tasks().get(done.id()).assignee()).as("closed tasks stay").isEqualTo(borisUser.id());
            List<Event> events = anna.events().after(0, 10_000).subList((int) before, anna.events().after(0, 10_000).size());
            assertThat(events).filteredOn(e -> e.kind() == EventKind.RESPONSIBLE_CHANGED).hasSize(6)
                    .allSatisfy(e -> {
                        assertThat(e.before()).contains("Boris Manager");
                        assertThat(e.after()).contains("Anna Admin");
                        assertThat(e.author()).contains(annaUser.id());
                    });
            assertThat(events).anySatisfy(e -> assertThat(e.field()).contains("active"));
            assertThat(anna.users().find(borisUser.id()).orElseThrow().active()).isFalse();
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.deals().create(NewDeal.in(p.id())));
        }

        @Test
        @Tag("USER-3")
        @DisplayName("deleting a user hands over their records and removes the user")
        void delete() {
            Pipeline p = sales();
            Deal d = boris.deals().create(NewDeal.in(p.id()).name("Chairs"));
            Handover h = anna.users().delete(borisUser.id(), annaUser.id());
            assertThat(h.deals()).isEqualTo(1);
            assertThat(anna.users().find(borisUser.id())).isEmpty();
            assertThat(anna.deals().get(d.id()).responsible()).isEqualTo(annaUser.id());
            assertThat(anna.events().query(EventQuery.all().kinds(EventKind.DELETED).entityType(EntityType.USER),
                    PageRequest.first(10)).items()).hasSize(1);
        }
    }

    // ---- pipelines -------------------------------------------------------------------------------

    /** Pipelines and stages (DEAL-2). */
    @Nested
    @DisplayName("Pipelines")
    class Pipelines extends WithUsers {

        @Test
        @Tag("DEAL-2")
        @DisplayName("a pipeline has ordered stages with probabilities, ending in Won and Lost")
        void create() {
            Pipeline p = sales();
            assertThat(p.stages()).extracting(s -> s.name())
                    .containsExactly("First contact", "Negotiation", "Invoice sent", "Won", "Lost");
            assertThat(p.stages()).extracting(s -> s.probability().value().intValue()).containsExactly(10, 50, 80, 100, 0);
            assertThat(p.wonStage().kind()).isEqualTo(StageKind.WON);
            assertThat(p.lostStage().kind()).isEqualTo(StageKind.LOST);
            Pipeline second = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20).won("Signed")
                    .lost("Refused"));
            assertThat(anna.pipelines().list()).containsExactly(p, second);
            assertThat(second.wonStage().name()).isEqualTo("Signed");
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("bad stages are reported all at once (probability 101, blank and duplicate names) and nothing is stored")
        void badStages() {
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> anna.pipelines().create(NewPipeline.named(" ").stage("", 10).stage("Talks", 101)));
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                    "name pipeline.name.blank", "stages[0].name stage.name.blank",
                    "stages[1].probability percent.range");
            ValidationException dup = failsAndChangesNothing(ValidationException.class,
                    () -> anna.pipelines().create(NewPipeline.named("P").stage("Talks", 10).stage("talks", 20)));
            assertThat(codes(dup)).containsExactly("pipeline.stages.duplicate");
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("the policy limits pipelines and stages (amoCRM: 50 and 100); a custom policy can lower them")
        void limits() {
            assertThat(crm.policy().maxPipelines()).isEqualTo(50);
            assertThat(crm.policy().maxStagesPerPipeline()).isEqualTo(100);
            CrmSession tight = crm(Policy.builder(Policies.amoCrm()).maxPipelines(1).maxStagesPerPipeline(4).build())
                    .as(annaUser.id());
            Pipeline p = tight.pipelines().create(NewPipeline.named("Only").stage("One", 10).stage("Two", 20));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> tight.pipelines().create(NewPipeline.named("Second").stage("One", 10)))))
                    .containsExactly("pipeline.limit");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> tight.pipelines().addStage(p.id(), "Three", 30)))).containsExactly("pipeline.stages.limit");
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("pipelines and open stages re-order; new stages go before Won; Won and Lost always stay last")
        void reorder() {
            Pipeline p = sales();
            Pipeline q = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
            assertThat(anna.pipelines().reorder(List.of(q.id(), p.id()))).extracting(Pipeline::name)
                    .containsExactly("Partners", "Sales");
            assertThat(anna.pipelines().list()).extracting(Pipeline::name).containsExactly("Partners", "Sales");
            Pipeline added = anna.pipelines().addStage(p.id(), "Contract", 90);
            assertThat(added.stages()).extracting(s -> s.name())
                    .containsExactly("First contact", "Negotiation", "Invoice sent", "Contract", "Won", "Lost");
            List<dev.crmkit.api.deal.StageId> open = added.stages().subList(0, 4).stream().map(s -> s.id())
                    .collect(Collectors.toList());
            java.util.Collections.reverse(open);
            Pipeline reordered = anna.pipelines().reorderStages(p.id(), open);
            assertThat(reordered.stages()).extracting(s -> s.name())
                    .containsExactly("Contract", "Invoice sent", "Negotiation", "First contact", "Won", "Lost");
            assertThat(anna.pipelines().setProbability(p.id(), open.get(0), 95).stages().get(0).probability().value()
                    .intValue()).isEqualTo(95);
            assertThat(anna.pipelines().renameStage(p.id(), open.get(0), "Signing").stages().get(0).name())
                    .isEqualTo("Signing");
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.pipelines().reorderStages(p.id(), open.subList(0, 2)))))
                    .containsExactly("pipeline.order.incomplete");
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.pipelines().setProbability(p.id(), open.get(0), 101)))).containsExactly("percent.range");
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("deleting a stage that holds deals needs a target stage; the deals move there with events")
        void deleteStage() {
            Pipeline p = sales();
            var negotiation = p.stages().get(1);
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs").stage(negotiation.id()));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.empty()))))
                    .containsExactly("pipeline.stage.target_required");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.pipelines().deleteStage(p.id(), p.wonStage().id(), Optional.empty()))))
                    .containsExactly("pipeline.stage.closing");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.of(p.lostStage().id())))))
                    .containsExactly("pipeline.stage.target_invalid");
            Pipeline after = anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.of(p.firstStage().id()));
            assertThat(after.stages()).extracting(s -> s.name()).containsExactly("First contact", "Invoice sent", "Won", "Lost");
            assertThat(anna.deals().get(d.id()).stage()).isEqualTo(p.firstStage().id());
            assertThat(anna.events().of(RecordRef.of(d.id()))).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.STAGE_CHANGED);
                assertThat(e.before()).contains("Negotiation");
                assertThat(e.after()).contains("First contact");
            });
        }
    }

    // ---- contacts --------------------------------------------------------------------------------

    static Stream<Arguments> presetsWithEmptyContact() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), NewContact.named(" "), List.of("contact.name.required")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), NewContact.named("Ivan"),
                        List.of("contact.last_name.required")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), NewContact.person(null, "Petrov"),
                        List.of("contact.first_name.required")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(),
                        NewContact.person("Ivan", "Petrov").phone("+1 212 555 0100").email("ivan@work.test"),
                        List.of("contact.middle_name.required", "contact.mobile_phone.required",
                                "contact.birth_date.required", "contact.private_email.required")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(), NewContact.named("Ivan Petrov"),
                        List.of("contact.middle_name.required", "contact.last_name.required", "contact.phone.required",
                                "contact.mobile_phone.required", "contact.birth_date.required",
                                "contact.private_email.required")));
    }

    static Stream<Arguments> presetsWithValidContact() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), NewContact.named("Ivan")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), NewContact.person("Ivan", "Petrov")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(), NewContact.person("Ivan", "Petrov")
                        .middleName("Sergeevich").phone("8 (903) 123-45-67", PhoneKind.MOBILE)
                        .birthDate(LocalDate.of(1990, 5, 17)).email("ivan.petrov@mail.test", EmailKind.PRIVATE)));
    }

    /** Contacts and companies (CON-1, CON-2, CON-9). */
    @Nested
    @DisplayName("Contacts")
    class Contacts extends WithUsers {

        @ParameterizedTest(name = "{0}: {3}")
        @MethodSource("dev.crmkit.tck.CrmCompatibilityKit#presetsWithEmptyContact")
        @Tag("CON-2")
        @DisplayName("a contact missing what its policy requires is rejected naming every problem; nothing stored")
        void requiredPerPreset(String preset, Policy policy, NewContact form, List<String> expected) {
            CrmSession session = crm(policy).as(annaUser.id());
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> session.contacts().create(form));
            assertThat(codes(e)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(e.violations()).allSatisfy(v -> {
                assertThat(v.messageEn()).isNotBlank();
                assertThat(v.messageRu()).containsPattern("[а-яА-Я]");
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.crmkit.tck.CrmCompatibilityKit#presetsWithValidContact")
        @Tag("CON-2")
        @DisplayName("a contact with what its policy requires is stored with a CREATED event")
        void validPerPreset(String preset, Policy policy, NewContact form) {
            CrmSession session = crm(policy).as(annaUser.id());
            Contact c = session.contacts().create(form);
            assertThat(session.contacts().get(c.id())).isEqualTo(c);
            assertThat(session.events().of(RecordRef.of(c.id()))).extracting(Event::kind).containsExactly(EventKind.CREATED);
        }

        @Test
        @Tag("CON-2")
        @DisplayName("ONLYOFFICE: a company needs a name")
        void companyName() {
            CrmSession session = crm(Policies.onlyOffice()).as(annaUser.id());
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> session.companies().create(NewCompany.named(""))))).containsExactly("company.name.required");
            assertThat(session.companies().create(NewCompany.named("Horns and Hooves")).name()).isEqualTo("Horns and Hooves");
        }

        @Test
        @DisplayName("bad phones, e-mails and currency are reported with their paths, all at once")
        void badValues() {
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> anna.contacts().create(NewContact.person("Ivan", "Petrov").phone("+7 901 776-34-34")
                            .phone("call me").email("ivan@@x.test").email("ok@x.test").currency("RUR1")));
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                    "phones[1] phone.letters", "emails[0] email.invalid", "currency money.currency.unknown");
        }

        @Test
        @Tag("CON-1")
        @DisplayName("a company has many contacts; linking and unlinking write LINKED and UNLINKED events")
        void companyHasContacts() {
            Company horns = anna.companies().create(NewCompany.named("Horns and Hooves").phone("+7 495 123-45-67"));
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov").company(horns.id()));
            Contact petr = anna.contacts().create(NewContact.person("Petr", "Ivanov"));
            anna.contacts().link(petr.id(), horns.id());
            assertThat(anna.contacts().ofCompany(horns.id())).extracting(Contact::id).containsExactly(ivan.id(), petr.id());
            anna.contacts().unlink(ivan.id());
            assertThat(anna.contacts().ofCompany(horns.id())).extracting(Contact::id).containsExactly(petr.id());
            assertThat(anna.events().of(RecordRef.of(ivan.id()))).extracting(Event::kind)
                    .containsExactly(EventKind.CREATED, EventKind.LINKED, EventKind.UNLINKED);
            failsAndChangesNothing(NotFoundException.class, () -> anna.contacts().link(ivan.id(),
                    new dev.crmkit.api.contact.CompanyId(java.util.UUID.randomUUID())));
        }

        @Test
        @Tag("CON-9")
        @DisplayName("contact types and temperature levels are admin-editable lists; contacts carry them and the CON-9 attributes")
        void attributes() {
            ContactType reseller = anna.settings().contactTypes().add("Reseller");
            var hot = anna.settings().temperatureLevels().byName("Hot").orElseThrow();
            Contact c = anna.contacts().create(NewContact.person("Ivan", "Petrov").type(reseller.id())
                    .temperature(hot.id()).tag("vip").currency("rub").photo(java.net.URI.create("https://f.test/i.png"))
                    .link(java.net.URI.create("https://vk.com/ivan")).description("Buys twice a year")
                    .address(new dev.crmkit.api.contact.Address("Tverskaya 1", "Moscow", "", "125009", "RU")));
            assertThat(c.type()).contains(reseller.id());
            assertThat(c.temperature()).contains(hot.id());
            assertThat(c.currency()).contains(java.util.Currency.getInstance("RUB"));
            assertThat(anna.contacts().get(c.id())).isEqualTo(c);
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().temperatureLevels().add("Boiling"));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.settings().contactTypes().remove(reseller.id(), Optional.empty()))))
                    .containsExactly("setting.in_use");
            ContactType client = anna.settings().contactTypes().byName("client").orElseThrow();
            anna.settings().contactTypes().remove(reseller.id(), Optional.of(client.id()));
            assertThat(anna.contacts().get(c.id()).type()).contains(client.id());
            assertThat(anna.settings().contactTypes().list()).extracting(ContactType::name).doesNotContain("Reseller");
        }

        @Test
        @DisplayName("two users save the same contact from the same version: the second save fails and changes nothing")
        void staleContact() {
            Contact c = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            anna.contacts().update(c.id(), c.version(), NewContact.from(c).position("CFO"));
            failsAndChangesNothing(ConflictException.class,
                    () -> boris.contacts().update(c.id(), c.version(), NewContact.from(c).position("CEO")));
            assertThat(anna.contacts().get(c.id()).position()).contains("CFO");
            assertThat(anna.events().of(RecordRef.of(c.id()))).anySatisfy(e -> {
                assertThat(e.field()).contains("position");
                assertThat(e.after()).contains("CFO");
            });
        }

        @Test
        @Tag("CON-1")
        @DisplayName("deleting a company unlinks its contacts, deals and leads, with events")
        void deleteCompany() {
            Pipeline p = sales();
            Company horns = anna.companies().create(NewCompany.named("Horns"));
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov").company(horns.id()));
            Deal d = anna.deals().create(NewDeal.in(p.id()).company(horns.id()));
            dev.crmkit.api.lead.Lead lead = data.aLead("Request", annaUser.id()).toBuilder().company(horns.id()).build();
            committed(tx -> tx.leads().insert(lead));
            anna.companies().delete(horns.id(), horns.version());
            assertThat(anna.contacts().get(ivan.id()).company()).isEmpty();
            assertThat(anna.deals().get(d.id()).company()).isEmpty();
            assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).company()).isEmpty();
            assertThat(anna.events().of(RecordRef.of(lead.id()))).extracting(Event::kind).containsExactly(EventKind.UNLINKED);
        }

        @Test
        @DisplayName("deleting a contact unlinks it from its deals and removes its tasks and timeline, with events")
        void deleteContact() {
            Pipeline p = sales();
            Contact c = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            Deal d = anna.deals().create(NewDeal.in(p.id()).contact(c.id()));
            anna.tasks().create(NewTask.todo("Call").on(RecordRef.of(c.id())).deadline(T0.plusSeconds(60)));
            anna.timeline().comment(RecordRef.of(c.id()), "Met at the fair");
            failsAndChangesNothing(ConflictException.class, () -> anna.contacts().delete(c.id(), 7));
            anna.contacts().delete(c.id(), c.version());
            failsAndChangesNothing(NotFoundException.class, () -> anna.contacts().get(c.id()));
            assertThat(anna.deals().get(d.id()).contacts()).isEmpty();
            assertThat(anna.tasks().of(RecordRef.of(c.id()))).isEmpty();
            assertThat(anna.timeline().of(RecordRef.of(c.id()))).allSatisfy(i ->
                    assertThat(i).isInstanceOf(TimelineItem.Change.class));
            assertThat(anna.events().of(RecordRef.of(d.id()))).extracting(Event::kind).contains(EventKind.UNLINKED);
        }
    }

    // ---- deals -----------------------------------------------------------------------------------

    /** Deals (DEAL-1, DEAL-9). */
    @Nested
    @DisplayName("Deals")
    class Deals extends WithUsers {

        Pipeline p;

        @BeforeEach
        void pipeline() {
            p = sales();
        }

        @Test
        @Tag("DEAL-1")
        @DisplayName("a deal is created in one pipeline, at its first stage unless given, with one responsible user: its creator unless given")
        void create() {
            Contact ivan = boris.contacts().create(NewContact.person("Ivan", "Petrov"));
            Company horns = boris.companies().create(NewCompany.named("Horns"));
            Deal d = boris.deals().create(NewDeal.in(p.id()).name("Office chairs").contact(ivan.id()).company(horns.id())
                    .budget(Money.of("15000.00", "RUB"), BudgetType.PER_MONTH).expectedClose(LocalDate.of(2026, 12, 1))
                    .product("Chair", new BigDecimal("10"), Money.of("1500", "RUB")));
            assertThat(d.pipeline()).isEqualTo(p.id());
            assertThat(d.stage()).isEqualTo(p.firstStage().id());
            assertThat(d.responsible()).isEqualTo(borisUser.id());
            assertThat(d.budget()).contains(new Budget(Money.of("15000", "RUB"), BudgetType.PER_MONTH));
            assertThat(d.products().get(0).total()).isEqualTo(Money.of("15000", "RUB"));
            assertThat(boris.deals().get(d.id())).isEqualTo(d);
            Deal assigned = anna.deals().create(NewDeal.in(p.id()).stage(p.stages().get(1).id()).responsible(borisUser.id()));
            assertThat(assigned.responsible()).isEqualTo(borisUser.id());
            assertThat(assigned.stage()).isEqualTo(p.stages().get(1).id());
            assertThat(assigned.name()).startsWith("Deal ");
        }

        @Test
        @Tag("DEAL-1")
        @DisplayName("a deal's bad input is reported all at once; an unknown pipeline is NotFoundException")
        void badDeal() {
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> anna.deals().create(NewDeal.in(p.id()).stage(p.wonStage().id())
                            .contact(new dev.crmkit.api.contact.ContactId(java.util.UUID.randomUUID()))
                            .budget(Money.of("-5", "RUB"))));
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                    "stage deal.stage.closed", "contacts[0] deal.contact.unknown", "budget budget.negative");
            failsAndChangesNothing(NotFoundException.class, () -> anna.deals().create(NewDeal.in(
                    new dev.crmkit.api.deal.PipelineId(java.util.UUID.randomUUID()))));
            failsAndChangesNothing(NotFoundException.class, () -> anna.deals().move(
                    new dev.crmkit.api.deal.DealId(java.util.UUID.randomUUID()), p.firstStage().id()));
        }

        @Test
        @Tag("DEAL-1")
        @DisplayName("moving to a stage of another pipeline, or an unknown stage, is a typed error; nothing changes")
        void foreignStage() {
            Pipeline other = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.deals().move(d.id(), other.firstStage().id())))).containsExactly("deal.stage.foreign");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.deals().move(d.id(), new dev.crmkit.api.deal.StageId(java.util.UUID.randomUUID())))))
                    .containsExactly("deal.stage.unknown");
            Deal moved = anna.deals().moveToPipeline(d.id(), other.id(), Optional.empty());
            assertThat(moved.pipeline()).isEqualTo(other.id());
            assertThat(moved.stage()).isEqualTo(other.firstStage().id());
        }

        @Test
        @Tag("DEAL-1")
        @DisplayName("moving through stages records STAGE_CHANGED events with the stage names")
        void move() {
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            clock.advance(Duration.ofHours(1));
            Deal moved = anna.deals().move(d.id(), p.stages().get(1).id());
            assertThat(moved.stage()).isEqualTo(p.stages().get(1).id());
            assertThat(moved.stageEntered()).isEqualTo(T0.plusSeconds(3600));
            assertThat(moved.version()).isEqualTo(d.version() + 1);
            Event e = anna.events().query(EventQuery.all().entity(RecordRef.of(d.id())).kinds(EventKind.STAGE_CHANGED),
                    PageRequest.first(5)).items().get(0);
            assertThat(e.before()).contains("First contact");
            assertThat(e.after()).contains("Negotiation");
            assertThat(e.author()).contains(annaUser.id());
            assertThat(e.at()).isEqualTo(T0.plusSeconds(3600));
        }

        @Test
        @Tag("DEAL-9")
        @DisplayName("closing as Lost needs a reason from the admin list; Won needs none")
        void closing() {
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.deals().move(d.id(), p.lostStage().id())))).containsExactly("deal.loss_reason.required");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.deals().lose(d.id(), new dev.crmkit.api.settings.LossReasonId(java.util.UUID.randomUUID())))))
                    .containsExactly("deal.loss_reason.unknown");
            Deal lost = anna.deals().lose(d.id(), reason("Too expensive").id());
            assertThat(lost.stage()).isEqualTo(p.lostStage().id());
            assertThat(lost.lossReason()).contains(reason("Too expensive").id());
            assertThat(lost.closed()).contains(T0);
            Deal w = anna.deals().win(anna.deals().create(NewDeal.in(p.id()).name("Tables")).id());
            assertThat(w.stage()).isEqualTo(p.wonStage().id());
            assertThat(w.lossReason()).isEmpty();
            assertThat(anna.events().of(RecordRef.of(d.id()))).extracting(Event::kind)
                    .contains(EventKind.STAGE_CHANGED, EventKind.CLOSED, EventKind.FIELD_CHANGED);
        }

        @Test
        @Tag("DEAL-9")
        @DisplayName("amoCRM preset: anyone may re-open a closed deal; it loses its close date and reason")
        void reopenAmo() {
            Deal lost = boris.deals().lose(boris.deals().create(NewDeal.in(p.id())).id(), reason("Too expensive").id());
            Deal reopened = boris.deals().move(lost.id(), p.firstStage().id());
            assertThat(reopened.closed()).isEmpty();
            assertThat(reopened.lossReason()).isEmpty();
            assertThat(boris.events().of(RecordRef.of(lost.id()))).extracting(Event::kind).contains(EventKind.REOPENED);
        }

        @Test
        @Tag("DEAL-9")
        @DisplayName("Bitrix24 preset: only admins re-open; a custom policy can forbid re-opening")
        void reopenByPolicy() {
            CrmSession bBoris = crm(Policies.bitrix24SalesDepartment()).as(borisUser.id());
            CrmSession bAnna = crm(Policies.bitrix24SalesDepartment()).as(annaUser.id());
            Deal won = bBoris.deals().win(bBoris.deals().create(NewDeal.in(p.id())).id());
            failsAndChangesNothing(AccessDeniedException.class, () -> bBoris.deals().move(won.id(), p.firstStage().id()));
            assertThat(bAnna.deals().move(won.id(), p.firstStage().id()).closed()).isEmpty();
            CrmSession strict = crm(Policy.builder(Policies.amoCrm()).reopen(ReopenRule.NEVER).build()).as(annaUser.id());
            Deal closed = strict.deals().win(strict.deals().create(NewDeal.in(p.id())).id());
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> strict.deals().move(closed.id(), p.firstStage().id())))).containsExactly("deal.reopen.forbidden");
        }

        @Test
        @DisplayName("two users update the same deal from the same version: the second fails with a conflict")
        void staleDeal() {
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            anna.deals().update(d.id(), d.version(), DealUpdate.create().name("Office chairs")
                    .budget(Optional.of(Budget.fixed(Money.of("100", "RUB")))));
            failsAndChangesNothing(ConflictException.class,
                    () -> boris.deals().update(d.id(), d.version(), DealUpdate.create().name("Garden chairs")));
            Deal stored = anna.deals().get(d.id());
            assertThat(stored.name()).isEqualTo("Office chairs");
            assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.FIELD_CHANGED)
                    .extracting(e -> e.field().orElseThrow()).containsExactly("name", "budget");
        }

        @Test
        @Tag("DEAL-1")
        @DisplayName("handing a deal to another user writes RESPONSIBLE_CHANGED; an inactive user cannot take it")
        void responsible() {
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            Deal handed = anna.deals().update(d.id(), d.version(), DealUpdate.create().responsible(borisUser.id()));
            assertThat(handed.responsible()).isEqualTo(borisUser.id());
            User carl = anna.users().add(NewUser.named("Carl"));
            anna.users().deactivate(carl.id(), annaUser.id());
            assertThat(codes(failsAndChangesNothing(ValidationException.class, () -> anna.deals().update(d.id(),
                    handed.version(), DealUpdate.create().responsible(carl.id()))))).containsExactly("deal.responsible.inactive");
        }

        @Test
        @DisplayName("deals are filtered, sorted and paged through the facade")
        void query() {
            for (int i = 1; i <= 5; i++) {
                anna.deals().create(NewDeal.in(p.id()).name("D" + i).budget(Money.of(i * 100 + "", "RUB")));
            }
            Slice<Deal> page = anna.deals().query(DealFields.BUDGET_AMOUNT.ge(new BigDecimal("300")),
                    Sort.byDescending(DealFields.BUDGET_AMOUNT), PageRequest.first(2));
            assertThat(page.items()).extracting(Deal::name).containsExactly("D5", "D4");
            assertThat(anna.deals().query(DealFields.BUDGET_AMOUNT.ge(new BigDecimal("300")),
                    Sort.byDescending(DealFields.BUDGET_AMOUNT), PageRequest.first(2).next(page)).items())
                    .extracting(Deal::name).containsExactly("D3");
        }
    }

    // ---- tasks -----------------------------------------------------------------------------------

    /** Tasks (TASK-1, TASK-2). */
    @Nested
    @DisplayName("Tasks")
    class Tasks extends WithUsers {

        @Test
        @Tag("TASK-1")
        @DisplayName("a task defaults to the first type (Call), its creator as assignee and a reminder a day before")
        void defaults() {
            Pipeline p = sales();
            Deal d = boris.deals().create(NewDeal.in(p.id()).name("Chairs"));
            Task t = boris.tasks().create(NewTask.todo("Call about the delivery").on(RecordRef.of(d.id()))
                    .deadline(T0.plus(Duration.ofDays(2))));
            assertThat(t.assignee()).isEqualTo(borisUser.id());
            assertThat(t.author()).isEqualTo(borisUser.id());
            assertThat(t.reminder()).isEqualTo(Reminder.DAY_BEFORE);
            assertThat(t.type()).isEqualTo(anna.settings().taskTypes().byName("Call").orElseThrow().id());
            assertThat(t.notifyAssignee()).isTrue();
            assertThat(t.isOpen()).isTrue();
            assertThat(boris.tasks().of(RecordRef.of(d.id()))).containsExactly(t);
            Task meeting = anna.tasks().create(NewTask.todo("Meet").on(RecordRef.of(d.id())).deadline(T0.plusSeconds(60))
                    .type(anna.settings().taskTypes().byName("Meeting").orElseThrow().id()).assignee(borisUser.id())
                    .reminder(Reminder.FIFTEEN_MINUTES_BEFORE).notifyAssignee(false));
            assertThat(meeting.assignee()).isEqualTo(borisUser.id());
            assertThat(meeting.author()).isEqualTo(annaUser.id());
            assertThat(meeting.reminder().before()).contains(Duration.ofMinutes(15));
        }

        @Test
        @Tag("TASK-1")
        @DisplayName("a task's bad input is reported all at once; a task on a missing record is NotFoundException")
        void badTask() {
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> anna.tasks().create(NewTask.todo(" ")));
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                    "text task.text.blank", "deadline task.deadline.required", "owner task.owner.required");
            failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().create(NewTask.todo("x")
                    .on(new RecordRef(EntityType.DEAL, java.util.UUID.randomUUID())).deadline(T0)));
        }

        @Test
        @Tag("TASK-1")
        @DisplayName("a task is closed with a result, and a result can be added after closing")
        void close() {
            Contact c = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            Task t = anna.tasks().create(NewTask.todo("Call").on(RecordRef.of(c.id())).deadline(T0.plusSeconds(60)));
            Task closed = anna.tasks().close(t.id(), Optional.empty());
            assertThat(closed.isOpen()).isFalse();
            assertThat(closed.result()).isEmpty();
            assertThat(anna.tasks().setResult(t.id(), "Agreed on Friday").result()).contains("Agreed on Friday");
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.tasks().close(t.id(), Optional.of("again"))))).containsExactly("task.closed");
        }

        @Test
        @Tag("TASK-2")
        @DisplayName("one task is created for many contacts at once, one each, in one transaction")
        void many() {
            Contact a = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            Contact b = anna.contacts().create(NewContact.person("Petr", "Ivanov"));
            List<Task> tasks = anna.tasks().createForContacts(NewTask.todo("Invite to the fair").deadline(T0.plusSeconds(600)),
                    List.of(a.id(), b.id()));
            assertThat(tasks).extracting(Task::owner).containsExactly(RecordRef.of(a.id()), RecordRef.of(b.id()));
            assertThat(anna.tasks().of(RecordRef.of(a.id()))).hasSize(1);
            failsAndChangesNothing(NotFoundException.class, () -> anna.tasks().createForContacts(
                    NewTask.todo("x").deadline(T0), List.of(a.id(), new dev.crmkit.api.contact.ContactId(java.util.UUID.randomUUID()))));
        }

        @Test
        @Tag("TASK-1")
        @DisplayName("task types are admin-managed; removing a type in use needs a replacement")
        void taskTypes() {
            Contact c = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            TaskType visit = anna.settings().taskTypes().add("Visit");
            Task t = anna.tasks().create(NewTask.todo("Visit the office").type(visit.id()).on(RecordRef.of(c.id()))
                    .deadline(T0.plusSeconds(60)));
            assertThat(codes(failsAndChangesNothing(RuleViolationException.class,
                    () -> anna.settings().taskTypes().remove(visit.id(), Optional.empty())))).containsExactly("setting.in_use");
            TaskType meeting = anna.settings().taskTypes().byName("Meeting").orElseThrow();
            anna.settings().taskTypes().remove(visit.id(), Optional.of(meeting.id()));
            assertThat(anna.tasks().get(t.id()).type()).isEqualTo(meeting.id());
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.settings().taskTypes().add("meeting")))).containsExactly("setting.name.taken");
        }
    }

    // ---- timeline --------------------------------------------------------------------------------

    /** The timeline (ACT-1, ACT-2). */
    @Nested
    @DisplayName("Timeline")
    class Timeline extends WithUsers {

        @Test
        @Tag("ACT-1")
        @DisplayName("a record's timeline holds comments, calls, messages and its stage changes, each with author and time")
        void timeline() {
            Pipeline p = sales();
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            RecordRef ref = RecordRef.of(d.id());
            clock.advance(Duration.ofMinutes(5));
            Comment c = boris.timeline().comment(ref, "Discussed delivery on the 15th");
            clock.advance(Duration.ofMinutes(5));
            anna.deals().move(d.id(), p.stages().get(1).id());
            clock.advance(Duration.ofMinutes(5));
            Message m = anna.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.INBOUND,
                    "ivan@client.test", "sales@crmkit.test").subject("Re: offer").body("We agree"));
            List<TimelineItem> items = anna.timeline().of(ref);
            assertThat(items).extracting(i -> i instanceof TimelineItem.Entry
                    ? ((TimelineItem.Entry) i).entry().getClass().getSimpleName()
                    : ((TimelineItem.Change) i).event().kind().name())
                    .containsExactly("CREATED", "Comment", "STAGE_CHANGED", "Message");
            assertThat(c.author()).isEqualTo(borisUser.id());
            assertThat(c.at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(m.direction()).isEqualTo(Direction.INBOUND);
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.timeline().comment(ref, "  ")))).containsExactly("timeline.comment.blank");
        }

        @Test
        @Tag("ACT-2")
        @DisplayName("a call keeps direction, numbers, start, duration, answer, operator, recording, cost and call id")
        void call() {
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            Call call = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+7 901 776-34-34",
                    "+7 495 123-45-67", T0).answered(Duration.ofSeconds(95)).operator(borisUser.id())
                    .recording(java.net.URI.create("https://rec.test/1.mp3")).cost(Money.of("3.50", "RUB"))
                    .reportedBy("mango", "c-1"));
            assertThat(call.direction()).isEqualTo(Direction.INBOUND);
            assertThat(call.fromNumber()).isEqualTo("+7 901 776-34-34");
            assertThat(call.duration()).isEqualTo(Duration.ofSeconds(95));
            assertThat(call.connected()).isTrue();
            assertThat(call.operator()).contains(borisUser.id());
            assertThat(call.cost()).contains(Money.of("3.5", "RUB"));
            assertThat(call.callId()).contains("c-1");
            Call missed = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.outbound("+7 495 123-45-67",
                    "+7 901 776-34-34", T0.plusSeconds(60)));
            assertThat(missed.connected()).isFalse();
        }

        @Test
        @Tag("ACT-2")
        @DisplayName("a call id from a telephony integration is stored once, however often it is reported")
        void callOnce() {
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            NewCall report = NewCall.inbound("+79017763434", "+74951234567", T0).answered(Duration.ofSeconds(30))
                    .reportedBy("mango", "c-9");
            Call first = anna.timeline().logCall(RecordRef.of(ivan.id()), report);
            long events = anna.events().after(0, 10_000).size();
            Call again = boris.timeline().logCall(RecordRef.of(ivan.id()), report);
            assertThat(again).isEqualTo(first);
            assertThat(anna.timeline().of(RecordRef.of(ivan.id()))).filteredOn(i -> i instanceof TimelineItem.Entry).hasSize(1);
            assertThat(anna.events().after(0, 10_000)).hasSize((int) events);
        }
    }

    /** Calls reported by more than one telephony integration (ACT-2). */
    @Nested
    @DisplayName("Calls from two integrations")
    class TwoIntegrations extends WithUsers {

        @Test
        @Tag("ACT-2")
        @DisplayName("the same call reported by two integrations is logged once; amoCRM would log it twice, crmkit doesn't")
        void sameCallOnce() {
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov"));
            Pipeline p = sales();
            Deal d = anna.deals().create(NewDeal.in(p.id()).contact(ivan.id()));
            Call first = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+7 (901) 776-34-34",
                    "+7 495 123-45-67", T0).answered(Duration.ofSeconds(30)).reportedBy("mango", "m-1"));
            Call second = boris.timeline().logCall(RecordRef.of(d.id()), NewCall.inbound("89017763434", "74951234567",
                    T0.plusSeconds(20)).answered(Duration.ofSeconds(29)).reportedBy("zadarma", "z-77"));
            assertThat(second).isEqualTo(first);
            Call redial = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+79017763434",
                    "+74951234567", T0.plusSeconds(40)).reportedBy("mango", "m-2"));
            assertThat(redial).isNotEqualTo(first);
            Call later = boris.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+79017763434",
                    "+74951234567", T0.plusSeconds(200)).reportedBy("zadarma", "z-78"));
            assertThat(later).isNotEqualTo(first);
            assertThat(anna.timeline().of(RecordRef.of(ivan.id()))).filteredOn(i -> i instanceof TimelineItem.Entry)
                    .hasSize(3);
            assertThat(anna.timeline().of(RecordRef.of(d.id()))).filteredOn(i -> i instanceof TimelineItem.Entry).isEmpty();
        }
    }

    /** The facade is shared by threads. */
    @Nested
    @DisplayName("Facade under concurrency")
    class Concurrency extends WithUsers {

        @Test
        @DisplayName("sessions on many threads create deals at once: every deal and event is stored once")
        void parallelCreates() throws Exception {
            Pipeline p = sales();
            long eventsBefore = anna.events().after(0, 100_000).size();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<Deal>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                CrmSession session = t % 2 == 0 ? anna : boris;
                int thread = t;
                futures.add(inThread(() -> {
                    await(start);
                    List<Deal> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(session.deals().create(NewDeal.in(p.id()).name("T" + thread + "-" + i)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Deal> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(await(f));
            }
            assertThat(all).extracting(Deal::id).doesNotHaveDuplicates().hasSize(200);
            List<Event> events = anna.events().after(0, 100_000);
            assertThat(events).hasSize((int) eventsBefore + 200);
            assertThat(events).extracting(Event::sequence).doesNotHaveDuplicates().isSorted();
        }

        @Test
        @DisplayName("two sessions update the same deal from the same version at once: one wins, the other gets a conflict")
        void parallelUpdates() throws Exception {
            Pipeline p = sales();
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> futures = new ArrayList<>();
            for (CrmSession session : List.of(anna, boris)) {
                futures.add(inThread(() -> {
                    await(start);
                    try {
                        return session.deals().update(d.id(), d.version(), DealUpdate.create()
                                .name(session == anna ? "Anna's" : "Boris's"));
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (var f : futures) {
                results.add(await(f));
            }
            assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(1);
            Deal winner = (Deal) results.stream().filter(r -> r instanceof Deal).findFirst().orElseThrow();
            assertThat(anna.deals().get(d.id())).isEqualTo(winner);
            assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.FIELD_CHANGED)
                    .hasSize(1);
        }
    }

    // ---- duplicates ------------------------------------------------------------------------------

    static NewContact bitrixPerson(String first, String phone, LocalDate birth, String email) {
        return NewContact.person(first, "Petrov").middleName("Sergeevich").phone(phone, PhoneKind.MOBILE)
                .birthDate(birth).email(email, EmailKind.PRIVATE);
    }

    static Stream<Arguments> racingPeople() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), NewContact.named("Ivan").phone("+7 901 776-34-34")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), NewContact.person("Ivan", "Petrov").email("ivan@client.test")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(),
                        bitrixPerson("Ivan", "+7 901 776-34-34", LocalDate.of(1990, 5, 17), "ivan@mail.test")));
    }

    /** Duplicates (CON-3, CON-4, CON-5). */
    @Nested
    @DisplayName("Duplicates")
    class DuplicateContacts extends WithUsers {

        @Test
        @Tag("CON-5")
        @Tag("CON-4")
        @DisplayName("amoCRM: the same phone in another spelling, or the same e-mail, is a duplicate naming the existing contact")
        void amo() {
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", "Petrov").phone("+7 (901) 776-34-34")
                    .email("ivan@client.test"));
            dev.crmkit.api.DuplicateException byPhone = failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> boris.contacts().create(NewContact.named("I. Petrov").phone("8 901 776 34 34 доб. 5")));
            assertThat(byPhone.matches()).singleElement().satisfies(m -> {
                assertThat(m.record()).isEqualTo(RecordRef.of(ivan.id()));
                assertThat(m.name()).isEqualTo("Ivan Petrov");
                assertThat(m.fields()).containsExactly(dev.crmkit.api.contact.MatchField.PHONE);
                assertThat(m.score()).isEqualByComparingTo("0.5");
            });
            assertThat(failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> boris.contacts().create(NewContact.named("Vanya").email(" IVAN@Client.test"))).matches())
                    .extracting(m -> m.fields()).containsExactly(java.util.Set.of(dev.crmkit.api.contact.MatchField.EMAIL));
            assertThat(anna.contacts().findDuplicates(NewContact.named("x").phone("9017763434").email("ivan@client.test")))
                    .singleElement().satisfies(m -> assertThat(m.score()).isEqualByComparingTo("1"));
            assertThat(anna.contacts().findDuplicates(NewContact.named("Ivan Petrov").phone("+7 901 776-34-35"))).isEmpty();
            Contact anyway = boris.contacts().create(NewContact.named("Ivan (second card)").phone("89017763434").createAnyway());
            assertThat(anna.contacts().get(anyway.id())).isEqualTo(anyway);
        }

        @Test
        @Tag("CON-5")
        @DisplayName("Bitrix24: two or more of full name, phone and birth date make a duplicate, never created anyway")
        void bitrix() {
            CrmSession b = crm(Policies.bitrix24SalesDepartment()).as(annaUser.id());
            LocalDate birth = LocalDate.of(1990, 5, 17);
            Contact ivan = b.contacts().create(bitrixPerson("Ivan", "+7 901 776-34-34", birth, "ivan@mail.test"));
            dev.crmkit.api.DuplicateException e = failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> b.contacts().create(bitrixPerson("ИВАН", "+7 903 000-00-00", birth, "other@mail.test")
                            .firstName("Ivan").createAnyway()));
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
        }

        @Test
        @Tag("CON-5")
        @DisplayName("ONLYOFFICE: the same e-mail or phone is a duplicate")
        void onlyOffice() {
            CrmSession o = crm(Policies.onlyOffice()).as(annaUser.id());
            o.contacts().create(NewContact.person("Ivan", "Petrov").email("ivan@client.test").phone("+7 901 776-34-34"));
            failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> o.contacts().create(NewContact.person("Petr", "Ivanov").email("IVAN@client.test")));
            failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> o.contacts().create(NewContact.person("Petr", "Ivanov").phone("9017763434")));
        }

        @Test
        @Tag("CON-5")
        @DisplayName("companies: the same normalized name plus a phone or e-mail is a duplicate; the name alone is not")
        void companies() {
            Company horns = anna.companies().create(NewCompany.named("Рога и Копыта").phone("+7 495 123-45-67"));
            assertThat(failsAndChangesNothing(dev.crmkit.api.DuplicateException.class,
                    () -> anna.companies().create(NewCompany.named("  рога  и копыта ").phone("8 495 123 45 67")))
                    .matches()).extracting(m -> m.record()).containsExactly(RecordRef.of(horns.id()));
            assertThat(anna.companies().create(NewCompany.named("Рога и Копыта").phone("+7 812 000-00-00")).name())
                    .isEqualTo("Рога и Копыта");
        }

        @Test
        @Tag("CON-5")
        @DisplayName("updating into a duplicate is rejected; updating other fields of a known duplicate is not")
        void updates() {
            Contact ivan = anna.contacts().create(NewContact.named("Ivan").phone("+7 901 776-34-34"));
            Contact petr = anna.contacts().create(NewContact.named("Petr").phone("+7 903 000-00-00"));
            failsAndChangesNothing(dev.crmkit.api.DuplicateException.class, () -> anna.contacts().update(petr.id(),
                    petr.version(), NewContact.from(petr).clearPhones().phone("89017763434")));
            Contact twin = anna.contacts().create(NewContact.named("Ivan twin").phone("9017763434").createAnyway());
            Contact renamed = anna.contacts().update(twin.id(), twin.version(), NewContact.from(twin).position("CFO"));
            assertThat(renamed.position()).contains("CFO");
            assertThat(ivan.id()).isNotEqualTo(twin.id());
        }

        @Test
        @Tag("CON-5")
        @DisplayName("a policy can turn duplicate detection off for trusted bulk loads")
        void detectionOff() {
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
        void ownEmails() {
            CrmSession own = crm(Policy.builder(Policies.amoCrm()).ownDomains(java.util.Set.of("Horns.Example")).build())
                    .as(annaUser.id());
            ValidationException e = failsAndChangesNothing(ValidationException.class,
                    () -> own.contacts().create(NewContact.named("Ivan").email("ivan@client.test")
                            .email("sales@HORNS.example").email("Boris@crmkit.test")));
            assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactly(
                    "emails[1] client.email.own_domain", "emails[2] client.email.own_user");
            assertThat(own.contacts().create(NewContact.named("Ivan").email("ivan@client.test")).emails()).hasSize(1);
        }

        @Test
        @Tag("CON-6")
        @DisplayName("merge: survivor wins unless empty, phones/e-mails/tags united, deals, leads, tasks and timeline move, one MERGED event")
        void merge() {
            Pipeline p = sales();
            Contact ivan = anna.contacts().create(NewContact.person("Ivan", null).phone("+7 901 776-34-34").tag("vip")
                    .email("ivan@client.test"));
            Contact card = anna.contacts().create(NewContact.person("Ivan", "Petrov").phone("8 901 776 34 34")
                    .phone("+7 495 000-00-00").email("IVAN@client.test").email("petrov@home.test").tag("moscow")
                    .position("CFO").birthDate(LocalDate.of(1985, 4, 12)).createAnyway());
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs").contact(card.id()).contact(ivan.id()));
            Task t = anna.tasks().create(NewTask.todo("Call").on(RecordRef.of(card.id())).deadline(T0.plusSeconds(60)));
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
            assertThat(result.phones()).extracting(ph -> ph.number().raw()).containsExactly("+7 901 776-34-34",
                    "8 901 776 34 34", "+7 495 000-00-00");
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
                    assertThat(i).isEqualTo(new TimelineItem.Entry(storage.inTransaction((Transaction tx) ->
                            tx.timeline().get(c.id())))));
            assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).contact()).contains(ivan.id());
            assertThat(anna.events().of(RecordRef.of(ivan.id()))).filteredOn(e -> e.kind() == EventKind.MERGED)
                    .singleElement().satisfies(e -> assertThat(e.after().orElseThrow()).contains("Ivan Petrov")
                            .contains(card.id().toString()));
        }

        @Test
        @Tag("CON-6")
        @DisplayName("merge: a contact changed since the preview fails with a conflict and nothing changes")
        void staleMerge() {
            Contact a = anna.contacts().create(NewContact.named("Ivan").phone("+7 901 776-34-34"));
            Contact b = anna.contacts().create(NewContact.named("Ivan P.").phone("89017763434").createAnyway());
            dev.crmkit.core.contact.MergePreview preview = anna.contacts().previewMerge(a.id(), List.of(b.id()));
            anna.contacts().update(b.id(), b.version(), NewContact.from(b).position("CEO"));
            failsAndChangesNothing(ConflictException.class, () -> anna.contacts().merge(preview));
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.contacts().previewMerge(a.id(), List.of(a.id()))))).containsExactly("merge.survivor.included");
            assertThat(codes(failsAndChangesNothing(ValidationException.class,
                    () -> anna.contacts().previewMerge(a.id(), List.of())))).containsExactly("merge.others.none");
        }

        @Test
        @Tag("CON-5")
        @DisplayName("a scan groups existing duplicates into transitive clusters with the reasons, writing nothing")
        void scan() {
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

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.crmkit.tck.CrmCompatibilityKit#racingPeople")
        @Tag("CON-5")
        @DisplayName("two threads creating the same person at once end with exactly one contact; the other gets DuplicateException")
        void race(String preset, Policy policy, NewContact person) throws Exception {
            CrmSession session = crm(policy).as(annaUser.id());
            CrmSession other = crm(policy).as(borisUser.id());
            for (int round = 0; round < 5; round++) {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
                for (CrmSession s : List.of(session, other)) {
                    results.add(inThread(() -> {
                        await(start);
                        try {
                            return s.contacts().create(person);
                        } catch (dev.crmkit.api.DuplicateException e) {
                            return e;
                        }
                    }));
                }
                start.countDown();
                List<Object> outcomes = new ArrayList<>();
                for (var f : results) {
                    outcomes.add(await(f));
                }
                assertThat(outcomes).filteredOn(o -> o instanceof Contact).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof dev.crmkit.api.DuplicateException).hasSize(1);
                Contact winner = (Contact) outcomes.stream().filter(o -> o instanceof Contact).findFirst().orElseThrow();
                assertThat(session.contacts().query(dev.crmkit.api.query.ContactFields.NAME.eq(winner.name().full()),
                        Sort.byId(), PageRequest.first(10)).items()).containsExactly(winner);
                session.contacts().delete(winner.id(), winner.version());
            }
        }
    }

    // ---- events ----------------------------------------------------------------------------------

    /** The event log (EV-1, EV-2). */
    @Nested
    @DisplayName("Event log")
    class EventLog extends WithUsers {

        @Test
        @Tag("EV-1")
        @DisplayName("every write appends its events with time, author, entity, kind, field, before and after")
        void everyWrite() {
            Pipeline p = sales();
            clock.advance(Duration.ofMinutes(1));
            Deal d = boris.deals().create(NewDeal.in(p.id()).name("Chairs").budget(Money.of("100", "RUB")));
            clock.advance(Duration.ofMinutes(1));
            boris.deals().update(d.id(), d.version(), DealUpdate.create().budget(Optional.of(Budget.fixed(Money.of("250", "RUB")))));
            List<Event> events = boris.events().of(RecordRef.of(d.id()));
            assertThat(events).hasSize(2);
            Event created = events.get(0);
            assertThat(created.kind()).isEqualTo(EventKind.CREATED);
            assertThat(created.author()).contains(borisUser.id());
            assertThat(created.entityName()).isEqualTo("Chairs");
            assertThat(created.at()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            Event changed = events.get(1);
            assertThat(changed.kind()).isEqualTo(EventKind.FIELD_CHANGED);
            assertThat(changed.field()).contains("budget");
            assertThat(changed.before()).contains("100.00 RUB");
            assertThat(changed.after()).contains("250.00 RUB");
            assertThat(changed.sequence()).isGreaterThan(created.sequence());
        }

        @Test
        @Tag("EV-1")
        @DisplayName("a failed operation leaves no event")
        void failedLeavesNone() {
            Pipeline p = sales();
            Deal d = anna.deals().create(NewDeal.in(p.id()).name("Chairs"));
            failsAndChangesNothing(RuleViolationException.class, () -> anna.deals().move(d.id(), p.lostStage().id()));
            failsAndChangesNothing(ValidationException.class, () -> anna.contacts().create(NewContact.named("")));
            failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().lossReasons().add("Weather"));
        }

        @Test
        @Tag("EV-2")
        @DisplayName("events are filtered by period, author, entity type and kind, and paged")
        void filter() {
            Pipeline p = sales();
            Instant start = clock.advance(Duration.ofHours(1));
            Deal a = anna.deals().create(NewDeal.in(p.id()).name("A"));
            Deal b = boris.deals().create(NewDeal.in(p.id()).name("B"));
            Deal c = boris.deals().create(NewDeal.in(p.id()).name("C"));
            boris.contacts().create(NewContact.named("Ivan"));
            clock.advance(Duration.ofHours(1));
            boris.deals().move(b.id(), p.stages().get(1).id());
            Instant end = clock.advance(Duration.ofHours(1));
            anna.deals().move(a.id(), p.stages().get(1).id());
            EventQuery q = EventQuery.all().between(start, end).author(borisUser.id()).entityType(EntityType.DEAL);
            Slice<Event> first = anna.events().query(q, PageRequest.first(2));
            assertThat(first.items()).extracting(Event::entityName).containsExactly("B", "C");
            Slice<Event> second = anna.events().query(q, PageRequest.first(2).next(first));
            assertThat(second.items()).extracting(Event::entityName).containsExactly("B");
            assertThat(second.hasNext()).isFalse();
            assertThat(anna.events().query(EventQuery.all().kinds(EventKind.STAGE_CHANGED), PageRequest.first(10)).items())
                    .extracting(Event::entityName).containsExactly("B", "A");
            assertThat(c.name()).isEqualTo("C");
        }

        @Test
        @Tag("EV-2")
        @DisplayName("events after N work as a change feed: polling never misses or repeats an event")
        void changeFeed() {
            long seen = anna.events().after(0, 10_000).stream().mapToLong(Event::sequence).max().orElse(0);
            Pipeline p = sales();
            anna.deals().create(NewDeal.in(p.id()).name("A"));
            List<Event> batch = anna.events().after(seen, 1);
            assertThat(batch).hasSize(1);
            assertThat(batch.get(0).sequence()).isEqualTo(seen + 1);
            List<Event> rest = anna.events().after(batch.get(0).sequence(), 100);
            assertThat(rest).extracting(Event::entityName).containsExactly("A");
            assertThat(anna.events().after(rest.get(rest.size() - 1).sequence(), 100)).isEmpty();
        }
    }
}
