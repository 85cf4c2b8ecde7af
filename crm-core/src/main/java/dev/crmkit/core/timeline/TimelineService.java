package dev.crmkit.core.timeline;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.core.event.EventService;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Records;

import dev.crmkit.core.support.Violations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.time.Duration;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.TimelineFields;

/**
 * The timeline of a record (ACT-1, ACT-2): comments, calls and messages, plus its changes from the
 * event log. A call reported by a telephony integration is stored once, however often it is reported.
 * Obtained from {@code CrmSession}; thread-safe.
 */
public final class TimelineService {

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public TimelineService(Context context) {
        this.context = context;
    }

    /**
     * Writes a comment on a record.
     *
     * @param owner the record (deal, contact, company or lead)
     * @param text the comment
     * @return the stored comment
     * @throws dev.crmkit.api.ValidationException {@code timeline.comment.blank}
     * @throws dev.crmkit.api.NotFoundException when the record does not exist
     */
    public Comment comment(RecordRef owner, String text) {
        Objects.requireNonNull(owner, "owner");
        return context.write(unit -> {
            if (text == null || text.isBlank()) {
                new Violations().add("text", "timeline.comment.blank").throwIfAny();
            }
            String ownerName = Records.nameOf(unit.tx(), owner);
            Comment c = Comment.builder().id(new TimelineEntryId(context.ids().next())).created(unit.now())
                    .updated(unit.now()).owner(owner).author(unit.actor().id()).at(unit.now()).text(text.strip()).build();
            unit.tx().timeline().insert(c);
            unit.event(ref(c), "comment on " + ownerName, EventKind.CREATED);
            return c;
        });
    }

    /**
     * Logs a call on a record (ACT-2). A call is logged once: when the integration and its call id are
     * given and that call is logged already, or another integration reported a call with the same numbers
     * and direction starting within the policy's {@link dev.crmkit.core.policy.Policy#sameCallWindow()},
     * the logged call is returned and nothing is written.
     *
     * @param owner the record
     * @param call the call
     * @return the stored call
     * @throws dev.crmkit.api.ValidationException listing every problem with the call
     */
    public Call logCall(RecordRef owner, NewCall call) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(call, "call");
        return context.write(unit -> {
            Violations v = new Violations().addAll(context.validator().validate(call));
            if (call.duration.isNegative()) {
                v.add("duration", "call.duration.negative");
            }
            if (call.operator != null && unit.tx().users().find(call.operator).isEmpty()) {
                v.add("operator", "call.operator.unknown", call.operator);
            }
            v.throwIfAny();
            String ownerName = Records.nameOf(unit.tx(), owner);
            if (call.callId != null) {
                SameCallRule.Numbers numbers = SameCallRule.numbers(call.from, call.to);
                unit.tx().lock(List.of("crmkit:call:" + call.integration + ":" + call.callId,
                        "crmkit:call-numbers:" + call.direction + ":" + numbers.from() + ":" + numbers.to()));
                Optional<Call> logged = unit.tx().timeline().byCallId(call.integration, call.callId);
                if (logged.isPresent()) {
                    return logged.get();
                }
                Duration window = context.policy().sameCallWindow();
                List<Call> near = Records.all(unit.tx().timeline(), Filter.and(TimelineFields.KIND.eq("call"),
                        TimelineFields.AT.ge(call.start.minus(window)), TimelineFields.AT.le(call.start.plus(window))))
                        .stream().map(Call.class::cast).collect(Collectors.toList());
                Optional<Call> same = SameCallRule.findSame(near, call.integration, call.direction, call.from, call.to,
                        call.start, window);
                if (same.isPresent()) {
                    return same.get();
                }
            }
            Call c = Call.builder().id(new TimelineEntryId(context.ids().next())).created(unit.now())
                    .updated(unit.now()).owner(owner).author(unit.actor().id()).at(call.start).direction(call.direction)
                    .fromNumber(call.from.strip()).toNumber(call.to.strip()).duration(call.duration)
                    .answered(call.answered).operator(Optional.ofNullable(call.operator))
                    .recording(Optional.ofNullable(call.recording)).cost(Optional.ofNullable(call.cost))
                    .integration(Optional.ofNullable(call.integration)).callId(Optional.ofNullable(call.callId)).build();
            unit.tx().timeline().insert(c);
            unit.event(ref(c), "call on " + ownerName, EventKind.CREATED);
            return c;
        });
    }

    /**
     * Logs an e-mail, SMS or chat message on a record.
     *
     * @param owner the record
     * @param message the message
     * @return the stored message
     */
    public Message logMessage(RecordRef owner, NewMessage message) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(message, "message");
        return context.write(unit -> {
            new Violations().addAll(context.validator().validate(message)).throwIfAny();
            String ownerName = Records.nameOf(unit.tx(), owner);
            Message m = Message.builder().id(new TimelineEntryId(context.ids().next())).created(unit.now())
                    .updated(unit.now()).owner(owner).author(unit.actor().id())
                    .at(message.at == null ? unit.now() : message.at).channel(message.channel)
                    .direction(message.direction).from(message.from.strip()).to(message.to.strip())
                    .subject(Optional.ofNullable(message.subject)).body(message.body).build();
            unit.tx().timeline().insert(m);
            unit.event(ref(m), message.channel.name().toLowerCase(java.util.Locale.ROOT) + " on " + ownerName,
                    EventKind.CREATED);
            return m;
        });
    }

    /**
     * A record's timeline: its comments, calls and messages and its own changes from the event log, by
     * time (entries before changes at the same instant).
     *
     * @param owner the record
     * @return the items, oldest first
     */
    public List<TimelineItem> of(RecordRef owner) {
        Objects.requireNonNull(owner, "owner");
        return context.read(unit -> {
            List<TimelineItem> items = new ArrayList<>();
            for (TimelineEntry e : unit.tx().timeline().byOwner(owner)) {
                items.add(new TimelineItem.Entry(e));
            }
            for (Event e : EventService.of(unit.tx(), owner)) {
                items.add(new TimelineItem.Change(e));
            }
            items.sort(Comparator.comparing(TimelineItem::at)
                    .thenComparing(i -> i instanceof TimelineItem.Change ? ((TimelineItem.Change) i).event().sequence() : 0L));
            return items;
        });
    }

    /**
     * The author of an entry, for display.
     *
     * @param entry the entry
     * @return the author's name, or the id when the user is gone
     */
    public String authorName(TimelineEntry entry) {
        return context.read(unit -> unit.tx().users().find(entry.author()).map(User::name)
                .orElse(entry.author().toString()));
    }

    private static RecordRef ref(TimelineEntry e) {
        return new RecordRef(EntityType.TIMELINE_ENTRY, e.id().value());
    }

}
