package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.event.EventQuery;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.Reopening;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.api.Limits;
import dev.crmkit.api.query.Slice;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad requests (issue 9): references to what does not exist or cannot hold the record, queries beyond
 * their bounds or with foreign and forged cursors, operations the policy or the records' state forbid,
 * and {@code null} arguments. Each case names what is bad, expects its exception type and codes, and must
 * change nothing on any adapter.
 */
abstract class BadRequestsKit extends BadInputBase {

    static <I> I unknown(java.util.function.Function<UUID, I> id) {
        return id.apply(UUID.randomUUID());
    }

    static User carl(BadInputBase k, boolean active) {
        User carl = k.anna.users().add(UserForm.named("Carl Gone"));
        if (!active) {
            k.anna.users().deactivate(carl.id(), k.annaUser.id());
        }
        return carl;
    }

    static CrmSession under(BadInputBase k, Policy policy) {
        return k.crm(policy).as(k.annaUser.id());
    }

    static Stream<Case> cases() {
        return Stream.of(references(), queries(), states()).flatMap(s -> s);
    }

    static Stream<Case> references() {
        return Stream.of(
                invalid("deal with an unknown company", "deal.company.unknown",
                        k -> k.newDeal(d -> d.company(unknown(CompanyId::new)))),
                invalid("deal with an unknown contact, through update", "deal.contact.unknown",
                        k -> k.editDeal(d -> d.contact(unknown(ContactId::new)))),
                invalid("deal with an unknown product group", "deal.product_group.unknown",
                        k -> k.newDeal(d -> d.productGroup(unknown(ProductGroupId::new)))),
                invalid("deal for an unknown responsible user", "deal.responsible.unknown",
                        k -> k.newDeal(d -> d.responsible(unknown(UserId::new)))),
                invalid("deal for a deactivated responsible user", "deal.responsible.inactive", k -> {
                    User gone = carl(k, false);
                    return k.editDeal(d -> d.responsible(gone.id()));
                }),
                invalid("contact at an unknown company", "contact.company.unknown",
                        k -> k.newContact(c -> c.company(unknown(CompanyId::new)))),
                invalid("contact of an unknown type", "client.type.unknown",
                        k -> k.newContact(c -> c.type(unknown(ContactTypeId::new)))),
                invalid("contact typed with a user's id", "client.type.unknown",
                        k -> k.editContact(c -> c.type(new ContactTypeId(k.borisUser.id().value())))),
                invalid("company of an unknown temperature level", "client.temperature.unknown",
                        k -> k.newCompany(c -> c.temperature(unknown(TemperatureLevelId::new)))),
                invalid("company for an unknown responsible user", "client.responsible.unknown",
                        k -> k.editCompany(c -> c.responsible(unknown(UserId::new)))),
                invalid("task of an unknown type", "task.type.unknown",
                        k -> k.newTask(t -> t.type(unknown(TaskTypeId::new)))),
                invalid("task typed with a loss reason's id", "task.type.unknown",
                        k -> k.newTask(t -> t.type(new TaskTypeId(k.reason("Too expensive").id().value())))),
                invalid("task for an unknown assignee", "task.assignee.unknown",
                        k -> k.newTask(t -> t.assignee(unknown(UserId::new)))),
                invalid("task for a deactivated assignee", "task.assignee.inactive", k -> {
                    User gone = carl(k, false);
                    return k.newTask(t -> t.assignee(gone.id()));
                }),
                invalid("call by an unknown operator", "call.operator.unknown",
                        k -> k.call(aCall().operator(unknown(UserId::new)))),
                invalid("task on a USER record", "owner.kind",
                        k -> k.newTask(t -> t.on(RecordRef.of(k.borisUser.id())))),
                invalid("comment on a USER record", "owner.kind",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.borisUser.id()), "Hello")),
                invalid("call logged on a pipeline", "owner.kind",
                        k -> () -> k.anna.timeline().logCall(RecordRef.of(k.p.id()), aCall())),
                invalid("message logged on a stage", "owner.kind",
                        k -> () -> k.anna.timeline().logMessage(RecordRef.of(k.p.firstStage().id()), aMail())),
                notFound("task on an unknown deal", k -> k.newTask(t -> t.on(RecordRef.of(unknown(dev.crmkit.api.deal.DealId::new))))),
                notFound("comment on an unknown contact",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(unknown(ContactId::new)), "Hello")),
                notFound("one task for two contacts, one of them unknown",
                        k -> () -> k.anna.tasks().createForContacts(TaskForm.todo("Invite").deadline(T0),
                                List.of(k.ivan.id(), unknown(ContactId::new)))),
                invalid("deal created at a stage of another pipeline", "deal.stage.foreign", k -> {
                    Pipeline other = k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                    return k.newDeal(d -> d.stage(other.firstStage().id()));
                }),
                rule("deal moved to a stage of another pipeline", "deal.stage.foreign", k -> {
                    Pipeline other = k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                    return () -> k.anna.deals().move(k.deal.id(), other.firstStage().id());
                }),
                rule("deal moved to another pipeline at a stage of its own", "deal.stage.foreign", k -> {
                    Pipeline other = k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                    return () -> k.anna.deals().moveToPipeline(k.deal.id(), other.id(),
                            Optional.of(k.p.stages().get(1).id()));
                }),
                rule("deal moved to an unknown stage", "deal.stage.unknown",
                        k -> () -> k.anna.deals().move(k.deal.id(), unknown(StageId::new))),
                rule("deal lost for a reason not in the list", "deal.loss_reason.unknown",
                        k -> () -> k.anna.deals().lose(k.deal.id(), unknown(LossReasonId::new))),
                rule("deal lost for a task type's id as the reason", "deal.loss_reason.unknown",
                        k -> () -> k.anna.deals().lose(k.deal.id(),
                                new LossReasonId(k.anna.settings().taskTypes().list().get(0).id().value()))),
                notFound("unknown deal moved", k -> () -> k.anna.deals().move(unknown(dev.crmkit.api.deal.DealId::new),
                        k.p.firstStage().id())),
                notFound("deal moved to an unknown pipeline",
                        k -> () -> k.anna.deals().moveToPipeline(k.deal.id(), unknown(PipelineId::new), Optional.empty())),
                notFound("contact linked to an unknown company",
                        k -> () -> k.anna.contacts().link(k.ivan.id(), unknown(CompanyId::new))),
                notFound("unknown contact merged",
                        k -> () -> k.anna.contacts().previewMerge(k.ivan.id(), List.of(unknown(ContactId::new)))),
                rule("stage deleted with its deals sent to a stage of another pipeline", "pipeline.stage.target_invalid",
                        k -> {
                            Pipeline other = k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                            return () -> k.anna.pipelines().deleteStage(k.p.id(), k.p.firstStage().id(),
                                    Optional.of(other.firstStage().id()));
                        }),
                rule("stage deleted with its deals sent to Won", "pipeline.stage.target_invalid",
                        k -> () -> k.anna.pipelines().deleteStage(k.p.id(), k.p.firstStage().id(),
                                Optional.of(k.p.wonStage().id()))),
                notFound("list item removed for an unknown replacement",
                        k -> () -> k.anna.settings().taskTypes().remove(k.task.type(), Optional.of(unknown(TaskTypeId::new)))),
                rule("list item removed for itself", "setting.replacement.self",
                        k -> () -> k.anna.settings().taskTypes().remove(k.task.type(), Optional.of(k.task.type()))),
                notFound("user's records handed to an unknown successor",
                        k -> () -> k.anna.users().deactivate(k.borisUser.id(), unknown(UserId::new))),
                rule("user's records handed to themselves", "user.successor.self",
                        k -> () -> k.anna.users().deactivate(k.borisUser.id(), k.borisUser.id())),
                rule("user's records handed to nobody", "user.successor.required",
                        k -> () -> k.anna.users().delete(k.borisUser.id(), null)),
                rule("user's records handed to a deactivated successor", "user.successor.inactive", k -> {
                    User gone = carl(k, false);
                    return () -> k.anna.users().deactivate(k.borisUser.id(), gone.id());
                }));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Stream<Case> queries() {
        Field<Contact, String> crafted = Field.of("name; DROP TABLE contacts", String.class, c -> c.name().full());
        Field<Contact, String> huge = Field.of(MB, String.class, c -> c.name().full());
        return Stream.of(
                invalid("page of 0 records", "page.size",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(), PageRequest.first(0))),
                invalid("page of 10,001 records", "page.size",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10_001))),
                invalid("page of -1 records after a cursor", "page.size",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.byId(), PageRequest.after(-1,
                                Cursor.of(List.of(k.deal.id()))))),
                invalid("events after 0, at most 0", "page.size", k -> () -> k.anna.events().after(0, 0)),
                invalid("events after -1", "events.sequence.negative", k -> () -> k.anna.events().after(-1, 10)),
                invalid("events after 0, at most 10,001", "page.size", k -> () -> k.anna.events().after(0, 10_001)),
                invalid("events after Long.MIN_VALUE, at most -1", "events.sequence.negative page.size",
                        k -> () -> k.anna.events().after(Long.MIN_VALUE, -1)),
                invalid("filter on a crafted field", "filter.field.unknown",
                        k -> () -> k.anna.contacts().query(crafted.eq("Ivan"), Sort.byId(), PageRequest.first(10))),
                invalid("filter on a crafted field named with 1 MB", "filter.field.unknown",
                        k -> () -> k.anna.contacts().query(huge.present(), Sort.byId(), PageRequest.first(10))),
                invalid("crafted field inside NOT inside OR", "filter.field.unknown",
                        k -> () -> k.anna.contacts().query(Filter.or(ContactFields.NAME.eq("Ivan"),
                                Filter.not(crafted.eq("x"))), Sort.byId(), PageRequest.first(10))),
                invalid("sort on a crafted field", "filter.field.unknown",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(crafted), PageRequest.first(10))),
                invalid("sort on the tags, a many-valued field", "sort.field.many",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.TAG), PageRequest.first(10))),
                invalid("sort on a deal's contacts, a many-valued field", "sort.field.many",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.byDescending(DealFields.CONTACT),
                                PageRequest.first(10))),
                invalid("sort on a field without order", "sort.field.unordered",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(Field.of("photo", Object.class,
                                (Contact c) -> c.photo().orElse(null))), PageRequest.first(10))),
                invalid("sort on five fields", "sort.size",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.NAME)
                                .then(ContactFields.CREATED).then(ContactFields.UPDATED).then(ContactFields.BIRTH_DATE)
                                .then(ContactFields.RESPONSIBLE), PageRequest.first(10))),
                invalid("in an empty set", "filter.in.empty",
                        k -> () -> k.anna.contacts().query(ContactFields.NAME.in(Set.of()), Sort.byId(),
                                PageRequest.first(10))),
                invalid("in an empty set on a field named with 1 MB", "filter.in.empty",
                        k -> () -> k.anna.contacts().query(huge.in(Set.of()), Sort.byId(), PageRequest.first(10))),
                invalid("in a set of 1,001 values", "filter.in.size",
                        k -> () -> k.anna.contacts().query(ContactFields.NAME.in(IntStream.range(0, 1001)
                                .mapToObj(i -> "n" + i).toList()), Sort.byId(), PageRequest.first(10))),
                invalid("20,000 nested NOTs", "filter.depth", k -> () -> {
                    Filter<Contact> f = ContactFields.NAME.eq("Ivan");
                    for (int i = 0; i < 20_000; i++) {
                        f = Filter.not(f);
                    }
                    k.anna.contacts().query(f, Sort.byId(), PageRequest.first(10));
                }),
                invalid("AND of 1,000 conditions", "filter.size",
                        k -> () -> k.anna.contacts().query(new Filter.And<>(Collections.nCopies(1000,
                                ContactFields.NAME.eq("Ivan"))), Sort.byId(), PageRequest.first(10))),
                invalid("filter value with NUL", "text.control_character",
                        k -> () -> k.anna.contacts().query(ContactFields.NAME.eq("Iv\u0000an"), Sort.byId(),
                                PageRequest.first(10))),
                invalid("filter value with an unpaired surrogate", "text.unpaired_surrogate",
                        k -> () -> k.anna.deals().query(DealFields.TAG.eq("v\uD800ip"), Sort.byId(), PageRequest.first(10))),
                invalid("filter value of 303 code points, one more than the longest stored name", "text.too_long",
                        k -> () -> k.anna.contacts().query(ContactFields.NAME.eq("x".repeat(Limits.QUERY_TEXT + 1)),
                                Sort.byId(), PageRequest.first(10))),
                invalid("filter value of 1 MB", "text.too_long",
                        k -> () -> k.anna.deals().query(DealFields.NAME.ne(MB), Sort.byId(), PageRequest.first(10))),
                invalid("filter instant of Instant.MAX", "datetime.range",
                        k -> () -> k.anna.contacts().query(ContactFields.CREATED.lt(Instant.MAX), Sort.byId(),
                                PageRequest.first(10))),
                invalid("filter date in the year 10000", "date.range",
                        k -> () -> k.anna.deals().query(DealFields.EXPECTED_CLOSE.le(LocalDate.of(10_000, 1, 1)),
                                Sort.byId(), PageRequest.first(10))),
                invalid("filter number of 1e999999999", "query.value.number",
                        k -> () -> k.anna.deals().query(DealFields.BUDGET_AMOUNT.gt(new BigDecimal("1e999999999")),
                                Sort.byId(), PageRequest.first(10))),
                invalid("filter number of 1e-999999999", "query.value.number",
                        k -> () -> k.anna.deals().query(DealFields.BUDGET_AMOUNT.eq(new BigDecimal("1e-999999999")),
                                Sort.byId(), PageRequest.first(10))),
                invalid("event period from Instant.MIN to Instant.MAX", "datetime.range datetime.range",
                        k -> () -> k.anna.events().query(EventQuery.all().between(Instant.MIN, Instant.MAX),
                                PageRequest.first(10))),
                invalid("filter value of the wrong type", "filter.value.type", k -> () -> {
                    Field raw = ContactFields.NAME;
                    k.anna.contacts().query(raw.eq(42), Sort.byId(), PageRequest.first(10));
                }),
                invalid("junk cursor", "page.cursor.invalid",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(),
                                PageRequest.after(10, Cursor.of(List.of("junk"))))),
                invalid("cursor with a bare UUID for the id", "page.cursor.invalid",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(),
                                PageRequest.after(10, Cursor.of(List.of(k.ivan.id().value()))))),
                invalid("cursor with one key too many", "page.cursor.invalid",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(),
                                PageRequest.after(10, Cursor.of(List.of("Ivan", k.ivan.id()))))),
                invalid("junk cursor on the event log", "page.cursor.invalid",
                        k -> () -> k.anna.events().query(EventQuery.all(), PageRequest.after(10,
                                Cursor.of(List.of("junk"))))),
                invalid("cursor without keys", "page.cursor.empty",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(),
                                PageRequest.after(10, Cursor.of(List.of())))),
                invalid("cursor key with NUL", "text.control_character",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.NAME),
                                PageRequest.after(10, Cursor.of(List.of("Iv\u0000an", k.ivan.id()))))),
                invalid("cursor key with an unpaired surrogate", "text.unpaired_surrogate",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byDescending(ContactFields.NAME),
                                PageRequest.after(10, Cursor.of(List.of("Iv\uD800an", k.ivan.id()))))),
                invalid("cursor key of 1 MB", "text.too_long",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.by(DealFields.NAME),
                                PageRequest.after(10, Cursor.of(List.of(MB, k.deal.id()))))),
                invalid("cursor key of Instant.MAX", "datetime.range",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.CREATED),
                                PageRequest.after(10, Cursor.of(List.of(Instant.MAX, k.ivan.id()))))),
                invalid("cursor key in the year 10000", "date.range",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.by(DealFields.EXPECTED_CLOSE),
                                PageRequest.after(10, Cursor.of(List.of(LocalDate.of(10_000, 1, 1), k.deal.id()))))),
                invalid("cursor key of 1e999999999", "query.value.number",
                        k -> () -> k.anna.deals().query(Filter.all(), Sort.byDescending(DealFields.BUDGET_AMOUNT),
                                PageRequest.after(10, Cursor.of(List.of(new BigDecimal("1e999999999"), k.deal.id()))))),
                invalid("cursor of contacts by name used for contacts by creation time", "page.cursor.foreign", k -> {
                    k.anna.contacts().create(ContactForm.person("Petr", "Sidorov"));
                    Cursor byName = k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.NAME),
                            PageRequest.first(1)).next().orElseThrow();
                    return () -> k.anna.contacts().query(Filter.all(), Sort.by(ContactFields.CREATED),
                            PageRequest.after(1, byName));
                }),
                invalid("cursor of deals used for contacts", "page.cursor.foreign", k -> {
                    k.anna.deals().create(DealForm.in(k.p.id()).name("Tables"));
                    Cursor ofDeals = k.anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(1)).next()
                            .orElseThrow();
                    return () -> k.anna.contacts().query(Filter.all(), Sort.byId(), PageRequest.after(1, ofDeals));
                }));
    }

    static Stream<Case> states() {
        return Stream.of(
                rule("deal moved into Lost without a reason", "deal.loss_reason.required",
                        k -> () -> k.anna.deals().move(k.deal.id(), k.p.lostStage().id())),
                rule("won deal re-opened where the policy forbids it", "deal.reopen.forbidden", k -> {
                    k.anna.deals().win(k.deal.id());
                    CrmSession strict = under(k, Policy.builder(Policies.amoCrm()).reopening(Reopening.NOBODY).build());
                    return () -> strict.deals().move(k.deal.id(), k.p.firstStage().id());
                }),
                rule("lost deal moved to another pipeline where re-opening is forbidden", "deal.reopen.forbidden", k -> {
                    k.anna.deals().lose(k.deal.id(), k.reason("Too expensive").id());
                    Pipeline other = k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                    CrmSession strict = under(k, Policy.builder(Policies.amoCrm()).reopening(Reopening.NOBODY).build());
                    return () -> strict.deals().moveToPipeline(k.deal.id(), other.id(), Optional.empty());
                }),
                denied("won deal re-opened by a manager where only admins may", k -> {
                    k.anna.deals().win(k.deal.id());
                    CrmSession manager = k.crm(Policies.bitrix24SalesDepartment()).as(k.borisUser.id());
                    return () -> manager.deals().move(k.deal.id(), k.p.firstStage().id());
                }),
                invalid("deal created at the Won stage", "deal.stage.closed", k -> k.newDeal(d -> d.stage(k.p.wonStage().id()))),
                invalid("deal's stage edited through update", "deal.stage.not_editable",
                        k -> k.editDeal(d -> d.stage(k.p.stages().get(1).id()))),
                rule("last open stage deleted", "pipeline.stage.last_open", k -> {
                    Pipeline solo = k.anna.pipelines().create(NewPipeline.named("Solo").stage("Only", 10));
                    return () -> k.anna.pipelines().deleteStage(solo.id(), solo.firstStage().id(), Optional.empty());
                }),
                rule("Won stage deleted", "pipeline.stage.closing",
                        k -> () -> k.anna.pipelines().deleteStage(k.p.id(), k.p.wonStage().id(), Optional.empty())),
                rule("stage holding a deal deleted without a target", "pipeline.stage.target_required",
                        k -> () -> k.anna.pipelines().deleteStage(k.p.id(), k.p.firstStage().id(), Optional.empty())),
                rule("loss reason in use removed without a replacement", "setting.in_use", k -> {
                    ListItem<LossReasonId> reason = k.reason("Too expensive");
                    k.anna.deals().lose(k.deal.id(), reason.id());
                    return () -> k.anna.settings().lossReasons().remove(reason.id(), Optional.empty());
                }),
                rule("task type in use removed without a replacement", "setting.in_use",
                        k -> () -> k.anna.settings().taskTypes().remove(k.task.type(), Optional.empty())),
                invalid("list item named like another, in another case", "setting.name.taken",
                        k -> () -> k.anna.settings().taskTypes().add("mEETING")),
                invalid("list item renamed like another", "setting.name.taken",
                        k -> () -> k.anna.settings().lossReasons().rename(k.reason("Too expensive").id(),
                                "no longer needed")),
                rule("closed task closed again", "task.closed", k -> {
                    k.anna.tasks().close(k.task.id(), Optional.empty());
                    return () -> k.anna.tasks().close(k.task.id(), Optional.of("again"));
                }),
                rule("one task for no contacts", "task.contacts.none",
                        k -> () -> k.anna.tasks().createForContacts(TaskForm.todo("Invite").deadline(T0), List.of())),
                rule("last admin demoted", "user.last_admin",
                        k -> () -> k.anna.users().changeRole(k.annaUser.id(), Role.USER)),
                rule("last admin demoted through update", "user.last_admin",
                        k -> () -> k.anna.users().update(k.annaUser.id(), k.annaUser.version(), u -> u.role(Role.USER))),
                rule("last admin deactivated", "user.last_admin",
                        k -> () -> k.anna.users().deactivate(k.annaUser.id(), k.borisUser.id())),
                rule("CRM bootstrapped twice", "crm.bootstrap.done",
                        k -> () -> k.crm.bootstrap(UserForm.named("Eve Admin"))),
                invalid("user with another user's e-mail", "user.email.taken",
                        k -> () -> k.anna.users().add(UserForm.named("Carl").email("BORIS@crmkit.test"))),
                invalid("client with the e-mail of a user of the CRM", "client.email.own_user",
                        k -> k.editContact(c -> c.email("boris@crmkit.test"))),
                invalid("contact merged into itself", "merge.survivor.included",
                        k -> () -> k.anna.contacts().previewMerge(k.ivan.id(), List.of(k.ivan.id()))),
                invalid("merge that would leave the survivor 21 phones", "collection.too_many", k -> {
                    ContactForm many = ContactForm.named("Olga");
                    for (int i = 0; i < Limits.PHONES; i++) {
                        many.phone("+7 903 000-00-" + (10 + i));
                    }
                    Contact olga = k.anna.contacts().create(many);
                    Contact other = k.anna.contacts().create(ContactForm.named("Olga S.").phone("+7 903 111-11-11"));
                    return () -> k.anna.contacts().previewMerge(olga.id(), List.of(other.id()));
                }),
                invalid("contact merged with nobody", "merge.others.none",
                        k -> () -> k.anna.contacts().previewMerge(k.ivan.id(), List.of())),
                invalid("pipeline without open stages", "pipeline.stages.none",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("Empty"))),
                invalid("stage probability of 101 %", "percent.range",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 101))),
                invalid("stage probability of -1 % set later", "percent.range",
                        k -> () -> k.anna.pipelines().setProbability(k.p.id(), k.p.firstStage().id(), -1)),
                invalid("two stages of one name", "pipeline.stages.duplicate",
                        k -> () -> k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 10)
                                .stage("TALKS", 20))),
                invalid("pipelines reordered without one", "pipeline.order.incomplete", k -> {
                    k.anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
                    return () -> k.anna.pipelines().reorder(List.of(k.p.id()));
                }),
                invalid("loss reasons reordered with one twice", "setting.order.incomplete", k -> {
                    List<ListItem<LossReasonId>> all = k.anna.settings().lossReasons().list();
                    return () -> k.anna.settings().lossReasons().reorder(Arrays.asList(all.get(0).id(), all.get(0).id(),
                            all.get(1).id()));
                }),
                invalid("stages reordered without one", "pipeline.order.incomplete",
                        k -> () -> k.anna.pipelines().reorderStages(k.p.id(), List.of(k.p.firstStage().id()))),
                rule("pipeline beyond the policy's limit", "pipeline.limit",
                        k -> () -> under(k, Policy.builder(Policies.amoCrm()).maxPipelines(1).build()).pipelines()
                                .create(NewPipeline.named("Partners").stage("Talks", 20))),
                rule("stage beyond the policy's limit", "pipeline.stages.limit",
                        k -> () -> under(k, Policy.builder(Policies.amoCrm()).maxStagesPerPipeline(5).build()).pipelines()
                                .addStage(k.p.id(), "Contract", 90)),
                denied("pipeline created by a manager", k -> () -> k.boris.pipelines().create(
                        NewPipeline.named("Mine").stage("Talks", 20))),
                denied("user added by a manager", k -> () -> k.boris.users().add(UserForm.named("Friend"))),
                denied("deactivated user acting", k -> {
                    User gone = carl(k, false);
                    return () -> k.crm.as(gone.id()).contacts().create(ContactForm.named("Someone"));
                }),
                denied("unknown user acting", k -> () -> k.crm.as(unknown(UserId::new)).deals().create(
                        DealForm.in(k.p.id()))),
                other("deal edited from a stale version", ConflictException.class,
                        k -> () -> k.anna.deals().update(k.deal.id(), k.deal.version() + 1, d -> d.name("Tables"))),
                other("contact deleted from a stale version", ConflictException.class,
                        k -> () -> k.anna.contacts().delete(k.ivan.id(), k.ivan.version() - 1)),
                other("contact with Ivan's number in another spelling", DuplicateException.class,
                        k -> k.newContact(c -> c.phone("8 (901) 776 34 34"))),
                other("company that duplicates one by name and phone", DuplicateException.class, k -> {
                    k.anna.companies().update(k.horns.id(), k.horns.version(), c -> c.phone("+7 495 123-45-67"));
                    return () -> k.anna.companies().create(CompanyForm.named("Horns and Hooves").phone("84951234567"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.tck.BadRequestsKit#cases")
    @DisplayName("a bad reference, query or state is refused with its exception and codes and changes nothing")
    void badRequestIsRefused(Case c) {
        refuses(c);
    }

    @Test
    @DisplayName("the longest stored values are valid filter values and cursor keys: a full name of 302 code points")
    void longestStoredValuesAreQueriedAndPaged() {
        String part = "x".repeat(Limits.PERSON_NAME_PART);
        Contact longest = anna.contacts().create(ContactForm.person(part, part).middleName(part));
        anna.contacts().create(ContactForm.person(part, part).middleName("y".repeat(Limits.PERSON_NAME_PART)));
        assertThat(longest.name().full()).hasSize(Limits.QUERY_TEXT);
        assertThat(anna.contacts().query(ContactFields.NAME.eq(longest.name().full()), Sort.byId(),
                PageRequest.first(10)).items()).containsExactly(longest);
        Slice<Contact> first = anna.contacts().query(Filter.all(), Sort.byDescending(ContactFields.NAME),
                PageRequest.first(1));
        assertThat(first.items().get(0).name().full()).hasSize(Limits.QUERY_TEXT);
        assertThat(anna.contacts().query(Filter.all(), Sort.byDescending(ContactFields.NAME),
                PageRequest.first(1).next(first)).items()).containsExactly(longest);
    }

    static Case npe(String name, String parameter, java.util.function.Function<BadInputBase,
            org.assertj.core.api.ThrowableAssert.ThrowingCallable> call) {
        return new Case(name, NullPointerException.class, List.of(parameter), call);
    }

    static Stream<Case> nulls() {
        return Stream.of(
                npe("contacts().create(null)", "form", k -> () -> k.anna.contacts().create(null)),
                npe("contacts().update(id, 1, null)", "edit", k -> () -> k.anna.contacts().update(k.ivan.id(), 1, null)),
                npe("contacts().update(null, 1, edit)", "id", k -> () -> k.anna.contacts().update(null, 1, c -> { })),
                npe("contacts().previewMerge(x, null)", "others", k -> () -> k.anna.contacts().previewMerge(k.ivan.id(), null)),
                npe("contacts().previewMerge(null, others)", "survivor",
                        k -> () -> k.anna.contacts().previewMerge(null, List.of(k.ivan.id()))),
                npe("contacts().previewMerge(x, [null])", "others[]",
                        k -> () -> k.anna.contacts().previewMerge(k.ivan.id(), Arrays.asList((ContactId) null))),
                npe("contacts().merge(null)", "preview", k -> () -> k.anna.contacts().merge(null)),
                npe("contacts().link(id, null)", "company", k -> () -> k.anna.contacts().link(k.ivan.id(), null)),
                npe("contacts().query(null, sort, page)", "filter",
                        k -> () -> k.anna.contacts().query(null, Sort.byId(), PageRequest.first(1))),
                npe("contacts().query(filter, null, page)", "sort",
                        k -> () -> k.anna.contacts().query(Filter.all(), null, PageRequest.first(1))),
                npe("contacts().query(filter, sort, null)", "page",
                        k -> () -> k.anna.contacts().query(Filter.all(), Sort.byId(), null)),
                npe("contacts().findDuplicates(null)", "candidate", k -> () -> k.anna.contacts().findDuplicates(null)),
                npe("contacts().ofCompany(null)", "company", k -> () -> k.anna.contacts().ofCompany(null)),
                npe("companies().create(null)", "form", k -> () -> k.anna.companies().create(null)),
                npe("companies().delete(null, 1)", "id", k -> () -> k.anna.companies().delete(null, 1)),
                npe("deals().create(null)", "form", k -> () -> k.anna.deals().create(null)),
                npe("deals().move(id, null)", "stage", k -> () -> k.anna.deals().move(k.deal.id(), null)),
                npe("deals().move(null, stage)", "id", k -> () -> k.anna.deals().move(null, k.p.firstStage().id())),
                npe("deals().lose(id, null)", "reason", k -> () -> k.anna.deals().lose(k.deal.id(), null)),
                npe("deals().win(null)", "id", k -> () -> k.anna.deals().win(null)),
                npe("deals().moveToPipeline(id, pipeline, null)", "stage",
                        k -> () -> k.anna.deals().moveToPipeline(k.deal.id(), k.p.id(), null)),
                npe("deals().update(id, 1, null)", "edit", k -> () -> k.anna.deals().update(k.deal.id(), 1, null)),
                npe("deals().byContact(null)", "contact", k -> () -> k.anna.deals().byContact(null)),
                npe("deals().health((DealId) null)", "id", k -> () -> k.anna.deals().health((DealId) null)),
                npe("deals().health((Collection) null)", "ids",
                        k -> () -> k.anna.deals().health((java.util.Collection<DealId>) null)),
                npe("deals().health([x, null])", "ids[]", k -> () -> k.anna.deals().health(Arrays.asList(k.deal.id(), null))),
                npe("deals().move(null, stage, version)", "id", k -> () -> k.anna.deals().move(null, k.p.firstStage().id(), 1)),
                npe("deals().move(id, null, version)", "stage", k -> () -> k.anna.deals().move(k.deal.id(), null, 1)),
                npe("deals().win(null, version)", "id", k -> () -> k.anna.deals().win(null, 1)),
                npe("deals().lose(id, null, version)", "reason", k -> () -> k.anna.deals().lose(k.deal.id(), null, 1)),
                npe("deals().taskIndicator(null)", "id", k -> () -> k.anna.deals().taskIndicator(null)),
                npe("deals().taskIndicators(null)", "ids", k -> () -> k.anna.deals().taskIndicators(null)),
                npe("deals().taskIndicators([null])", "ids[]",
                        k -> () -> k.anna.deals().taskIndicators(Arrays.asList(k.deal.id(), null))),
                npe("DealForm.in(null)", "pipeline", k -> () -> k.anna.deals().create(DealForm.in(null))),
                npe("DealForm.contact(null)", "contact", k -> k.newDeal(d -> d.contact(null))),
                npe("tasks().create(null)", "form", k -> () -> k.anna.tasks().create(null)),
                npe("tasks().close(null, result)", "id", k -> () -> k.anna.tasks().close(null, Optional.empty())),
                npe("tasks().close(id, null)", "result", k -> () -> k.anna.tasks().close(k.task.id(), null)),
                npe("tasks().setResult(null, text)", "id", k -> () -> k.anna.tasks().setResult(null, "Done")),
                npe("tasks().createForContacts(template, null)", "contacts",
                        k -> () -> k.anna.tasks().createForContacts(TaskForm.todo("x").deadline(T0), null)),
                npe("tasks().of(null)", "record", k -> () -> k.anna.tasks().of(null)),
                npe("tasks().get(null)", "id", k -> () -> k.anna.tasks().get(null)),
                npe("tasks().update(null, 1, edit)", "id", k -> () -> k.anna.tasks().update(null, 1, t -> t.text("x"))),
                npe("tasks().update(id, 1, null)", "edit", k -> () -> k.anna.tasks().update(k.task.id(), 1, null)),
                npe("tasks().reschedule(id, 1, null)", "deadline", k -> () -> k.anna.tasks().reschedule(k.task.id(), 1, null)),
                npe("tasks().delete(null, 1)", "id", k -> () -> k.anna.tasks().delete(null, 1)),
                npe("tasks().dueToday(null)", "user", k -> () -> k.anna.tasks().dueToday(null)),
                npe("tasks().overdue(null)", "user", k -> () -> k.anna.tasks().overdue(null)),
                npe("timeline().comment(null, text)", "owner", k -> () -> k.anna.timeline().comment(null, "Hi")),
                npe("timeline().comment(owner, null)", "text",
                        k -> () -> k.anna.timeline().comment(RecordRef.of(k.deal.id()), null)),
                npe("timeline().logCall(owner, null)", "call",
                        k -> () -> k.anna.timeline().logCall(RecordRef.of(k.deal.id()), null)),
                npe("timeline().logMessage(owner, null)", "message",
                        k -> () -> k.anna.timeline().logMessage(RecordRef.of(k.deal.id()), null)),
                npe("timeline().of(null)", "owner", k -> () -> k.anna.timeline().of(null)),
                npe("timeline().interactions(null, from, to)", "owner", k -> () -> k.anna.timeline().interactions(null, T0, T0)),
                npe("timeline().interactions(owner, null, to)", "from",
                        k -> () -> k.anna.timeline().interactions(RecordRef.of(k.deal.id()), null, T0)),
                npe("timeline().hadInteraction(owner, from, null)", "to",
                        k -> () -> k.anna.timeline().hadInteraction(RecordRef.of(k.deal.id()), T0, null)),
                npe("NewCall.answered(null)", "duration", k -> () -> k.call(aCall().answered(null)).call()),
                npe("NewMessage.body(null)", "body", k -> () -> k.message(aMail().body(null)).call()),
                npe("pipelines().create(null)", "form", k -> () -> k.anna.pipelines().create(null)),
                npe("pipelines().rename(id, null)", "name", k -> () -> k.anna.pipelines().rename(k.p.id(), null)),
                npe("pipelines().rename(null, name)", "id", k -> () -> k.anna.pipelines().rename(null, "Sales")),
                npe("pipelines().reorder(null)", "order", k -> () -> k.anna.pipelines().reorder(null)),
                npe("pipelines().addStage(id, null, 10)", "name", k -> () -> k.anna.pipelines().addStage(k.p.id(), null, 10)),
                npe("pipelines().renameStage(id, null, name)", "stageId",
                        k -> () -> k.anna.pipelines().renameStage(k.p.id(), null, "Talks")),
                npe("pipelines().setProbability(id, null, 10)", "stageId",
                        k -> () -> k.anna.pipelines().setProbability(k.p.id(), null, 10)),
                npe("pipelines().reorderStages(id, null)", "openStages",
                        k -> () -> k.anna.pipelines().reorderStages(k.p.id(), null)),
                npe("pipelines().deleteStage(id, null, target)", "stageId",
                        k -> () -> k.anna.pipelines().deleteStage(k.p.id(), null, Optional.empty())),
                npe("pipelines().deleteStage(id, stage, null)", "target",
                        k -> () -> k.anna.pipelines().deleteStage(k.p.id(), k.p.firstStage().id(), null)),
                npe("pipelines().get(null)", "id", k -> () -> k.anna.pipelines().get(null)),
                npe("settings().list(null)", "kind", k -> () -> k.anna.settings().list(null)),
                npe("settings().taskTypes().add(null)", "name", k -> () -> k.anna.settings().taskTypes().add(null)),
                npe("settings().taskTypes().remove(id, null)", "replacement",
                        k -> () -> k.anna.settings().taskTypes().remove(k.task.type(), null)),
                npe("users().add(null)", "form", k -> () -> k.anna.users().add(null)),
                npe("users().update(id, 1, null)", "edit", k -> () -> k.anna.users().update(k.borisUser.id(), 1, null)),
                npe("users().changeRole(id, null)", "role", k -> () -> k.anna.users().changeRole(k.borisUser.id(), null)),
                npe("users().deactivate(null, successor)", "id",
                        k -> () -> k.anna.users().deactivate(null, k.annaUser.id())),
                npe("events().query(null, page)", "query", k -> () -> k.anna.events().query(null, PageRequest.first(1))),
                npe("events().of(null)", "record", k -> () -> k.anna.events().of(null)),
                npe("EventQuery.between(null, to)", "from",
                        k -> () -> k.anna.events().query(EventQuery.all().between(null, T0), PageRequest.first(1))),
                npe("Importer.of(null)", "crm", k -> () -> dev.crmkit.io.Importer.of(null)),
                npe("Importer.run(null, file, mapping, options)", "session", k -> () -> dev.crmkit.io.Importer.of(k.crm)
                        .run(null, ImportKitBase.csv("Name\nIvan\n"), ImportKit.PEOPLE,
                                dev.crmkit.io.ImportOptions.defaults())),
                npe("Importer.run(session, null, mapping, options)", "file", k -> () -> dev.crmkit.io.Importer.of(k.crm)
                        .run(k.anna, null, ImportKit.PEOPLE, dev.crmkit.io.ImportOptions.defaults())),
                npe("Importer.run(session, file, null, options)", "mapping", k -> () -> dev.crmkit.io.Importer.of(k.crm)
                        .run(k.anna, ImportKitBase.csv("Name\nIvan\n"), null, dev.crmkit.io.ImportOptions.defaults())),
                npe("Importer.run(session, file, mapping, null)", "options", k -> () -> dev.crmkit.io.Importer.of(k.crm)
                        .run(k.anna, ImportKitBase.csv("Name\nIvan\n"), ImportKit.PEOPLE, null)),
                npe("Exporter.contacts(session, null, target)", "filter", k -> () -> dev.crmkit.io.Exporter.of(k.crm)
                        .contacts(k.anna, null, i -> new java.io.ByteArrayOutputStream())),
                npe("Exporter.deals(session, filter, null)", "target", k -> () -> dev.crmkit.io.Exporter.of(k.crm)
                        .deals(k.anna, Filter.all(), null)),
                npe("crm.as(null)", "user", k -> () -> k.crm.as(null)),
                npe("crm.bootstrap(null)", "firstAdmin", k -> () -> k.crm.bootstrap(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.tck.BadRequestsKit#nulls")
    @DisplayName("a null argument is a NullPointerException naming the parameter; nothing changes")
    void nullArgumentIsNamed(Case c) {
        NullPointerException e = failsAndChangesNothing(NullPointerException.class, c.call().apply(this));
        assertThat(e).as(c.name()).hasMessage(c.codes().get(0));
    }
}
