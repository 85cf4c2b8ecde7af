package dev.crmkit.core.timeline;

import dev.crmkit.core.support.TextValue;
import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Objects;

/** A message to log on a record's timeline (ACT-1): e-mail, SMS or chat. Not thread-safe. */
public final class NewMessage {

    final Channel channel;
    final Direction direction;
    @NotBlank(message = "{message.address.required}")
    @TextValue(max = Limits.EMAIL_INPUT, code = true)
    final String from;
    @NotBlank(message = "{message.address.required}")
    @TextValue(max = Limits.EMAIL_INPUT, code = true)
    final String to;
    Instant at;
    @TextValue(max = Limits.MESSAGE_SUBJECT)
    String subject;
    @TextValue(max = Limits.MESSAGE_BODY, multiLine = true)
    String body = "";

    private NewMessage(Channel channel, Direction direction, String from, String to) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.from = Text.normalize(from);
        this.to = Text.normalize(to);
    }

    /**
     * A message.
     *
     * @param channel e-mail, SMS or chat
     * @param direction from the client (inbound) or to them (outbound)
     * @param from the sender
     * @param to the recipient
     * @return the command
     */
    public static NewMessage of(Channel channel, Direction direction, String from, String to) {
        return new NewMessage(channel, direction, from, to);
    }

    /**
     * Sets when it was sent (by default, now).
     *
     * @param value the time
     * @return this command
     */
    public NewMessage at(Instant value) {
        this.at = value;
        return this;
    }

    /**
     * Sets the subject.
     *
     * @param value the subject
     * @return this command
     */
    public NewMessage subject(String value) {
        this.subject = Text.normalize(value);
        return this;
    }

    /**
     * Sets the text.
     *
     * @param value the text
     * @return this command
     */
    public NewMessage body(String value) {
        this.body = Text.normalize(Objects.requireNonNull(value, "body"));
        return this;
    }
}
