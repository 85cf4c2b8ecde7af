package dev.crmkit.api.timeline;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * An e-mail, SMS or chat message logged on a record's timeline (ACT-1). Build one with {@link #builder()}.
 *
 * @param id the entry's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when it was stored
 * @param updated when it last changed
 * @param owner the record whose timeline holds it
 * @param author who logged it
 * @param at when it was sent or received
 * @param channel e-mail, SMS or chat
 * @param direction inbound (from the client) or outbound
 * @param from the sender's address or number
 * @param to the recipient's address or number
 * @param subject the subject, for e-mail
 * @param body the text, possibly empty
 */
@WithBuilder
public record Message(TimelineEntryId id, long version, Instant created, Instant updated, RecordRef owner,
                      UserId author, Instant at, Channel channel, Direction direction, String from, String to,
                      Optional<String> subject, String body) implements TimelineEntry, MessageBuilder.ToBuilder {

    /** Checks the invariants. */
    public Message {
        Checks.present("id, created, updated, owner, author, at, channel, direction, from, to, subject, body", id,
                created, updated, owner, author, at, channel, direction, from, to, subject, body);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static MessageBuilder builder() {
        return new MessageBuilder();
    }

    @Override
    public Message withOwner(RecordRef newOwner) {
        return toBuilder().owner(newOwner).build();
    }
}
