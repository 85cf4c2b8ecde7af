package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.event.EventQuery;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.user.UserForm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Leaks and gaps of access rights through the public API (CON-8, USER-5), as a user other than an admin (Carl)
 * who tries to learn about or change Boris's private contact and company and his restricted deal: every call
 * naming one answers as for an id nobody stored, a rule that protects one names none, what is logged once is
 * not handed out from a record Carl may not see, the change feed goes on past what he may not see, and a record
 * he may change that links one he may not see stays editable.
 */
abstract class AccessLeaksKit extends FacadeKitBase {

    private User carlUser;
    private CrmSession carl;
    /** Boris's, private. */
    private Contact secret;
    /** Boris's, private. */
    private Company secretCompany;
    /** Boris's, restricted to him. */
    private Deal restricted;
    /** Boris's, on the private contact. */
    private Task secretTask;
    /** Carl's own. */
    private Contact mine;

    @Override
    protected Policy policy() {
        return Policies.amoCrm().toBuilder().oneOpenDealPerProductGroup(true).build();
    }

    @BeforeEach
    void hiddenRecords() {
        carlUser = anna.users().add(UserForm.named("Carl Manager").email("carl@crmkit.test"));
        carl = crm.as(carlUser.id());
        secret = boris.contacts().create(ContactForm.named("Secret Client").phone("+7 901 776-34-34")
                .access(AccessLevel.PRIVATE));
        secretCompany = boris.companies().create(CompanyForm.named("Secret Holding").access(AccessLevel.PRIVATE));
        restricted = boris.deals().create(DealForm.in(sales().id()).name("Secret merger")
                .restrictedTo(List.of(borisUser.id())));
        secretTask = boris.tasks().create(TaskForm.todo("Call about the merger").on(RecordRef.of(secret.id()))
                .deadline(T0.plus(Duration.ofHours(2))));
        mine = carl.contacts().create(ContactForm.named("Carl's Client"));
    }

    /**
     * Runs a call with an id nobody stored and with the id of a record Carl may not see: both fail alike, with
     * the same exception type and the same message but for the id, and the second changes nothing.
     */
    private void answersAsMissing(UUID hidden, Function<UUID, ThrowingCallable> call) {
        UUID missing = UUID.randomUUID();
        Throwable none = catchThrowable(call.apply(missing));
        assertThat(none).as("a call naming a missing id fails").isNotNull();
        Throwable seen = failsAndChangesNothing(Throwable.class, call.apply(hidden));
        assertThat(seen).as("the same failure as for a missing id").hasSameClassAs(none);
        assertThat(seen.getMessage().replace(hidden.toString(), "<id>"))
                .isEqualTo(none.getMessage().replace(missing.toString(), "<id>"));
    }

    private TaskForm task(RecordRef on) {
        return TaskForm.todo("Peek").on(on).deadline(T0.plus(Duration.ofHours(1)));
    }

    private void ownerCallsAnswerAsMissing(UUID hidden, Function<UUID, RecordRef> ref) {
        Instant start = T0.minusSeconds(600);
        Task own = carl.tasks().create(task(RecordRef.of(mine.id())));
        answersAsMissing(hidden, id -> () -> carl.tasks().create(task(ref.apply(id))));
        answersAsMissing(hidden, id -> () -> carl.tasks().update(own.id(), own.version(), t -> t.on(ref.apply(id))));
        answersAsMissing(hidden, id -> () -> carl.tasks().of(ref.apply(id)));
        answersAsMissing(hidden, id -> () -> carl.timeline().comment(ref.apply(id), "Peek"));
        answersAsMissing(hidden, id -> () -> carl.timeline().logCall(ref.apply(id),
                NewCall.inbound("+79017763434", "+74951234567", start)));
        answersAsMissing(hidden, id -> () -> carl.timeline().logMessage(ref.apply(id),
                NewMessage.of(Channel.EMAIL, Direction.INBOUND, "a@client.test", "b@crmkit.test").body("Hello")));
        answersAsMissing(hidden, id -> () -> carl.timeline().of(ref.apply(id)));
        answersAsMissing(hidden, id -> () -> carl.timeline().interactions(ref.apply(id), start, T0));
        answersAsMissing(hidden, id -> () -> carl.timeline().hadInteraction(ref.apply(id), start, T0));
        answersAsMissing(hidden, id -> () -> carl.events().of(ref.apply(id)));
    }

    @Test
    @Tag("CON-8")
    @DisplayName("every call naming a private contact or company answers as for an id nobody stored")
    void hiddenClientsAnswerAsMissing() {
        UUID contact = secret.id().value();
        Company own = carl.companies().create(CompanyForm.named("Carl's Company"));
        Lead lead = carl.leads().create(LeadForm.named("Request"));
        answersAsMissing(contact, id -> () -> carl.contacts().get(new ContactId(id)));
        answersAsMissing(contact, id -> () -> carl.contacts().update(new ContactId(id), 1, c -> c.position("Spy")));
        answersAsMissing(contact, id -> () -> carl.contacts().delete(new ContactId(id), 1));
        answersAsMissing(contact, id -> () -> carl.contacts().link(new ContactId(id), own.id()));
        answersAsMissing(contact, id -> () -> carl.contacts().unlink(new ContactId(id)));
        answersAsMissing(contact, id -> () -> carl.contacts().previewMerge(new ContactId(id), List.of(mine.id())));
        answersAsMissing(contact, id -> () -> carl.contacts().previewMerge(mine.id(), List.of(new ContactId(id))));
        answersAsMissing(contact, id -> () -> carl.tasks().createForContacts(task(RecordRef.of(mine.id())),
                List.of(mine.id(), new ContactId(id))));
        answersAsMissing(contact, id -> () -> carl.deals().create(DealForm.in(sales().id()).contact(new ContactId(id))));
        answersAsMissing(contact, id -> () -> carl.leads().create(LeadForm.named("Lead").contact(new ContactId(id))));
        answersAsMissing(contact, id -> () -> carl.leads().update(lead.id(), lead.version(),
                l -> l.contact(new ContactId(id))));
        Deal ownDeal = carl.deals().create(DealForm.in(sales().id()).name("Carl's deal"));
        answersAsMissing(contact, id -> () -> carl.deals().update(ownDeal.id(), ownDeal.version(),
                d -> d.contact(new ContactId(id))));
        answersAsMissing(contact, id -> () -> carl.leads().convert(lead.id(), lead.version(),
                Conversion.into(sales().id()).contact(new ContactId(id))));
        ownerCallsAnswerAsMissing(contact, id -> RecordRef.of(new ContactId(id)));
        UUID company = secretCompany.id().value();
        answersAsMissing(company, id -> () -> carl.companies().get(new CompanyId(id)));
        answersAsMissing(company, id -> () -> carl.companies().update(new CompanyId(id), 1, c -> c.name("Spy")));
        answersAsMissing(company, id -> () -> carl.companies().delete(new CompanyId(id), 1));
        answersAsMissing(company, id -> () -> carl.contacts().link(mine.id(), new CompanyId(id)));
        answersAsMissing(company, id -> () -> carl.contacts().create(ContactForm.named("New").company(new CompanyId(id))));
        answersAsMissing(company, id -> () -> carl.deals().create(DealForm.in(sales().id()).company(new CompanyId(id))));
        answersAsMissing(company, id -> () -> carl.leads().create(LeadForm.named("Lead").company(new CompanyId(id))));
        answersAsMissing(company, id -> () -> carl.contacts().update(mine.id(), mine.version(),
                c -> c.company(new CompanyId(id))));
        answersAsMissing(company, id -> () -> carl.deals().update(ownDeal.id(), ownDeal.version(),
                d -> d.company(new CompanyId(id))));
        answersAsMissing(company, id -> () -> carl.leads().convert(lead.id(), lead.version(),
                Conversion.into(sales().id()).contact(mine.id()).company(new CompanyId(id))));
        ownerCallsAnswerAsMissing(company, id -> RecordRef.of(new CompanyId(id)));
        assertThat(carl.events().query(EventQuery.all().entity(RecordRef.of(secret.id())), PageRequest.first(10))
                .items()).isEmpty();
        assertThat(carl.events().query(EventQuery.all().entityType(EntityType.CONTACT), PageRequest.first(100))
                .items()).extracting(Event::entity).contains(RecordRef.of(mine.id()))
                .doesNotContain(RecordRef.of(secret.id()));
    }

    @Test
    @Tag("USER-5")
    @DisplayName("every call naming a restricted deal, or a task on a private contact, answers as for an id nobody stored")
    void hiddenDealsAndTasksAnswerAsMissing() {
        UUID deal = restricted.id().value();
        Lead lead = carl.leads().create(LeadForm.named("Request"));
        var stage = sales().stages().get(1).id();
        var reason = reason("Too expensive").id();
        answersAsMissing(deal, id -> () -> carl.deals().get(new DealId(id)));
        answersAsMissing(deal, id -> () -> carl.deals().update(new DealId(id), 1, d -> d.name("Spy")));
        answersAsMissing(deal, id -> () -> carl.deals().delete(new DealId(id), 1));
        answersAsMissing(deal, id -> () -> carl.deals().move(new DealId(id), stage));
        answersAsMissing(deal, id -> () -> carl.deals().move(new DealId(id), stage, 1));
        answersAsMissing(deal, id -> () -> carl.deals().win(new DealId(id), 1));
        answersAsMissing(deal, id -> () -> carl.deals().lose(new DealId(id), reason));
        answersAsMissing(deal, id -> () -> carl.deals().moveToPipeline(new DealId(id), sales().id(), Optional.empty()));
        answersAsMissing(deal, id -> () -> carl.deals().checkMove(new DealId(id), stage));
        answersAsMissing(deal, id -> () -> carl.deals().health(new DealId(id)));
        answersAsMissing(deal, id -> () -> carl.deals().health(List.of(new DealId(id))));
        answersAsMissing(deal, id -> () -> carl.deals().taskIndicator(new DealId(id)));
        answersAsMissing(deal, id -> () -> carl.leads().link(lead.id(), lead.version(), new DealId(id)));
        ownerCallsAnswerAsMissing(deal, id -> RecordRef.of(new DealId(id)));
        UUID task = secretTask.id().value();
        answersAsMissing(task, id -> () -> carl.tasks().get(new TaskId(id)));
        answersAsMissing(task, id -> () -> carl.tasks().close(new TaskId(id), Optional.of("Done")));
        answersAsMissing(task, id -> () -> carl.tasks().setResult(new TaskId(id), "Done"));
        answersAsMissing(task, id -> () -> carl.tasks().update(new TaskId(id), 1, t -> t.text("Spy")));
        answersAsMissing(task, id -> () -> carl.tasks().reschedule(new TaskId(id), 1, T0.plus(Duration.ofDays(1))));
        answersAsMissing(task, id -> () -> carl.tasks().delete(new TaskId(id), 1));
        answersAsMissing(task, id -> () -> carl.events().of(RecordRef.of(new TaskId(id))));
        assertThat(carl.tasks().dueToday(borisUser.id())).as("Boris's tasks Carl may see").isEmpty();
        assertThat(boris.tasks().dueToday(borisUser.id())).extracting(Task::id).containsExactly(secretTask.id());
        clock.advance(Duration.ofHours(3));
        assertThat(carl.tasks().overdue(borisUser.id())).isEmpty();
        assertThat(boris.tasks().overdue(borisUser.id())).extracting(Task::id).containsExactly(secretTask.id());
    }

    @Test
    @Tag("CON-8")
    @DisplayName("a call logged already on a record the user may not see is neither handed out nor logged twice")
    void callLoggedOnHiddenRecord() {
        NewCall report = NewCall.inbound("+79017763434", "+74951234567", T0).answered(Duration.ofSeconds(30))
                .recording(java.net.URI.create("https://rec.test/secret.mp3")).reportedBy("mango", "c-7");
        Call logged = boris.timeline().logCall(RecordRef.of(secret.id()), report);
        RuleViolationException again = failsAndChangesNothing(RuleViolationException.class,
                () -> carl.timeline().logCall(RecordRef.of(mine.id()), report));
        assertThat(codes(again)).containsExactly("call.logged.hidden");
        assertThat(again.getMessage()).doesNotContain(secret.id().toString()).doesNotContain(logged.id().toString())
                .doesNotContain("Secret").doesNotContain("rec.test");
        RuleViolationException other = failsAndChangesNothing(RuleViolationException.class,
                () -> carl.timeline().logCall(RecordRef.of(mine.id()), NewCall.inbound("+7 901 776-34-34",
                        "+7 495 123-45-67", T0.plusSeconds(5)).answered(Duration.ofSeconds(30))
                        .reportedBy("zadarma", "z-1")));
        assertThat(codes(other)).as("the same call from another integration").containsExactly("call.logged.hidden");
        assertThat(boris.timeline().logCall(RecordRef.of(mine.id()), report)).as("a user who sees it gets it")
                .isEqualTo(logged);
    }

    @Test
    @Tag("USER-5")
    @DisplayName("one open deal per product group protects a restricted deal and a private contact without naming them")
    void openDealRuleNamesOnlyWhatIsSeen() {
        ProductGroupId chairs = anna.settings().productGroups().add("Chairs").id();
        Contact ivan = boris.contacts().create(ContactForm.named("Ivan Petrov"));
        Deal quiet = boris.deals().create(DealForm.in(sales().id()).name("Quiet chairs").contact(ivan.id())
                .productGroup(chairs).restrictedTo(List.of(borisUser.id())));
        RuleViolationException hidden = failsAndChangesNothing(RuleViolationException.class,
                () -> carl.deals().create(DealForm.in(sales().id()).contact(ivan.id()).productGroup(chairs)));
        assertThat(codes(hidden)).containsExactly("deal.product_group.open_hidden_deal");
        assertThat(hidden.getMessage()).contains("Ivan Petrov").doesNotContain("Quiet chairs")
                .doesNotContain(quiet.id().toString());
        RuleViolationException named = failsAndChangesNothing(RuleViolationException.class,
                () -> boris.deals().create(DealForm.in(sales().id()).contact(ivan.id()).productGroup(chairs)));
        assertThat(codes(named)).as("its users are told which deal").containsExactly("deal.product_group.open_deal");
        assertThat(named.getMessage()).contains("Quiet chairs").contains(quiet.id().toString());
        Deal won = boris.deals().win(boris.deals().create(DealForm.in(sales().id()).name("Old chairs")
                .contact(secret.id()).productGroup(chairs)).id());
        boris.deals().create(DealForm.in(sales().id()).name("New chairs").contact(secret.id()).productGroup(chairs));
        RuleViolationException reopen = failsAndChangesNothing(RuleViolationException.class,
                () -> carl.deals().move(won.id(), sales().firstStage().id()));
        assertThat(codes(reopen)).containsExactly("deal.product_group.open_deal");
        assertThat(reopen.getMessage()).as("the private contact is not named").contains("New chairs")
                .doesNotContain("Secret Client").contains(secret.id().toString());
    }

    @Test
    @Tag("USER-5")
    @DisplayName("the change feed goes on past a run of events the user may not see")
    void feedGoesOnPastHiddenEvents() {
        List<Event> before = carl.events().after(0, 1000);
        long last = before.get(before.size() - 1).sequence();
        for (int i = 0; i < 5; i++) {
            boris.timeline().comment(RecordRef.of(secret.id()), "Note " + i);
        }
        Contact open = boris.contacts().create(ContactForm.named("Open Client"));
        List<Event> next = carl.events().after(last, 2);
        assertThat(next).extracting(Event::entity).contains(RecordRef.of(open.id()))
                .doesNotContain(RecordRef.of(secret.id()));
        assertThat(next).hasSizeLessThanOrEqualTo(2);
        assertThat(carl.events().after(next.get(next.size() - 1).sequence(), 2)).as("and ends where the log ends")
                .isEmpty();
        assertThat(anna.events().after(last, 2)).as("an admin reads them all").hasSize(2);
    }

    @Test
    @Tag("USER-5")
    @DisplayName("the event log reads the events of tasks and notes whose record it has not looked at yet")
    void eventsOfOwnedRecords() {
        Contact open = boris.contacts().create(ContactForm.named("Open Client"));
        List<Event> before = carl.events().after(0, 1000);
        long last = before.get(before.size() - 1).sequence();
        var note = boris.timeline().comment(RecordRef.of(open.id()), "Called, sends the price list");
        Task todo = boris.tasks().create(task(RecordRef.of(open.id())));
        var hidden = boris.timeline().comment(RecordRef.of(secret.id()), "Met at the fair");
        assertThat(carl.events().after(last, 10)).extracting(Event::entity)
                .contains(RecordRef.of(note.id()), RecordRef.of(todo.id())).doesNotContain(RecordRef.of(hidden.id()));
        assertThat(carl.events().of(RecordRef.of(todo.id()))).extracting(Event::entity)
                .containsOnly(RecordRef.of(todo.id()));
        answersAsMissing(hidden.id().value(), id -> () -> carl.events().of(RecordRef.of(new TimelineEntryId(id))));
    }

    @Test
    @Tag("CON-8")
    @DisplayName("a record that links one the user may not see stays editable, and keeps the link")
    void editKeepsHiddenLinks() {
        Deal deal = boris.deals().create(DealForm.in(sales().id()).name("Chairs").contact(secret.id())
                .company(secretCompany.id()));
        Deal renamed = carl.deals().update(deal.id(), deal.version(), d -> d.name("Office chairs"));
        assertThat(renamed.name()).isEqualTo("Office chairs");
        assertThat(renamed.contacts()).containsExactly(secret.id());
        assertThat(renamed.company()).contains(secretCompany.id());
        Contact shared = boris.contacts().create(ContactForm.named("Shared Client").company(secretCompany.id())
                .access(AccessLevel.SHARED_WRITE));
        Contact edited = carl.contacts().update(shared.id(), shared.version(), c -> c.position("CFO"));
        assertThat(edited.position()).contains("CFO");
        assertThat(edited.company()).contains(secretCompany.id());
        Lead lead = boris.leads().create(LeadForm.named("Request").contact(secret.id()).company(secretCompany.id()));
        Lead retitled = carl.leads().update(lead.id(), lead.version(), l -> l.name("Big request"));
        assertThat(retitled.name()).isEqualTo("Big request");
        assertThat(retitled.contact()).contains(secret.id());
        refused(dev.crmkit.api.ValidationException.class, () -> carl.deals().update(renamed.id(), renamed.version(),
                d -> d.contact(new ContactId(UUID.randomUUID()))), "deal.contact.unknown");
    }

    @Test
    @Tag("CON-8")
    @DisplayName("deleting or merging a read-only contact with deals, leads, tasks and notes is denied before anything is written")
    void readOnlyContactDeletionChangesNothing() {
        Contact shared = boris.contacts().create(ContactForm.named("Shared Client"));
        boris.deals().create(DealForm.in(sales().id()).contact(shared.id()));
        boris.deals().create(DealForm.in(sales().id()).contact(shared.id()).restrictedTo(List.of(borisUser.id())));
        boris.leads().create(LeadForm.named("Request").contact(shared.id()));
        boris.tasks().create(task(RecordRef.of(shared.id())));
        boris.timeline().comment(RecordRef.of(shared.id()), "Met at the fair");
        failsAndChangesNothing(AccessDeniedException.class, () -> carl.contacts().delete(shared.id(), shared.version()));
        failsAndChangesNothing(AccessDeniedException.class,
                () -> carl.contacts().merge(carl.contacts().previewMerge(mine.id(), List.of(shared.id()))));
        failsAndChangesNothing(AccessDeniedException.class,
                () -> carl.contacts().merge(carl.contacts().previewMerge(shared.id(), List.of(mine.id()))));
        Company company = boris.companies().create(CompanyForm.named("Shared Holding"));
        boris.contacts().link(shared.id(), company.id());
        failsAndChangesNothing(AccessDeniedException.class, () -> carl.companies().delete(company.id(), company.version()));
    }
}
