package dev.crmkit.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("LEAD-5")
@DisplayName("LEAD-5: what counts as a real interaction with the client (the rule alone)")
class InteractionsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final RecordRef LEAD = new RecordRef(EntityType.LEAD, UUID.randomUUID());
    private static final UserId BORIS = new UserId(UUID.randomUUID());

    private static TimelineEntryId id() {
        return new TimelineEntryId(UUID.randomUUID());
    }

    private static Call call(Direction direction, boolean answered, int seconds, Instant at) {
        return Call.builder().id(id()).created(T).updated(T).owner(LEAD).author(BORIS).at(at).direction(direction)
                .fromNumber("+79017763434").toNumber("+74950000000").duration(Duration.ofSeconds(seconds))
                .answered(answered).build();
    }

    private static Message message(Direction direction, Instant at) {
        return Message.builder().id(id()).created(T).updated(T).owner(LEAD).author(BORIS).at(at).channel(Channel.EMAIL)
                .direction(direction).from("a@client.test").to("b@crmkit.test").body("Hello").build();
    }

    @ParameterizedTest(name = "{0} call, answered {1}, {2} s: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            INBOUND  | true  | 95 | true
            OUTBOUND | true  |  1 | true
            INBOUND  | true  |  0 | false
            OUTBOUND | false |  0 | false
            INBOUND  | false | 30 | false
            """)
    @DisplayName("a call counts only when it connected: answered and longer than zero seconds")
    void calls(Direction direction, boolean answered, int seconds, boolean counts) {
        assertThat(Interactions.isInteraction(call(direction, answered, seconds, T))).isEqualTo(counts);
    }

    @Test
    @DisplayName("a message counts when the client sent it; our unanswered message and a comment do not")
    void messagesAndComments() {
        assertThat(Interactions.isInteraction(message(Direction.INBOUND, T))).isTrue();
        assertThat(Interactions.isInteraction(message(Direction.OUTBOUND, T))).isFalse();
        TimelineEntry comment = Comment.builder().id(id()).created(T).updated(T).owner(LEAD).author(BORIS).at(T)
                .text("Talked at length").build();
        assertThat(Interactions.isInteraction(comment)).isFalse();
    }

    @Test
    @DisplayName("a period includes its start and excludes its end")
    void periodIsHalfOpen() {
        Call talked = call(Direction.INBOUND, true, 30, T);
        assertThat(Interactions.isInteraction(talked, T, T.plusSeconds(1))).isTrue();
        assertThat(Interactions.isInteraction(talked, T.minusSeconds(60), T)).isFalse();
        assertThat(Interactions.isInteraction(talked, T.plusNanos(1), T.plusSeconds(60))).isFalse();
        assertThat(Interactions.isInteraction(talked, T, T)).as("an empty period holds nothing").isFalse();
    }
}
