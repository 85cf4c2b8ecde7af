package dev.crmkit.tck;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Address;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealBuilder;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.money.Percent;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid records for storage tests, readable like the domain: {@code data.aDeal(pipeline, owner)}.
 * Times come from a fixed instant that advances one second per record, at microsecond precision.
 */
public final class TestData {

    /** The instant the first record is created at. */
    public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private final IdGenerator ids = new IdGenerator(Clock.fixed(START, ZoneOffset.UTC));
    private final AtomicInteger tick = new AtomicInteger();

    /** Creates a source of test records whose clock starts at {@link #START}. */
    public TestData() {
    }

    /**
     * The next creation time: {@link #START} plus one second per call.
     *
     * @return the instant
     */
    public Instant now() {
        return START.plusSeconds(tick.getAndIncrement()).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An active user.
     *
     * @param name the user's name
     * @return the user
     */
    public User aUser(String name) {
        Instant t = now();
        return User.builder().id(new UserId(ids.next())).created(t).updated(t).name(name)
                .email(Email.parse(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@crmkit.test"))
                .role(Role.USER).active(true).timeZone(ZoneOffset.UTC).locale(java.util.Locale.ENGLISH).build();
    }

    /**
     * A pipeline with the stages First contact (10 %), Negotiation (50 %), Won and Lost.
     *
     * @param name the pipeline's name
     * @param position its position
     * @return the pipeline
     */
    public Pipeline aPipeline(String name, int position) {
        Instant t = now();
        return Pipeline.builder().id(new PipelineId(ids.next())).created(t).updated(t).name(name).position(position)
                .stages(List.of(
                        new Stage(new StageId(ids.next()), "First contact", StageKind.OPEN, Percent.of(10)),
                        new Stage(new StageId(ids.next()), "Negotiation", StageKind.OPEN, Percent.of(50)),
                        new Stage(new StageId(ids.next()), "Won", StageKind.WON, Percent.of(100)),
                        new Stage(new StageId(ids.next()), "Lost", StageKind.LOST, Percent.of(0))))
                .build();
    }

    /**
     * A company.
     *
     * @param name its name
     * @param responsible its responsible user
     * @return the company
     */
    public Company aCompany(String name, UserId responsible) {
        Instant t = now();
        return Company.builder().id(new CompanyId(ids.next())).created(t).updated(t).name(name)
                .responsible(responsible).access(AccessLevel.SHARED_READ).build();
    }

    /**
     * A contact with a phone and a work e-mail.
     *
     * @param first the first name
     * @param last the last name
     * @param responsible the responsible user
     * @return the contact
     */
    public Contact aContact(String first, String last, UserId responsible) {
        Instant t = now();
        return Contact.builder().id(new ContactId(ids.next())).created(t).updated(t)
                .name(PersonName.of(first, last)).responsible(responsible)
                .phones(List.of(ContactPhone.mobile("+7 901 776-34-34")))
                .emails(List.of(ContactEmail.work(first.toLowerCase(java.util.Locale.ROOT) + "@client.test")))
                .address(new Address("Tverskaya 1", "Moscow", "", "125009", "RU")).access(AccessLevel.SHARED_READ)
                .build();
    }

    /**
     * A deal at the first stage of a pipeline.
     *
     * @param name its name
     * @param pipeline the pipeline
     * @param responsible the responsible user
     * @param rubles the budget in RUB, or null for none
     * @return the deal
     */
    public Deal aDeal(String name, Pipeline pipeline, UserId responsible, String rubles) {
        Instant t = now();
        DealBuilder b = Deal.builder().id(new DealId(ids.next())).created(t).updated(t).name(name)
                .pipeline(pipeline.id()).stage(pipeline.firstStage().id()).stageEntered(t).responsible(responsible);
        if (rubles != null) {
            b.budget(Budget.fixed(Money.of(rubles, "RUB")));
        }
        return b.build();
    }

    /**
     * A lead.
     *
     * @param name its title
     * @param responsible the responsible user
     * @return the lead
     */
    public Lead aLead(String name, UserId responsible) {
        Instant t = now();
        return Lead.builder().id(new LeadId(ids.next())).created(t).updated(t).name(name).responsible(responsible)
                .source(LeadSource.MANUAL).status(LeadStatus.NEW).build();
    }

    /**
     * A task type.
     *
     * @param name its name
     * @param position its position
     * @return the task type
     */
    public ListItem<TaskTypeId> aTaskType(String name, int position) {
        return ListItem.create(new TaskTypeId(ids.next()), name, position, now());
    }

    /**
     * An open task on a record.
     *
     * @param type its type
     * @param owner the record
     * @param assignee the assignee and author
     * @param deadline its deadline
     * @return the task
     */
    public Task aTask(TaskTypeId type, RecordRef owner, UserId assignee, Instant deadline) {
        Instant t = now();
        return Task.builder().id(new TaskId(ids.next())).created(t).updated(t).type(type).text("Call back")
                .deadline(deadline).reminder(Reminder.DAY_BEFORE).assignee(assignee).author(assignee)
                .notifyAssignee(true).owner(owner).build();
    }

    /**
     * A comment on a record.
     *
     * @param owner the record
     * @param author the author
     * @param text the text
     * @return the comment
     */
    public Comment aComment(RecordRef owner, UserId author, String text) {
        Instant t = now();
        return Comment.builder().id(new TimelineEntryId(ids.next())).created(t).updated(t).owner(owner)
                .author(author).at(t).text(text).build();
    }

    /**
     * An answered inbound call reported by a telephony integration.
     *
     * @param owner the record
     * @param operator the operator and author
     * @param integration the integration
     * @param callId its call id
     * @return the call
     */
    public Call aCall(RecordRef owner, UserId operator, String integration, String callId) {
        Instant t = now();
        return Call.builder().id(new TimelineEntryId(ids.next())).created(t).updated(t).owner(owner)
                .author(operator).at(t).direction(Direction.INBOUND).fromNumber("+79017763434")
                .toNumber("+74951234567").duration(Duration.ofSeconds(95)).answered(true).operator(operator)
                .cost(Money.of("3.50", "RUB")).integration(integration).callId(callId).build();
    }

    /**
     * A "created" event for a record.
     *
     * @param entity the record
     * @param author the author
     * @return the event
     */
    public NewEvent aCreatedEvent(RecordRef entity, UserId author) {
        return NewEvent.of(now(), author, entity, "record", EventKind.CREATED);
    }

    /**
     * A fresh id value.
     *
     * @return a new time-ordered UUID
     */
    public java.util.UUID newId() {
        return ids.next();
    }
}
