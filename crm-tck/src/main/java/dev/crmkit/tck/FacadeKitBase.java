package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the groups of facade tests start from: a test clock, a {@code Crm} on the storage under test with
 * an admin (Anna) and a manager (Boris), a sales pipeline, and checks that a failed call changed nothing.
 */
abstract class FacadeKitBase extends StorageKitBase {

    /** The instant the test clock starts at: Monday 2 November 2026, 09:00 UTC. */
    protected static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** The test clock; move it with {@link MutableClock#advance(Duration)}. */
    protected MutableClock clock;
    /** The CRM under test, with the {@link #policy()}. */
    protected Crm crm;
    /** The first administrator. */
    protected User annaUser;
    /** An ordinary user. */
    protected User borisUser;
    /** Anna's session. */
    protected CrmSession anna;
    /** Boris's session. */
    protected CrmSession boris;
    /** See {@link #sales()}. */
    private Pipeline sales;

    /** For the kit's groups. */
    FacadeKitBase() {
    }

    /**
     * The policy of {@link #crm}; amoCRM unless a group says otherwise.
     *
     * @return the policy
     */
    protected Policy policy() {
        return Policies.amoCrm();
    }

    /** Starts the clock and sets up the CRM with Anna and Boris. */
    @BeforeEach
    void users() {
        clock = new MutableClock(T0);
        crm = crm(policy());
        annaUser = crm.bootstrap(UserForm.named("Anna Admin").email("anna@crmkit.test"));
        anna = crm.as(annaUser.id());
        borisUser = anna.users().add(UserForm.named("Boris Manager").email("boris@crmkit.test"));
        boris = crm.as(borisUser.id());
    }

    /**
     * Another CRM on the same storage and clock, with another policy.
     *
     * @param policy the policy
     * @return the CRM
     */
    protected Crm crm(Policy policy) {
        return crm(storage, policy);
    }

    /**
     * Another CRM on the same clock, with another policy, on another storage: a wrapper of the test's, say.
     *
     * @param on the storage
     * @param policy the policy
     * @return the CRM
     */
    protected Crm crm(Storage on, Policy policy) {
        return Crm.builder().storage(on).policy(policy).clock(clock).build();
    }

    /**
     * The test's Sales pipeline (First contact, Negotiation, Invoice sent), created by Anna on first use.
     * It is the value as created: after a change of it, read it again.
     */
    Pipeline sales() {
        if (sales == null) {
            sales = anna.pipelines().create(NewPipeline.named("Sales").stage("First contact", 10)
                    .stage("Negotiation", 50).stage("Invoice sent", 80));
        }
        return sales;
    }

    /** A deal named Chairs in the {@linkplain #sales() Sales pipeline}, created by {@code by}. */
    Deal chairs(CrmSession by) {
        return by.deals().create(DealForm.in(sales().id()).name("Chairs"));
    }

    ListItem<LossReasonId> reason(String name) {
        return anna.settings().lossReasons().byName(name).orElseThrow();
    }

    /** Everything stored, for checking that a failed operation changed nothing. */
    record Snapshot(List<Object> records, long lastEvent) {
    }

    Snapshot snapshot() {
        return storage.inTransaction((Transaction tx) -> {
            List<Object> all = new ArrayList<>();
            List<Supplier<Stream<?>>> tables = new ArrayList<>(List.of(() -> tx.users().streamAll(),
                    () -> tx.contacts().streamAll(), () -> tx.companies().streamAll(), () -> tx.leads().streamAll(),
                    () -> tx.pipelines().streamAll(), () -> tx.deals().streamAll(), () -> tx.tasks().streamAll(),
                    () -> tx.timeline().streamAll(), () -> tx.customFields().streamAll(),
                    () -> tx.stageTransitions().streamAll(), () -> tx.salesGoals().streamAll(),
                    () -> tx.rateTables().streamAll(), () -> tx.importTemplates().streamAll()));
            for (ListKind<?> kind : ListKind.all()) {
                tables.add(() -> tx.settings().list(kind).streamAll());
            }
            for (Supplier<Stream<?>> table : tables) {
                try (Stream<?> records = table.get()) {
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

    /**
     * Runs a call that must be refused with an exception of a type and exactly these codes, in order, and
     * checks that it stored nothing and wrote no event.
     *
     * @param type the expected exception type
     * @param call the call
     * @param codes the violations' codes
     */
    protected void refused(Class<? extends ValidationException> type, ThrowingCallable call, String... codes) {
        assertThat(codes(failsAndChangesNothing(type, call))).containsExactly(codes);
    }

    static List<String> codes(Throwable e) {
        return ((ValidationException) e).codes();
    }


    static Stream<Arguments> presetsWithEmptyContact() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), ContactForm.named(" "), List.of("contact.name.required")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), ContactForm.named("Ivan"),
                        List.of("contact.last_name.required")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), ContactForm.person(null, "Petrov"),
                        List.of("contact.first_name.required")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(),
                        ContactForm.person("Ivan", "Petrov").phone("+1 212 555 0100").email("ivan@work.test"),
                        List.of("contact.middle_name.required", "contact.mobile_phone.required",
                                "contact.birth_date.required", "contact.private_email.required")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(), ContactForm.named("Ivan Petrov"),
                        List.of("contact.middle_name.required", "contact.last_name.required", "contact.phone.required",
                                "contact.mobile_phone.required", "contact.birth_date.required",
                                "contact.private_email.required")));
    }

    static Stream<Arguments> presetsWithValidContact() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), ContactForm.named("Ivan")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), ContactForm.person("Ivan", "Petrov")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(), ContactForm.person("Ivan", "Petrov")
                        .middleName("Sergeevich").phone("8 (903) 123-45-67", PhoneKind.MOBILE)
                        .birthDate(LocalDate.of(1990, 5, 17)).email("ivan.petrov@mail.test", EmailKind.PRIVATE)));
    }


    static ContactForm bitrixPerson(String first, String phone, LocalDate birth, String email) {
        return ContactForm.person(first, "Petrov").middleName("Sergeevich").phone(phone, PhoneKind.MOBILE)
                .birthDate(birth).email(email, EmailKind.PRIVATE);
    }

    static Stream<Arguments> racingPeople() {
        return Stream.of(
                Arguments.of("amoCRM", Policies.amoCrm(), ContactForm.named("Ivan").phone("+7 901 776-34-34")),
                Arguments.of("ONLYOFFICE", Policies.onlyOffice(), ContactForm.person("Ivan", "Petrov").email("ivan@client.test")),
                Arguments.of("Bitrix24", Policies.bitrix24SalesDepartment(),
                        bitrixPerson("Ivan", "+7 901 776-34-34", LocalDate.of(1990, 5, 17), "ivan@mail.test")));
    }
}
