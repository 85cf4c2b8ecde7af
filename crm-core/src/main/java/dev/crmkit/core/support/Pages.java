package dev.crmkit.core.support;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Store;
import java.util.ArrayList;
import java.util.List;

/** Reads every record a filter selects, page by page, so no single read is unbounded. */
public final class Pages {

    private static final int BATCH = 500;

    private Pages() {
    }

    /**
     * Every record matching a filter.
     *
     * @param store the port
     * @param filter which records
     * @param <I> the id type
     * @param <E> the entity type
     * @return the records in id order
     */
    public static <I extends EntityId, E extends Entity<I>> List<E> all(Store<I, E> store, Filter<E> filter) {
        return all(store, filter, Sort.byId());
    }

    /**
     * Every record matching a filter, in an order.
     *
     * @param store the port
     * @param filter which records
     * @param sort their order (then the id)
     * @param <I> the id type
     * @param <E> the entity type
     * @return the records in that order
     */
    public static <I extends EntityId, E extends Entity<I>> List<E> all(Store<I, E> store, Filter<E> filter,
                                                                        Sort<E> sort) {
        List<E> result = new ArrayList<>();
        PageRequest page = PageRequest.first(BATCH);
        while (true) {
            Slice<E> slice = store.query(filter, sort, page);
            result.addAll(slice.items());
            if (!slice.hasNext()) {
                return result;
            }
            page = page.next(slice);
        }
    }
}
