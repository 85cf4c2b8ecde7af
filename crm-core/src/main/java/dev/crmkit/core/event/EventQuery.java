package dev.crmkit.core.event;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.api.query.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which events to list (EV-2): a period, an author, an entity type or record, kinds. What is not set
 * does not filter. Not thread-safe.
 */
public final class EventQuery {

    private Instant from;
    private Instant to;
    private UserId author;
    private EntityType entityType;
    private RecordRef entity;
    private final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);

    private EventQuery() {
    }

    /**
     * Every event.
     *
     * @return the query
     */
    public static EventQuery all() {
        return new EventQuery();
    }

    /**
     * Events in a period.
     *
     * @param fromInclusive the start
     * @param toExclusive the end
     * @return this query
     */
    public EventQuery between(Instant fromInclusive, Instant toExclusive) {
        this.from = Objects.requireNonNull(fromInclusive, "from");
        this.to = Objects.requireNonNull(toExclusive, "to");
        return this;
    }

    /**
     * Events by an author.
     *
     * @param value the author
     * @return this query
     */
    public EventQuery author(UserId value) {
        this.author = Objects.requireNonNull(value, "author");
        return this;
    }

    /**
     * Events about records of one type.
     *
     * @param value the type
     * @return this query
     */
    public EventQuery entityType(EntityType value) {
        this.entityType = Objects.requireNonNull(value, "entityType");
        return this;
    }

    /**
     * Events about one record.
     *
     * @param value the record
     * @return this query
     */
    public EventQuery entity(RecordRef value) {
        this.entity = Objects.requireNonNull(value, "entity");
        return this;
    }

    /**
     * Events of some kinds.
     *
     * @param values the kinds
     * @return this query
     */
    public EventQuery kinds(EventKind... values) {
        kinds.addAll(List.of(values));
        return this;
    }

    /**
     * The query as a storage filter.
     *
     * @return the filter
     */
    public Filter<Event> toFilter() {
        List<Filter<Event>> parts = new ArrayList<>();
        if (from != null) {
            parts.add(EventFields.AT.ge(from));
            parts.add(EventFields.AT.lt(to));
        }
        if (author != null) {
            parts.add(EventFields.AUTHOR.eq(author));
        }
        if (entityType != null) {
            parts.add(EventFields.ENTITY_TYPE.eq(entityType));
        }
        if (entity != null) {
            parts.add(EventFields.ENTITY_TYPE.eq(entity.type()));
            parts.add(EventFields.ENTITY_ID.eq(entity.id()));
        }
        if (!kinds.isEmpty()) {
            parts.add(EventFields.KIND.in(kinds));
        }
        return new Filter.And<>(parts);
    }
}
