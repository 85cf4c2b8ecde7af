package dev.crmkit.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ACT-2")
@DisplayName("ACT-2: one call reported by two integrations (the rule alone)")
class SameCallRuleTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Call call(String integration, Direction direction, String from, String to, Instant at) {
        return Call.builder().id(new TimelineEntryId(UUID.randomUUID())).created(T).updated(T)
                .owner(new RecordRef(EntityType.CONTACT, UUID.randomUUID())).author(new UserId(UUID.randomUUID()))
                .at(at).direction(direction).fromNumber(from).toNumber(to).duration(Duration.ZERO).answered(false)
                .integration(integration).callId("x").build();
    }

    @Test
    @DisplayName("same direction and numbers in any spelling, within the window, from another integration: the same call")
    void same() {
        Call logged = call("mango", Direction.INBOUND, "+7 (901) 776-34-34", "+7 495 123-45-67", T);
        assertThat(SameCallRule.findSame(List.of(logged), "zadarma", Direction.INBOUND, "89017763434", "74951234567",
                T.plusSeconds(40), MINUTE)).contains(logged);
    }

    @Test
    @DisplayName("another direction, other numbers, outside the window or the same integration: different calls")
    void different() {
        Call logged = call("mango", Direction.INBOUND, "+79017763434", "+74951234567", T);
        List<Call> calls = List.of(logged);
        assertThat(SameCallRule.findSame(calls, "zadarma", Direction.OUTBOUND, "+79017763434", "+74951234567", T, MINUTE))
                .isEmpty();
        assertThat(SameCallRule.findSame(calls, "zadarma", Direction.INBOUND, "+79017763435", "+74951234567", T, MINUTE))
                .isEmpty();
        assertThat(SameCallRule.findSame(calls, "zadarma", Direction.INBOUND, "+79017763434", "+74951234567",
                T.plusSeconds(61), MINUTE)).isEmpty();
        assertThat(SameCallRule.findSame(calls, "mango", Direction.INBOUND, "+79017763434", "+74951234567",
                T.plusSeconds(5), MINUTE)).as("a redial reported by the same integration").isEmpty();
    }
}
