package dev.crmkit.core.event;

import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.Violation;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Queries;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The event log (EV-1, EV-2): every change made through crmkit, filtered and paged, and a change feed
 * ("events after N") for applications that embed it. A user other than an admin reads only the events about
 * records they may see (CON-8, USER-5). Obtained from {@code CrmSession}; thread-safe.
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
        return QUERIES.marked(context.read(unit -> {
            Slice<Event> read = unit.tx().events().query(filter, page);
            return new Slice<>(seen(unit, read.items()), read.next());
        }), Sort.byId());
    }

    /**
     * The events stored after a sequence number: poll with the last number seen to follow every change. A user
     * other than an admin gets the next events about records they may see (CON-8, USER-5), read on past those
     * they may not see, up to the end of the log.
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
        return context.read(unit -> {
            if (unit.access().all()) {
                return unit.tx().events().after(sequence, limit);
            }
            // Reads on past events the user may not see, so a poll from the last event seen always moves on.
            List<Event> seen = new ArrayList<>();
            long last = sequence;
            while (seen.size() < limit) {
                List<Event> read = unit.tx().events().after(last, BATCH);
                if (read.isEmpty()) {
                    break;
                }
                for (Event e : seen(unit, read)) {
                    if (seen.size() < limit) {
                        seen.add(e);
                    }
                }
                last = read.get(read.size() - 1).sequence();
            }
            return seen;
        });
    }

    /**
     * Every event about one record, in order.
     *
     * @param record the record
     * @return its events
     */
    public List<Event> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return context.read(unit -> {
            if (!unit.access().sees(record)) {
                throw new NotFoundException(record);
            }
            return of(unit.tx(), record);
        });
    }

    /**
     * The events about records the acting user may see (CON-8, USER-5); those about records the user may not
     * see, or that are gone, are left out for users other than admins. A page may so hold fewer events than
     * asked for; its cursor goes on where the read stopped.
     */
    private static List<Event> seen(Unit unit, List<Event> events) {
        return unit.access().all() ? events
                : events.stream().filter(e -> unit.access().sees(e.entity())).collect(Collectors.toList());
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
