package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.DealHealth;
import dev.crmkit.core.deal.DealHealth.Inactivity;
import dev.crmkit.core.deal.DealHealth.Part;
import dev.crmkit.core.policy.CommentVerdict;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Correct and active deals through the facade (DEAL-5, DEAL-6), with the detailed-comment classifier of the
 * policy (DEAL-7): every missing part and every reason for inactivity, the period's edge on the test clock,
 * the deal's own timeline against its contact's, and many deals in one read that writes nothing.
 */
abstract class DealHealthKit extends FacadeKitBase {

    private static final String DETAILED = "Agreed on 40 chairs, delivery on the 15th, payment in two parts";

    private Contact ivan;
    private ProductGroupId chairs;

    private Contact ivan() {
        if (ivan == null) {
            ivan = anna.contacts().create(ContactForm.named("Ivan Petrov"));
        }
        return ivan;
    }

    private ProductGroupId chairsGroup() {
        if (chairs == null) {
            chairs = anna.settings().productGroups().add("Chairs").id();
        }
        return chairs;
    }

    /** A deal with every field part of DEAL-5: product group, contact, product line, budget. */
    private Deal complete(String name) {
        return boris.deals().create(DealForm.in(sales().id()).name(name).productGroup(chairsGroup()).contact(ivan().id())
                .product("Office chair", new BigDecimal("40"), Money.of("3750", "RUB")).budget(Money.of("150000", "RUB")));
    }

    private Deal edit(Deal d, Consumer<DealForm> change) {
        Deal current = anna.deals().get(d.id());
        return boris.deals().update(d.id(), current.version(), change::accept);
    }

    private void talk(RecordRef on) {
        boris.timeline().logCall(on, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant())
                .answered(Duration.ofSeconds(95)));
    }

    private DealHealth health(Deal d) {
        return boris.deals().health(d.id());
    }

    @Test
    @Tag("DEAL-5")
    @DisplayName("a deal is correct once it has a product group, an open stage, a contact, a detailed comment, a product and an amount; each missing one is named")
    void everyPartIsNamed() {
        Deal d = boris.deals().create(DealForm.in(sales().id()).name("Chairs"));
        RecordRef on = RecordRef.of(d.id());
        assertThat(health(d).missing()).containsExactly(Part.PRODUCT_GROUP, Part.CONTACT, Part.DETAILED_COMMENT,
                Part.PRODUCT, Part.AMOUNT);
        edit(d, f -> f.productGroup(chairsGroup()));
        assertThat(health(d).missing()).containsExactly(Part.CONTACT, Part.DETAILED_COMMENT, Part.PRODUCT, Part.AMOUNT);
        edit(d, f -> f.contact(ivan().id()));
        assertThat(health(d).missing()).containsExactly(Part.DETAILED_COMMENT, Part.PRODUCT, Part.AMOUNT);
        boris.timeline().comment(on, "НД");
        boris.timeline().comment(on, "Клиент думает, перезвонить");
        assertThat(health(d).missing()).as("placeholders are no detailed comment (DEAL-7)")
                .containsExactly(Part.DETAILED_COMMENT, Part.PRODUCT, Part.AMOUNT);
        boris.timeline().comment(on, DETAILED);
        assertThat(health(d).missing()).containsExactly(Part.PRODUCT, Part.AMOUNT);
        edit(d, f -> f.product("Office chair", new BigDecimal("40"), Money.of("3750", "RUB")));
        assertThat(health(d).missing()).containsExactly(Part.AMOUNT);
        edit(d, f -> f.budget(Money.of("0.00", "RUB")));
        assertThat(health(d).missing()).as("an amount of zero is no amount").containsExactly(Part.AMOUNT);
        edit(d, f -> f.budget(Money.of("150000", "RUB")));
        DealHealth correct = health(d);
        assertThat(correct.missing()).isEmpty();
        assertThat(correct.correct()).isTrue();
        assertThat(correct.inactivity()).as("correct, but no interaction yet").containsExactly(Inactivity.NO_INTERACTION);
        assertThat(correct.lastDetailedComment()).contains(T0);
    }

    @Test
    @Tag("DEAL-5")
    @DisplayName("a Won or a Lost deal has no current stage: it is neither correct nor active, however complete")
    void closedDealsHaveNoCurrentStage() {
        Deal won = complete("Won chairs");
        Deal lost = complete("Lost chairs");
        for (Deal d : List.of(won, lost)) {
            talk(RecordRef.of(d.id()));
            boris.timeline().comment(RecordRef.of(d.id()), DETAILED);
            assertThat(health(d).active()).isTrue();
        }
        boris.deals().win(won.id());
        boris.deals().lose(lost.id(), reason("Too expensive").id());
        for (Deal d : List.of(won, lost)) {
            DealHealth h = health(d);
            assertThat(h.missing()).containsExactly(Part.CURRENT_STAGE);
            assertThat(h.inactivity()).containsExactly(Inactivity.NOT_CORRECT);
        }
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("a correct deal is active only with a connected call or a client's message, and a detailed comment")
    void everyInactiveReason() {
        Deal d = complete("Chairs");
        RecordRef on = RecordRef.of(d.id());
        assertThat(health(d).inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_INTERACTION,
                Inactivity.NO_DETAILED_COMMENT);
        boris.timeline().logMessage(on, NewMessage.of(Channel.EMAIL, Direction.OUTBOUND, "boris@crmkit.test",
                "ivan@client.test").subject("Our offer"));
        boris.timeline().logCall(on, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant()));
        boris.timeline().logCall(on, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant())
                .answered(Duration.ZERO));
        assertThat(health(d).inactivity()).as("an unanswered e-mail and calls that did not connect are no interaction")
                .containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_INTERACTION, Inactivity.NO_DETAILED_COMMENT);
        boris.timeline().logMessage(on, NewMessage.of(Channel.EMAIL, Direction.INBOUND, "ivan@client.test",
                "boris@crmkit.test").subject("Re: Our offer").body("Send the contract"));
        DealHealth talked = health(d);
        assertThat(talked.inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_DETAILED_COMMENT);
        assertThat(talked.lastInteraction()).contains(T0);
        boris.timeline().comment(on, "Пообщались");
        assertThat(health(d).inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_DETAILED_COMMENT);
        boris.timeline().comment(on, "Обсудили цену, согласен на рассрочку, договор в пятницу");
        DealHealth active = health(d);
        assertThat(active.correct()).isTrue();
        assertThat(active.active()).isTrue();
        assertThat(active.inactivity()).isEmpty();
        assertThat(active.asOf()).isEqualTo(T0);
        assertThat(active.since()).isEqualTo(Instant.parse("2026-09-02T09:00:00Z"));
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("the call and the comment keep a deal active up to exactly two months later; a microsecond more and it is inactive until a new detailed comment and call")
    void periodEdgeOnTheClock() {
        Deal d = complete("Chairs");
        RecordRef on = RecordRef.of(d.id());
        talk(on);
        boris.timeline().comment(on, DETAILED);
        Instant edge = T0.atZone(ZoneOffset.UTC).plusMonths(2).toInstant();
        clock.advance(Duration.between(T0, edge));
        DealHealth atEdge = health(d);
        assertThat(atEdge.since()).isEqualTo(T0);
        assertThat(atEdge.active()).as("an entry exactly at the period's start counts").isTrue();
        clock.advance(Duration.ofNanos(1_000));
        DealHealth past = health(d);
        assertThat(past.correct()).as("the old detailed comment keeps the deal correct").isTrue();
        assertThat(past.inactivity()).containsExactly(Inactivity.NO_INTERACTION, Inactivity.NO_DETAILED_COMMENT);
        assertThat(past.lastInteraction()).contains(T0);
        assertThat(past.lastDetailedComment()).contains(T0);
        talk(on);
        boris.timeline().comment(on, "перезвонить");
        assertThat(health(d).inactivity()).as("a placeholder does not prolong the deal")
                .containsExactly(Inactivity.NO_DETAILED_COMMENT);
        boris.timeline().comment(on, "Готов оплачивать, назначили встречу на пятницу");
        assertThat(health(d).active()).isTrue();
    }

    @Test
    @Tag("DEAL-6")
    @DisplayName("the period is policy, and its calendar months are the acting user's: 29 April 22:00 UTC is 30 April in Moscow")
    void periodIsPolicyInTheUsersZone() {
        Deal d = complete("Chairs");
        RecordRef on = RecordRef.of(d.id());
        talk(on);
        boris.timeline().comment(on, DETAILED);
        clock.advance(Duration.ofDays(8));
        CrmSession weekly = crm(policy().toBuilder().activityPeriod(Period.ofWeeks(1)).build()).as(borisUser.id());
        assertThat(weekly.deals().health(d.id()).inactivity()).containsExactly(Inactivity.NO_INTERACTION,
                Inactivity.NO_DETAILED_COMMENT);
        assertThat(health(d).active()).as("two months under the preset").isTrue();
        clock.advance(Duration.between(clock.instant(), Instant.parse("2027-04-29T22:00:00Z")));
        assertThat(health(d).since()).isEqualTo(Instant.parse("2027-02-28T22:00:00Z"));
        User moscow = anna.users().update(borisUser.id(), borisUser.version(), u -> u.timeZone(ZoneId.of("Europe/Moscow")));
        assertThat(moscow.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(health(d).since()).as("two months before 30 April, 01:00 in Moscow").isEqualTo(
                Instant.parse("2027-02-27T22:00:00Z"));
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @DisplayName("only the deal's own timeline counts: a call and a detailed comment on its contact make it neither correct nor active")
    void theContactsTimelineDoesNotCount() {
        Deal d = complete("Chairs");
        RecordRef client = RecordRef.of(ivan().id());
        talk(client);
        boris.timeline().comment(client, DETAILED);
        assertThat(boris.timeline().hadInteraction(client, T0, T0.plusSeconds(1))).isTrue();
        DealHealth h = health(d);
        assertThat(h.missing()).containsExactly(Part.DETAILED_COMMENT);
        assertThat(h.inactivity()).containsExactly(Inactivity.NOT_CORRECT, Inactivity.NO_INTERACTION,
                Inactivity.NO_DETAILED_COMMENT);
        assertThat(h.lastInteraction()).isEmpty();
        RecordRef own = RecordRef.of(d.id());
        talk(own);
        boris.timeline().comment(own, DETAILED);
        assertThat(health(d).active()).as("the same on the deal itself").isTrue();
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @DisplayName("many deals in one read: in the order asked, each once, judged at one moment, and nothing written")
    void manyDealsInOneRead() {
        Deal worked = complete("Worked");
        Deal idle = complete("Idle");
        Deal bare = boris.deals().create(DealForm.in(sales().id()).name("Bare"));
        talk(RecordRef.of(worked.id()));
        boris.timeline().comment(RecordRef.of(worked.id()), DETAILED);
        boris.timeline().comment(RecordRef.of(idle.id()), DETAILED);
        Snapshot before = snapshot();
        List<DealHealth> all = boris.deals().health(List.of(bare.id(), worked.id(), idle.id(), bare.id()));
        assertThat(snapshot()).as("a read writes nothing").isEqualTo(before);
        assertThat(all).extracting(DealHealth::deal).containsExactly(bare.id(), worked.id(), idle.id());
        assertThat(all).extracting(DealHealth::correct).containsExactly(false, true, true);
        assertThat(all).extracting(DealHealth::active).containsExactly(false, true, false);
        assertThat(all).extracting(DealHealth::asOf).containsOnly(T0);
        assertThat(all.get(1)).isEqualTo(boris.deals().health(worked.id()));
        assertThat(all.get(2).inactivity()).containsExactly(Inactivity.NO_INTERACTION);
        assertThat(boris.deals().health(List.of())).isEmpty();
    }

    @Test
    @Tag("DEAL-5")
    @DisplayName("an unknown deal is NotFoundException, alone or among others; more ids than a page are refused")
    void unknownAndTooMany() {
        Deal d = complete("Chairs");
        DealId unknown = new DealId(UUID.randomUUID());
        assertThat(failsAndChangesNothing(NotFoundException.class, () -> boris.deals().health(unknown)).record())
                .isEqualTo(RecordRef.of(unknown));
        assertThat(failsAndChangesNothing(NotFoundException.class,
                () -> boris.deals().health(List.of(d.id(), unknown))).record()).isEqualTo(RecordRef.of(unknown));
        List<DealId> many = IntStream.rangeClosed(0, dev.crmkit.api.Limits.PAGE_SIZE)
                .mapToObj(i -> new DealId(UUID.randomUUID())).toList();
        refused(ValidationException.class, () -> boris.deals().health(many), "collection.too_many");
        assertThat(boris.deals().health(Collections.nCopies(dev.crmkit.api.Limits.PAGE_SIZE + 5, d.id())))
                .as("the same deal many times is one deal").hasSize(1);
    }

    @Test
    @Tag("DEAL-5")
    @Tag("DEAL-6")
    @Tag("DEAL-7")
    @DisplayName("Bitrix24: a deal converted from a lead needs its own detailed comment, product and interaction; the CRM's policy classifies comments")
    void convertedBitrixDeal() {
        Crm bitrixCrm = crm(Policies.bitrix24SalesDepartment());
        CrmSession bitrix = bitrixCrm.as(borisUser.id());
        Lead lead = bitrix.leads().create(LeadForm.named("СПО, колледж").person("Егор", "Турутов").middleName("Игоревич")
                .phone("+7 904 104-19-27", PhoneKind.MOBILE).email("egor@mail.test", EmailKind.PRIVATE)
                .budget(Money.of("41990", "RUB")));
        RecordRef onLead = RecordRef.of(lead.id());
        bitrix.timeline().logCall(onLead, NewCall.inbound("+7 904 104-19-27", "+7 495 000-00-00", clock.instant())
                .answered(Duration.ofSeconds(300)));
        bitrix.timeline().comment(onLead, "Интересуется СПО");
        Deal d = bitrix.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id())
                .productGroup(chairsGroup()).completeContact(c -> c.birthDate(LocalDate.of(2003, 4, 1)))).deal();
        DealHealth fresh = bitrix.deals().health(d.id());
        assertThat(fresh.missing()).as("the lead's comment and call stay on the lead")
                .containsExactly(Part.DETAILED_COMMENT, Part.PRODUCT);
        bitrix.deals().update(d.id(), d.version(), f -> f.product("СПО / ИСиП (09.02.07) / Колледж", BigDecimal.ONE,
                Money.of("60000", "RUB")));
        String card = "Планирует поступление на СПО ПКО ИС 2020, готов оплачивать, мама поддерживает, БПМ у обоих "
                + "комфорт и престиж, назначили ЛВ на пт 28.02.20 16.00";
        CommentVerdict verdict = bitrixCrm.policy().detailedComments().classify(card);
        assertThat(verdict.detailed()).isTrue();
        bitrix.timeline().comment(RecordRef.of(d.id()), card);
        bitrix.timeline().logCall(RecordRef.of(d.id()), NewCall.outbound("+7 495 000-00-00", "+7 904 104-19-27",
                clock.instant()).answered(Duration.ofSeconds(120)));
        DealHealth h = bitrix.deals().health(d.id());
        assertThat(h.correct()).isTrue();
        assertThat(h.active()).isTrue();
        assertThat(h.lastDetailedComment()).contains(T0);
    }
}
