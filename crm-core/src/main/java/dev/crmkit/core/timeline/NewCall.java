package dev.crmkit.core.timeline;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.user.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call to log on a record's timeline (ACT-2). A call reported by a telephony integration names it
 * and the integration's call id; the same pair is stored once. Not thread-safe.
 */
public final class NewCall {

    @NotNull(message = "{call.direction.required}")
    Direction direction;
    @NotBlank(message = "{call.number.required}")
    @TextValue(max = Limits.PHONE_INPUT, code = true)
    String from;
    @NotBlank(message = "{call.number.required}")
    @TextValue(max = Limits.PHONE_INPUT, code = true)
    String to;
    @NotNull(message = "{call.start.required}")
    Instant start;
    Duration duration = Duration.ZERO;
    boolean answered;
    UserId operator;
    URI recording;
    Money cost;
    @TextValue(max = Limits.CODE, code = true)
    String integration;
    @TextValue(max = Limits.CODE, code = true)
    String callId;

    private NewCall(Direction direction, String from, String to, Instant start) {
        this.direction = direction;
        this.from = Text.normalize(from);
        this.to = Text.normalize(to);
        this.start = start;
    }

    /**
     * An inbound call.
     *
     * @param from the caller's number
     * @param to the number called
     * @param start when it started
     * @return the command
     */
    public static NewCall inbound(String from, String to, Instant start) {
        return new NewCall(Direction.INBOUND, from, to, start);
    }

    /**
     * An outbound call.
     *
     * @param from the organization's number
     * @param to the client's number
     * @param start when it started
     * @return the command
     */
    public static NewCall outbound(String from, String to, Instant start) {
        return new NewCall(Direction.OUTBOUND, from, to, start);
    }

    /**
     * Marks the call answered, with the length of the conversation.
     *
     * @param value how long the conversation lasted
     * @return this command
     */
    public NewCall answered(Duration value) {
        this.answered = true;
        this.duration = Objects.requireNonNull(value, "duration");
        return this;
    }

    /**
     * Sets the operator.
     *
     * @param value the user who took or made the call
     * @return this command
     */
    public NewCall operator(UserId value) {
        this.operator = value;
        return this;
    }

    /**
     * Sets the recording reference.
     *
     * @param value the reference
     * @return this command
     */
    public NewCall recording(URI value) {
        this.recording = value;
        return this;
    }

    /**
     * Sets the cost.
     *
     * @param value what the call cost
     * @return this command
     */
    public NewCall cost(Money value) {
        this.cost = value;
        return this;
    }

    /**
     * Names the integration that reported the call and its id for it.
     *
     * @param integrationName the integration
     * @param id the integration's call id
     * @return this command
     */
    public NewCall reportedBy(String integrationName, String id) {
        this.integration = Text.normalize(Objects.requireNonNull(integrationName, "integration"));
        this.callId = Text.normalize(Objects.requireNonNull(id, "callId"));
        return this;
    }
}
