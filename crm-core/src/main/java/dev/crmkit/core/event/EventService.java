package dev.crmkit.core.event;

import dev.crmkit.core.support.Violations;
import dev.crmkit.api.Violation;
import dev.crmkit.api.Limits;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.core.support.Queries;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.core.support.Context;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The event log (EV-1, EV-2): every change made through crmkit, filtered and paged, and a change feed
 * ("events after N") for applications that embed it. Obtained from {@code CrmSession}; thread-safe.
 */
public final class EventService {

    private static final int BATCH = 500;

    private static final Queries<Event> QUERIES = Queries.of("events", EventFields.ALL, EventFields.SEQUENCE);

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public EventService(Context context) {
        this.context = context;
    }

    /**
     * One page of the events a query selects, in the order they were stored.
     *
     * @param query which events
     * @param page which page
     * @return the page
     */
    public Slice<Event> query(EventQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        Filter<Event> filter = query.toFilter();
        QUERIES.check(filter, Sort.byId(), page);
        return QUERIES.marked(context.read(unit -> unit.tx().events().query(filter, page)), Sort.byId());
    }

    /**
     * The events stored after a sequence number: poll with the last number seen to follow every change.
     *
     * @param sequence the last sequence number seen, 0 at first
     * @param limit how many at most
     * @return the events, in order
     */
    public List<Event> after(long sequence, int limit) {
        Violations v = new Violations();
        if (sequence < 0) {
            v.add("sequence", "events.sequence.negative", sequence);
        }
        if (limit < 1 || limit > Limits.PAGE_SIZE) {
            v.addAll(List.of(Violation.of("limit", "page.size", limit, Limits.PAGE_SIZE)));
        }
        v.throwIfAny();
        return context.read(unit -> unit.tx().events().after(sequence, limit));
    }

    /**
     * Every event about one record, in order.
     *
     * @param record the record
     * @return its events
     */
    public List<Event> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return context.read(unit -> of(unit.tx(), record));
    }

    /**
     * Every event about one record, read inside a transaction.
     *
     * @param tx the transaction
     * @param record the record
     * @return its events
     */
    public static List<Event> of(Transaction tx, RecordRef record) {
        List<Event> result = new ArrayList<>();
        PageRequest page = PageRequest.first(BATCH);
        while (true) {
            Slice<Event> slice = tx.events().query(EventQuery.all().entity(record).toFilter(), page);
            result.addAll(slice.items());
            if (!slice.hasNext()) {
                return result;
            }
            page = page.next(slice);
        }
    }
}
