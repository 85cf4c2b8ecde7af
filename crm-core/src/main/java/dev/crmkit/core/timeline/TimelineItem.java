package dev.crmkit.core.timeline;

import dev.crmkit.api.event.Event;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of a record's timeline (ACT-1): a {@link Note} (comment), a {@link PhoneCall}, a
 * {@link Correspondence} (e-mail, SMS, chat) or a {@link Change} from the event log. Each carries who
 * and when; test which it is with {@code instanceof} (or a pattern {@code switch} on Java 21+):
 *
 * <pre>{@code
 * for (TimelineItem item : anna.timeline().of(RecordRef.of(deal.id()))) {
 *     if (item instanceof TimelineItem.PhoneCall call && call.call().connected()) { ... }
 * }
 * }</pre>
 *
 * Its {@code toString()} is one readable line: {@code 2026-11-02T10:15:00Z Boris Manager: call inbound
 * +7 901 776-34-34 → +7 495 000-00-00, 95 s}.
 */
public sealed interface TimelineItem {

    /**
     * When it happened.
     *
     * @return the time
     */
    Instant at();

    /**
     * Who wrote, logged or changed it, by name; {@code system} for changes without an author.
     *
     * @return the name
     */
    String author();

    /**
     * The item of a timeline entry.
     *
     * @param entry the entry
     * @param author its author's name
     * @return the item
     */
    static TimelineItem of(TimelineEntry entry, String author) {
        if (entry instanceof Comment c) {
            return new Note(c, author);
        } else if (entry instanceof Call c) {
            return new PhoneCall(c, author);
        } else if (entry instanceof Message m) {
            return new Correspondence(m, author);
        }
        throw new IllegalArgumentException(entry.getClass().getName());
    }

    /**
     * A comment.
     *
     * @param comment the comment
     * @param author its author's name
     */
    record Note(Comment comment, String author) implements TimelineItem {
        @Override
        public Instant at() {
            return comment.at();
        }

        @Override
        public String toString() {
            return at() + " " + author + ": comment “" + comment.text() + "”";
        }
    }

    /**
     * A phone call.
     *
     * @param call the call
     * @param author who logged it, by name
     */
    record PhoneCall(Call call, String author) implements TimelineItem {
        @Override
        public Instant at() {
            return call.at();
        }

        @Override
        public String toString() {
            return at() + " " + author + ": call " + call.direction().name().toLowerCase(Locale.ROOT) + " "
                    + call.fromNumber() + " → " + call.toNumber() + ", "
                    + (call.answered() ? call.duration().toSeconds() + " s" : "missed");
        }
    }

    /**
     * An e-mail, SMS or chat message.
     *
     * @param message the message
     * @param author who logged it, by name
     */
    record Correspondence(Message message, String author) implements TimelineItem {
        @Override
        public Instant at() {
            return message.at();
        }

        @Override
        public String toString() {
            return at() + " " + author + ": " + message.channel().name().toLowerCase(Locale.ROOT) + " "
                    + message.direction().name().toLowerCase(Locale.ROOT) + " " + message.from() + " → "
                    + message.to() + message.subject().map(s -> " “" + s + "”").orElse("");
        }
    }

    /**
     * A change of the record from the event log: created, stage changed, field changed, …
     *
     * @param event the event
     * @param author who made it, by name
     */
    record Change(Event event, String author) implements TimelineItem {
        @Override
        public Instant at() {
            return event.at();
        }

        @Override
        public String toString() {
            String what = event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return at() + " " + author + ": " + what + event.field().map(f -> " " + f).orElse("")
                    + event.before().map(b -> " “" + b + "”").orElse("")
                    + event.after().map(a -> " → “" + a + "”").orElse("");
        }
    }
}
