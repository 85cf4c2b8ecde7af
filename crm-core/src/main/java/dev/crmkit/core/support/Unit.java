package dev.crmkit.core.support;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of one user inside one transaction: the ports, the acting user, the operation's time,
 * and the events it records, appended when the operation's work has succeeded.
 */
public final class Unit {

    private final Context context;
    private final Transaction tx;
    private final User actor;
    private final Instant now;
    private final List<NewEvent> events = new ArrayList<>();

    Unit(Context context, Transaction tx, User actor, Instant now) {
        this.context = context;
        this.tx = tx;
        this.actor = actor;
        this.now = now;
    }

    /**
     * The transaction's ports.
     *
     * @return the transaction
     */
    public Transaction tx() {
        return tx;
    }

    /**
     * The acting user, as stored when the operation began.
     *
     * @return the user
     */
    public User actor() {
        return actor;
    }

    /**
     * The operation's time; every record and event of the operation carries it.
     *
     * @return the instant
     */
    public Instant now() {
        return now;
    }

    /**
     * The session's context.
     *
     * @return the context
     */
    public Context context() {
        return context;
    }

    /**
     * Requires the acting user to be an administrator (USER-1).
     *
     * @param action what is being done, for the message
     * @throws AccessDeniedException otherwise
     */
    public void requireAdmin(String action) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators may " + action + "; " + actor.name() + " is not one");
        }
    }

    /**
     * Records an event without a field.
     *
     * @param entity the record
     * @param name its name
     * @param kind the kind
     */
    public void event(RecordRef entity, String name, EventKind kind) {
        events.add(NewEvent.of(now, actor.id(), entity, name, kind));
    }

    /**
     * Records an event about a field, unless before and after are equal.
     *
     * @param entity the record
     * @param name its name
     * @param kind the kind
     * @param field the field
     * @param before the value before, or null
     * @param after the value after, or null
     */
    public void change(RecordRef entity, String name, EventKind kind, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        events.add(NewEvent.ofField(now, actor.id(), entity, name, kind, field, text(before), text(after)));
    }

    private static Optional<String> text(Object value) {
        if (value instanceof Optional<?>) {
            return ((Optional<?>) value).map(String::valueOf);
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    void flush() {
        for (NewEvent e : events) {
            tx.events().append(e);
        }
        events.clear();
    }
}
