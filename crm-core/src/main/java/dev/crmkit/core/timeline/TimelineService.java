package dev.crmkit.core.timeline;

import static dev.crmkit.core.support.Values.setOrClear;

import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.TimelineFields;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.CallBuilder;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.MessageBuilder;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.core.event.EventService;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Owners;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        Objects.requireNonNull(text, "text");
        return context.write(unit -> {
            Violations v = new Violations();
            boolean owned = Owners.checkKind(v, "owner", owner);
            String normalized = Text.normalize(text);
            if (Text.isBlank(normalized)) {
                v.add("text", "timeline.comment.blank");
            }
            v.text("text", normalized, Limits.COMMENT, true).throwIfAny();
            if (owned) {
                Owners.requireExists(unit.tx(), owner);
            }
            return store(unit, Comment.builder().id(new TimelineEntryId(unit.nextId()))
                    .created(unit.now()).updated(unit.now()).owner(owner).author(unit.actor().id()).at(unit.now())
                    .text(normalized).build());
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
     * @throws RuleViolationException {@code call.logged.hidden} when the call is logged already on a record the
     *         acting user may not see (CON-8): it is neither logged twice nor handed out
     */
    public Call logCall(RecordRef owner, NewCall call) {
        return log(owner, call, "call", (unit, v) -> {
            if (call.duration.isNegative()) {
                v.add("duration", "call.duration.negative");
            } else if (call.duration.getSeconds() > Limits.CALL_DURATION_SECONDS) {
                v.add("duration", "call.duration.long", Limits.CALL_DURATION_SECONDS);
            }
            v.instant("start", call.start);
            if (call.recording != null) {
                v.addAll(Text.checkCode("recording", call.recording.toString(), Limits.URL));
            }
            if (call.cost != null && call.cost.isNegative()) {
                v.add("cost", "call.cost.negative");
            }
            if (call.operator != null && unit.tx().users().find(call.operator).isEmpty()) {
                v.add("operator", "call.operator.unknown", call.operator);
            }
        }, unit -> {
            if (call.callId != null) {
                SameCallRule.Numbers numbers = SameCallRule.numbers(call.from, call.to);
                unit.tx().lock(List.of("crmkit:call:" + call.integration + ":" + call.callId,
                        "crmkit:call-numbers:" + call.direction + ":" + numbers.from() + ":" + numbers.to()));
                Optional<Call> logged = unit.system().timeline().byCallId(call.integration, call.callId);
                if (logged.isPresent()) {
                    return seen(unit, logged.get());
                }
                Duration window = unit.policy().sameCallWindow();
                List<Call> near = Pages.all(unit.system().timeline(), Filter.and(TimelineFields.KIND.eq("call"),
                        TimelineFields.AT.ge(call.start.minus(window)), TimelineFields.AT.le(call.start.plus(window))))
                        .stream().map(Call.class::cast).collect(Collectors.toList());
                Optional<Call> same = SameCallRule.findSame(near, call.integration, call.direction, call.from, call.to,
                        call.start, window);
                if (same.isPresent()) {
                    return seen(unit, same.get());
                }
            }
            CallBuilder c = Call.builder().id(new TimelineEntryId(unit.nextId())).created(unit.now())
                    .updated(unit.now()).owner(owner).author(unit.actor().id()).at(call.start).direction(call.direction)
                    .fromNumber(call.from.strip()).toNumber(call.to.strip()).duration(call.duration)
                    .answered(call.answered);
            setOrClear(call.operator, c::operator, c::clearOperator);
            setOrClear(call.recording, c::recording, c::clearRecording);
            setOrClear(call.cost, c::cost, c::clearCost);
            setOrClear(call.integration, c::integration, c::clearIntegration);
            setOrClear(call.callId, c::callId, c::clearCallId);
            return store(unit, c.build());
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
        return log(owner, message, "message", (unit, v) -> v.instant("at", message.at), unit -> {
            MessageBuilder m = Message.builder().id(new TimelineEntryId(unit.nextId())).created(unit.now())
                    .updated(unit.now()).owner(owner).author(unit.actor().id())
                    .at(message.at == null ? unit.now() : message.at).channel(message.channel)
                    .direction(message.direction).from(message.from.strip()).to(message.to.strip()).body(message.body);
            setOrClear(message.subject, m::subject, m::clearSubject);
            return store(unit, m.build());
        });
    }

    /**
     * Logs an entry from a form on a record: the form's problems, the owner's kind and what {@code check}
     * finds are reported together; then the owner must exist, and {@code write} stores the entry.
     */
    private <T extends TimelineEntry> T log(RecordRef owner, Object form, String name,
                                             BiConsumer<Unit, Violations> check, Function<Unit, T> write) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(form, name);
        return context.write(unit -> {
            Violations v = new Violations().addAll(unit.engine().validator().validate(form));
            Owners.checkKind(v, "owner", owner);
            check.accept(unit, v);
            v.throwIfAny();
            Owners.requireExists(unit.tx(), owner);
            return write.apply(unit);
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
            if (!unit.access().sees(owner)) {
                throw new NotFoundException(owner);
            }
            List<TimelineItem> items = new ArrayList<>();
            for (TimelineEntry e : unit.tx().timeline().byOwner(owner)) {
                items.add(TimelineItem.of(e, unit.nameOf(RecordRef.of(e.author()))));
            }
            for (Event e : EventService.of(unit.tx(), owner)) {
                items.add(new TimelineItem.Change(e, e.author().map(a -> unit.nameOf(RecordRef.of(a))).orElse("system")));
            }
            // Entries before changes of the same instant, changes in log order.
            items.sort(Comparator.comparing(TimelineItem::at).thenComparingLong(i -> i instanceof TimelineItem.Change c
                    ? c.event().sequence() : 0L));
            return items;
        });
    }



    /**
     * The real interactions with the client on a record's timeline in a period, oldest first: connected
     * calls and messages the client sent ({@link Interactions}); an outbound message with no reply, a missed
     * call or a comment is none.
     *
     * @param owner the record
     * @param from the period's start, included
     * @param to the period's end, excluded
     * @return the calls and messages that count
     * @throws dev.crmkit.api.ValidationException {@code period.reversed} when {@code to} is before
     *         {@code from}, {@code owner.kind} for a record that has no timeline
     * @throws dev.crmkit.api.NotFoundException when the record does not exist
     */
    public List<TimelineEntry> interactions(RecordRef owner, Instant from, Instant to) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Violations v = new Violations();
        Owners.checkKind(v, "owner", owner);
        if (to.isBefore(from)) {
            v.add("to", "period.reversed", from, to);
        }
        v.throwIfAny();
        return context.read(unit -> {
            Owners.requireExists(unit.tx(), owner);
            return unit.tx().timeline().byOwner(owner).stream().filter(e -> Interactions.isInteraction(e, from, to))
                    .sorted(Comparator.comparing(TimelineEntry::at)).collect(Collectors.toList());
        });
    }

    /**
     * Whether a record had a real interaction with the client in a period (see {@link #interactions}).
     *
     * @param owner the record
     * @param from the period's start, included
     * @param to the period's end, excluded
     * @return true when there was a connected call or a message from the client
     */
    public boolean hadInteraction(RecordRef owner, Instant from, Instant to) {
        return !interactions(owner, from, to).isEmpty();
    }

    /**
     * A call logged already, handed back only to a user who may see it (CON-8, USER-5): found past the user's
     * rights, so that it is not logged twice, it is refused unnamed to anyone else.
     */
    private static Call seen(Unit unit, Call logged) {
        if (!unit.access().sees(logged)) {
            throw RuleViolationException.of(CoreMessages.violation("callId", "call.logged.hidden"));
        }
        return logged;
    }

    private static <T extends TimelineEntry> T store(Unit unit, T entry) {
        unit.insert(unit.tx().timeline(), entry);
        return entry;
    }
}
