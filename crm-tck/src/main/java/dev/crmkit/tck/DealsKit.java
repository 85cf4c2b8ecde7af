package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.User;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.event.EventQuery;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.Reopening;
import dev.crmkit.core.user.UserForm;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Deals (DEAL-1, DEAL-9). */
abstract class DealsKit extends FacadeKitBase {

    Pipeline p;

    @BeforeEach
    void pipeline() {
        p = sales();
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("a deal is created in one pipeline, at its first stage unless given, with one responsible user: its creator unless given")
    void dealStartsAtTheFirstStageWithItsCreatorResponsible() {
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Company horns = boris.companies().create(CompanyForm.named("Horns"));
        Deal d = boris.deals().create(DealForm.in(p.id()).name("Office chairs").contact(ivan.id()).company(horns.id())
                .budget(Money.of("15000.00", "RUB"), BudgetType.PER_MONTH).expectedClose(LocalDate.of(2026, 12, 1))
                .product("Chair", new BigDecimal("10"), Money.of("1500", "RUB")));
        assertThat(d.pipeline()).isEqualTo(p.id());
        assertThat(d.stage()).isEqualTo(p.firstStage().id());
        assertThat(d.responsible()).isEqualTo(borisUser.id());
        assertThat(d.budget()).contains(new Budget(Money.of("15000", "RUB"), BudgetType.PER_MONTH));
        assertThat(d.products().get(0).total()).isEqualTo(Money.of("15000", "RUB"));
        assertThat(boris.deals().get(d.id())).isEqualTo(d);
        Deal assigned = anna.deals().create(DealForm.in(p.id()).stage(p.stages().get(1).id()).responsible(borisUser.id()));
        assertThat(assigned.responsible()).isEqualTo(borisUser.id());
        assertThat(assigned.stage()).isEqualTo(p.stages().get(1).id());
        assertThat(assigned.name()).startsWith("Deal ");
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("a deal's bad input is reported all at once; an unknown pipeline is NotFoundException")
    void badDealInputIsReportedAtOnce() {
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.deals().create(DealForm.in(p.id()).stage(p.wonStage().id())
                        .contact(new dev.crmkit.api.contact.ContactId(java.util.UUID.randomUUID()))
                        .budget(Money.of("-5", "RUB"))));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                "stage deal.stage.closed", "contacts[0] deal.contact.unknown", "budget.amount budget.negative");
        failsAndChangesNothing(NotFoundException.class, () -> anna.deals().create(DealForm.in(
                new dev.crmkit.api.deal.PipelineId(java.util.UUID.randomUUID()))));
        failsAndChangesNothing(NotFoundException.class, () -> anna.deals().move(
                new dev.crmkit.api.deal.DealId(java.util.UUID.randomUUID()), p.firstStage().id()));
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("moving to a stage of another pipeline, or an unknown stage, is a typed error; nothing changes")
    void stageOfAnotherPipelineIsATypedError() {
        Pipeline other = anna.pipelines().create(NewPipeline.named("Partners").stage("Talks", 20));
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        refused(RuleViolationException.class,
                () -> anna.deals().move(d.id(), other.firstStage().id()), "deal.stage.foreign");
        refused(RuleViolationException.class,
                () -> anna.deals().move(d.id(), new dev.crmkit.api.deal.StageId(java.util.UUID.randomUUID())), "deal.stage.unknown");
        Deal moved = anna.deals().moveToPipeline(d.id(), other.id(), Optional.empty());
        assertThat(moved.pipeline()).isEqualTo(other.id());
        assertThat(moved.stage()).isEqualTo(other.firstStage().id());
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("moving through stages records STAGE_CHANGED events with the stage names")
    void movesRecordStageChangesWithStageNames() {
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
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
    void lostNeedsAReasonWonDoesNot() {
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        refused(RuleViolationException.class,
                () -> anna.deals().move(d.id(), p.lostStage().id()), "deal.loss_reason.required");
        refused(RuleViolationException.class,
                () -> anna.deals().lose(d.id(), new dev.crmkit.api.settings.LossReasonId(java.util.UUID.randomUUID())), "deal.loss_reason.unknown");
        Deal lost = anna.deals().lose(d.id(), reason("Too expensive").id());
        assertThat(lost.stage()).isEqualTo(p.lostStage().id());
        assertThat(lost.lossReason()).contains(reason("Too expensive").id());
        assertThat(lost.closed()).contains(T0);
        Deal w = anna.deals().win(anna.deals().create(DealForm.in(p.id()).name("Tables")).id());
        assertThat(w.stage()).isEqualTo(p.wonStage().id());
        assertThat(w.lossReason()).isEmpty();
        assertThat(anna.events().of(RecordRef.of(d.id()))).extracting(Event::kind)
                .contains(EventKind.STAGE_CHANGED, EventKind.CLOSED, EventKind.FIELD_CHANGED);
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("amoCRM preset: anyone may re-open a closed deal; it loses its close date and reason")
    void amoCrmLetsAnyoneReopen() {
        Deal lost = boris.deals().lose(boris.deals().create(DealForm.in(p.id())).id(), reason("Too expensive").id());
        Deal reopened = boris.deals().move(lost.id(), p.firstStage().id());
        assertThat(reopened.closed()).isEmpty();
        assertThat(reopened.lossReason()).isEmpty();
        assertThat(boris.events().of(RecordRef.of(lost.id()))).extracting(Event::kind).contains(EventKind.REOPENED);
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("Bitrix24 preset: only admins re-open; a custom policy can forbid re-opening")
    void reopeningFollowsThePolicy() {
        CrmSession bBoris = crm(Policies.bitrix24SalesDepartment()).as(borisUser.id());
        CrmSession bAnna = crm(Policies.bitrix24SalesDepartment()).as(annaUser.id());
        Deal won = bBoris.deals().win(boris.deals().create(DealForm.in(p.id())).id());
        failsAndChangesNothing(AccessDeniedException.class, () -> bBoris.deals().move(won.id(), p.firstStage().id()));
        assertThat(bAnna.deals().move(won.id(), p.firstStage().id()).closed()).isEmpty();
        CrmSession strict = crm(Policy.builder(Policies.amoCrm()).reopening(Reopening.NOBODY).build()).as(annaUser.id());
        Deal closed = strict.deals().win(strict.deals().create(DealForm.in(p.id())).id());
        refused(RuleViolationException.class,
                () -> strict.deals().move(closed.id(), p.firstStage().id()), "deal.reopen.forbidden");
    }

    @Test
    @DisplayName("two users update the same deal from the same version: the second fails with a conflict")
    void secondSaveFromTheSameVersionConflicts() {
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        anna.deals().update(d.id(), d.version(), x -> x.name("Office chairs")
                .budget(Money.of("100", "RUB")));
        failsAndChangesNothing(ConflictException.class,
                () -> boris.deals().update(d.id(), d.version(), x -> x.name("Garden chairs")));
        Deal stored = anna.deals().get(d.id());
        assertThat(stored.name()).isEqualTo("Office chairs");
        assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.FIELD_CHANGED)
                .extracting(e -> e.field().orElseThrow()).containsExactly("name", "budget");
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("handing a deal to another user writes RESPONSIBLE_CHANGED; an inactive user cannot take it")
    void handingADealOverWritesResponsibleChanged() {
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs"));
        Deal handed = anna.deals().update(d.id(), d.version(), x -> x.responsible(borisUser.id()));
        assertThat(handed.responsible()).isEqualTo(borisUser.id());
        User carl = anna.users().add(UserForm.named("Carl"));
        anna.users().deactivate(carl.id(), annaUser.id());
        refused(ValidationException.class, () -> anna.deals().update(d.id(),
                handed.version(), x -> x.responsible(carl.id())), "deal.responsible.inactive");
    }

    @Test
    @Tag("DEAL-11")
    @DisplayName("deals are filtered, sorted and paged through the facade")
    void dealsAreFilteredSortedAndPaged() {
        for (int i = 1; i <= 5; i++) {
            anna.deals().create(DealForm.in(p.id()).name("D" + i).budget(Money.of(i * 100 + "", "RUB")));
        }
        Slice<Deal> page = anna.deals().query(DealFields.BUDGET_AMOUNT.ge(new BigDecimal("300")),
                Sort.byDescending(DealFields.BUDGET_AMOUNT), PageRequest.first(2));
        assertThat(page.items()).extracting(Deal::name).containsExactly("D5", "D4");
        assertThat(anna.deals().query(DealFields.BUDGET_AMOUNT.ge(new BigDecimal("300")),
                Sort.byDescending(DealFields.BUDGET_AMOUNT), PageRequest.first(2).next(page)).items())
                .extracting(Deal::name).containsExactly("D3");
    }

    @Test
    @Tag("DEAL-9")
    @DisplayName("a Lost deal lost for another reason keeps its stage and close time and writes one lossReason change; the same reason again writes nothing")
    void losingALostDealAgainChangesOnlyItsReason() {
        Deal lost = anna.deals().lose(anna.deals().create(DealForm.in(p.id()).name("Chairs")).id(),
                reason("Too expensive").id());
        clock.advance(Duration.ofHours(1));
        long seen = lastEvent();
        Deal again = anna.deals().lose(lost.id(), reason("No longer needed").id());
        assertThat(again.stage()).isEqualTo(p.lostStage().id());
        assertThat(again.stageEntered()).isEqualTo(lost.stageEntered());
        assertThat(again.closed()).isEqualTo(lost.closed()).contains(T0);
        assertThat(again.lossReason()).contains(reason("No longer needed").id());
        assertThat(anna.events().after(seen, 100)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FIELD_CHANGED);
            assertThat(e.field()).contains("lossReason");
            assertThat(e.before()).contains("Too expensive");
            assertThat(e.after()).contains("No longer needed");
        });
        long changed = lastEvent();
        Deal same = anna.deals().lose(lost.id(), reason("No longer needed").id());
        assertThat(same).isEqualTo(again);
        assertThat(lastEvent()).as("the same reason again writes nothing").isEqualTo(changed);
    }

    @Test
    @Tag("DEAL-1")
    @DisplayName("a contact named twice in a deal's form is linked once, with one LINKED event")
    void contactNamedTwiceIsLinkedOnce() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Deal d = anna.deals().create(DealForm.in(p.id()).contact(ivan.id()).contact(ivan.id()));
        assertThat(d.contacts()).containsExactly(ivan.id());
        assertThat(anna.events().of(RecordRef.of(d.id()))).filteredOn(e -> e.kind() == EventKind.LINKED)
                .singleElement().satisfies(e -> assertThat(e.after()).contains("Ivan Petrov"));
        Deal edited = anna.deals().update(d.id(), d.version(), f -> f.contact(ivan.id()));
        assertThat(edited).as("naming a linked contact again changes nothing").isEqualTo(d);
    }

    @Test
    @DisplayName("a tag added through an edit is normalized as on create: \"  x  \" is stored as \"x\"")
    void tagOfAnEditIsNormalizedAsOnCreate() {
        Deal d = anna.deals().create(DealForm.in(p.id()).tag("  vip\u00A0"));
        assertThat(d.tags()).containsExactly("vip");
        Deal edited = anna.deals().update(d.id(), d.version(), f -> f.tag("  x  ").tag("vip "));
        assertThat(edited.tags()).containsExactly("vip", "x");
        assertThat(anna.deals().get(d.id()).tags()).containsExactly("vip", "x");
    }

    private long lastEvent() {
        return storage.inTransaction((dev.crmkit.spi.Transaction tx) -> tx.events().lastSequence());
    }
}
