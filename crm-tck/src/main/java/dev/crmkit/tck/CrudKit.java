package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Insert, find, update and delete of every aggregate; values come back equal. */
abstract class CrudKit extends StorageKitBase {

    @Test
    @DisplayName("a user round-trips with role, time zone, locale and rights")
    void userRoundTrip() {
        User u = data.aUser("Anna Admin").toBuilder().role(dev.crmkit.api.user.Role.ADMIN)
                .timeZone(java.time.ZoneId.of("Europe/Moscow")).locale(java.util.Locale.forLanguageTag("ru"))
                .rights(Set.of(dev.crmkit.api.user.UserRight.EXPORT)).build();
        committed(tx -> tx.users().insert(u));
        assertThat(storage.inTransaction((Transaction tx) -> tx.users().find(u.id()))).contains(u);
    }

    @Test
    @DisplayName("a contact round-trips with its company link and every CON-9 attribute")
    void contactRoundTrip() {
        Company company = data.aCompany("Horns and Hooves", owner().id());
        Contact c = data.aContact("Ivan", "Petrov", owner().id()).toBuilder().company(company.id())
                .tags(List.of("vip", "moscow")).currency(Currency.getInstance("RUB"))
                .photo(URI.create("https://files.test/ivan.png"))
                .links(List.of(URI.create("https://vk.com/ivan"), URI.create("https://ivan.test")))
                .description("Buys twice a year").birthDate(LocalDate.of(1985, 4, 12)).position("CFO")
                .access(dev.crmkit.api.contact.AccessLevel.PRIVATE)
                .customFields(dev.crmkit.api.field.CustomFieldValues.empty().with(
                        new dev.crmkit.api.field.CustomFieldId(data.newId()),
                        new dev.crmkit.api.field.FieldValue.Text("from the fair")))
                .build();
        storage.run(tx -> {
            tx.companies().insert(company);
            tx.contacts().insert(c);
        });
        Contact stored = storage.inTransaction((Transaction tx) -> tx.contacts().get(c.id()));
        assertThat(stored).isEqualTo(c);
        assertThat(stored.company()).contains(company.id());
        assertThat(stored.tags()).containsExactly("vip", "moscow");
        assertThat(storage.inTransaction((Transaction tx) -> tx.companies().get(company.id()))).isEqualTo(company);
    }

    @Test
    @DisplayName("a deal round-trips with its one pipeline, stage, responsible user, budget, products and loss reason")
    void dealRoundTrip() {
        Pipeline p = pipeline("Sales", 0);
        ListItem<LossReasonId> tooExpensive = ListItem.create(new LossReasonId(data.newId()), "Too expensive", 0,
                data.now());
        Deal d = data.aDeal("Office chairs", p, owner().id(), null).toBuilder()
                .stage(p.lostStage().id())
                .budget(new Budget(rub("150000.50"), BudgetType.PER_MONTH))
                .expectedClose(LocalDate.of(2026, 12, 20))
                .products(List.of(new ProductLine("Chair", new BigDecimal("10"), rub("15000.05"))))
                .closed(data.now()).lossReason(tooExpensive.id()).source(LeadSource.WEB_FORM).build();
        storage.run(tx -> {
            tx.settings().list(ListKind.LOSS_REASONS).insert(tooExpensive);
            tx.deals().insert(d);
        });
        Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
        assertThat(stored).isEqualTo(d);
        assertThat(stored.pipeline()).isEqualTo(p.id());
        assertThat(stored.responsible()).isEqualTo(owner().id());
        assertThat(stored.budget().orElseThrow().amount().amount()).isEqualByComparingTo("150000.50");
        assertThat(stored.lossReason()).contains(tooExpensive.id());
    }

    @Test
    @DisplayName("a pipeline round-trips with ordered stages ending in Won and Lost and their probabilities")
    void pipelineRoundTrip() {
        Pipeline p = pipeline("Sales", 0);
        Pipeline stored = storage.inTransaction((Transaction tx) -> tx.pipelines().get(p.id()));
        assertThat(stored).isEqualTo(p);
        assertThat(stored.stages()).extracting(s -> s.kind())
                .containsExactly(StageKind.OPEN, StageKind.OPEN, StageKind.WON, StageKind.LOST);
        assertThat(stored.stages().get(1).probability().value()).isEqualByComparingTo("50");
    }

    @Test
    @DisplayName("a lead round-trips with its source, status and utm values")
    void leadRoundTrip() {
        Lead l = data.aLead("Request from the site", owner().id()).toBuilder().source(LeadSource.WEB_FORM)
                .status(LeadStatus.UNSORTED).utm(new Utm(Optional.of("yandex"), Optional.of("cpc"),
                        Optional.of("autumn"), Optional.empty(), Optional.of("chairs"), Optional.of("GA1.2.3")))
                .budget(rub("1000")).build();
        committed(tx -> tx.leads().insert(l));
        assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(l.id()))).isEqualTo(l);
    }

    @Test
    @DisplayName("a task and a task type round-trip")
    void taskRoundTrip() {
        ListItem<TaskTypeId> call = data.aTaskType("Call", 0);
        Task t = data.aTask(call.id(), new RecordRef(EntityType.DEAL, data.newId()), owner().id(),
                TestData.START.plusSeconds(86_400)).toBuilder().closed(data.now()).result("Agreed").build();
        storage.run(tx -> {
            tx.settings().list(ListKind.TASK_TYPES).insert(call);
            tx.tasks().insert(t);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().get(t.id()))).isEqualTo(t);
        assertThat(storage.<ListItem<TaskTypeId>>inTransaction(tx -> tx.settings().list(ListKind.TASK_TYPES).get(call.id())))
                .isEqualTo(call);
    }

    @Test
    @DisplayName("comments, calls with every ACT-2 attribute and messages round-trip as timeline entries")
    void timelineRoundTrip() {
        RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
        Comment comment = data.aComment(deal, owner().id(), "Discussed the delivery date");
        Call call = data.aCall(deal, owner().id(), "mango", "c-1").toBuilder()
                .recording(URI.create("https://rec.test/c-1.mp3")).build();
        Instant t = data.now();
        Message message = Message.builder().id(new TimelineEntryId(data.newId())).created(t).updated(t)
                .owner(deal).author(owner().id()).at(t).channel(Channel.EMAIL).direction(Direction.INBOUND)
                .from("ivan@client.test").to("sales@crmkit.test").subject("Offer").body("We agree").build();
        storage.run(tx -> {
            tx.timeline().insert(comment);
            tx.timeline().insert(call);
            tx.timeline().insert(message);
        });
        assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().findAll(List.of(call.id(), comment.id(), message.id()))))
                .containsExactly(call, comment, message);
        Call stored = (Call) storage.inTransaction((Transaction tx) -> tx.timeline().get(call.id()));
        assertThat(stored.direction()).isEqualTo(Direction.INBOUND);
        assertThat(stored.duration()).hasSeconds(95);
        assertThat(stored.connected()).isTrue();
        assertThat(stored.cost()).contains(rub("3.50"));
    }

    @Test
    @DisplayName("an update replaces the record and raises its version; find sees the new state")
    void updateRaisesTheVersion() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        Deal changed = next(d).name("Chairs and tables").build();
        Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().update(changed, 1));
        assertThat(stored).isEqualTo(changed);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).version()).isEqualTo(2);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).name()).isEqualTo("Chairs and tables");
    }

    @Test
    @DisplayName("a deleted record is gone; get throws NotFoundException")
    void deletedRecordIsGone() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        storage.run(tx -> tx.deals().delete(d.id(), 1));
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().find(d.id()))).isEmpty();
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().get(d.id())))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).record()).isEqualTo(RecordRef.of(d.id())));
    }

    @Test
    @DisplayName("updating or deleting an unknown id throws NotFoundException")
    void unknownIds() {
        Deal ghost = data.aDeal("Ghost", data.aPipeline("P", 0), owner().id(), null);
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(next(ghost).build(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().delete(ghost.id(), 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("inserting an id twice is a conflict and the stored record stays as it was")
    void insertTwice() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        Deal impostor = d.toBuilder().name("Impostor").build();
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().insert(impostor)))
                .isInstanceOf(ConflictException.class);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(d);
    }

    @Test
    @DisplayName("a new record must be at version 1 and the next state at the expected version + 1")
    void versionArguments() {
        Deal d = deal("Chairs", pipeline("Sales", 0), owner(), "100");
        Deal other = data.aDeal("Other", data.aPipeline("P", 0), owner().id(), null);
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().insert(next(other).build())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(d.toBuilder().name("x").build(), 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(d);
    }

    @Test
    @DisplayName("findAll returns the existing records in the order asked, each once")
    void findAll() {
        Pipeline p = pipeline("Sales", 0);
        Deal a = deal("A", p, owner(), null);
        Deal b = deal("B", p, owner(), null);
        DealId missing = new DealId(data.newId());
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().findAll(List.of(b.id(), missing, a.id(), b.id()))))
                .containsExactly(b, a);
    }
}
