package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import dev.crmkit.core.timeline.TimelineItem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The timeline (ACT-1, ACT-2). */
abstract class TimelineKit extends FacadeKitBase {

    @Test
    @Tag("ACT-1")
    @DisplayName("a record's timeline holds comments, calls, messages with direction, stage and field changes, in time order, each with author and time")
    void timelineHoldsEntriesAndChangesInTimeOrder() {
        Deal d = chairs(anna);
        RecordRef ref = RecordRef.of(d.id());
        clock.advance(Duration.ofMinutes(5));
        Comment c = boris.timeline().comment(ref, "Discussed delivery on the 15th");
        clock.advance(Duration.ofMinutes(5));
        boris.timeline().logCall(ref, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant())
                .answered(Duration.ofSeconds(95)));
        clock.advance(Duration.ofMinutes(5));
        anna.deals().move(d.id(), sales().stages().get(1).id());
        clock.advance(Duration.ofMinutes(5));
        Message m = anna.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.INBOUND,
                "ivan@client.test", "sales@crmkit.test").subject("Re: offer").body("We agree"));
        clock.advance(Duration.ofMinutes(5));
        Deal current = anna.deals().get(d.id());
        boris.deals().update(d.id(), current.version(), f -> f.name("Chairs, 40"));
        List<TimelineItem> items = anna.timeline().of(ref);
        assertThat(items).extracting(TimelineKit::what, TimelineItem::author, TimelineItem::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATED", "Anna Admin", T0),
                org.assertj.core.groups.Tuple.tuple("Note", "Boris Manager", T0.plus(Duration.ofMinutes(5))),
                org.assertj.core.groups.Tuple.tuple("PhoneCall", "Boris Manager", T0.plus(Duration.ofMinutes(10))),
                org.assertj.core.groups.Tuple.tuple("STAGE_CHANGED stage", "Anna Admin", T0.plus(Duration.ofMinutes(15))),
                org.assertj.core.groups.Tuple.tuple("message INBOUND", "Anna Admin", T0.plus(Duration.ofMinutes(20))),
                org.assertj.core.groups.Tuple.tuple("FIELD_CHANGED name", "Boris Manager", T0.plus(Duration.ofMinutes(25))));
        assertThat(c.author()).isEqualTo(borisUser.id());
        assertThat(m.direction()).isEqualTo(Direction.INBOUND);
        refused(ValidationException.class,
                () -> anna.timeline().comment(ref, "  "), "timeline.comment.blank");
    }

    private static String what(TimelineItem item) {
        if (item instanceof TimelineItem.Change change) {
            return change.event().kind() + change.event().field().map(f -> " " + f).orElse("");
        }
        if (item instanceof TimelineItem.Correspondence mail) {
            return "message " + mail.message().direction();
        }
        return item.getClass().getSimpleName();
    }

    @Test
    @Tag("LEAD-5")
    @DisplayName("a record had a real interaction in a period only through a connected call or a message from the client")
    void interactionsInAPeriod() {
        Deal d = chairs(anna);
        RecordRef ref = RecordRef.of(d.id());
        Instant start = clock.instant();
        boris.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.OUTBOUND, "boris@crmkit.test",
                "ivan@client.test").subject("Our offer"));
        boris.timeline().logCall(ref, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant()));
        boris.timeline().comment(ref, "Called, no answer");
        assertThat(boris.timeline().hadInteraction(ref, start, start.plus(Duration.ofDays(1)))).isFalse();
        clock.advance(Duration.ofHours(2));
        Message reply = boris.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.INBOUND,
                "ivan@client.test", "boris@crmkit.test").subject("Re: Our offer"));
        Call talked = boris.timeline().logCall(ref, NewCall.inbound("+7 901 776-34-34", "+7 495 000-00-00",
                start.plus(Duration.ofDays(3))).answered(Duration.ofSeconds(30)));
        assertThat(boris.timeline().interactions(ref, start, start.plus(Duration.ofDays(1))))
                .containsExactly(reply);
        assertThat(boris.timeline().interactions(ref, start, start.plus(Duration.ofDays(4))))
                .containsExactly(reply, talked);
        assertThat(boris.timeline().hadInteraction(ref, start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(2))))
                .as("the call on day 3 is outside the period").isFalse();
        refused(ValidationException.class,
                () -> boris.timeline().interactions(ref, start, start.minusSeconds(1)), "period.reversed");
        failsAndChangesNothing(dev.crmkit.api.NotFoundException.class, () -> boris.timeline().hadInteraction(
                RecordRef.of(new dev.crmkit.api.deal.DealId(java.util.UUID.randomUUID())), start, start));
    }

    @Test
    @Tag("ACT-2")
    @DisplayName("a call keeps direction, numbers, start, duration, answer, operator, recording, cost and call id")
    void callKeepsEveryAttribute() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
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
    void telephonyCallIdIsStoredOnce() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        NewCall report = NewCall.inbound("+79017763434", "+74951234567", T0).answered(Duration.ofSeconds(30))
                .reportedBy("mango", "c-9");
        Call first = anna.timeline().logCall(RecordRef.of(ivan.id()), report);
        long events = anna.events().after(0, 10_000).size();
        Call again = boris.timeline().logCall(RecordRef.of(ivan.id()), report);
        assertThat(again).isEqualTo(first);
        assertThat(anna.timeline().of(RecordRef.of(ivan.id()))).filteredOn(i -> i instanceof TimelineItem.PhoneCall).hasSize(1);
        assertThat(anna.events().after(0, 10_000)).hasSize((int) events);
    }
}
