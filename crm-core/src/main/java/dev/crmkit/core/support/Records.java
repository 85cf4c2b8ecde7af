package dev.crmkit.core.support;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;

/** Small reads many services share. */
public final class Records {

    private static final int BATCH = 500;

    private Records() {
    }

    /**
     * The display name of a record that tasks and timeline entries may belong to.
     *
     * @param tx the transaction
     * @param ref the record
     * @return its name
     * @throws NotFoundException when it does not exist
     * @throws IllegalArgumentException for a record type that cannot own tasks or entries
     */
    public static String nameOf(Transaction tx, RecordRef ref) {
        switch (ref.type()) {
            case DEAL:
                return tx.deals().get(new DealId(ref.id())).name();
            case CONTACT:
                return tx.contacts().get(new ContactId(ref.id())).name().full();
            case COMPANY:
                return tx.companies().get(new CompanyId(ref.id())).name();
            case LEAD:
                return tx.leads().get(new LeadId(ref.id())).name();
            default:
                throw new IllegalArgumentException("a " + ref.type() + " cannot own tasks or timeline entries");
        }
    }

    /**
     * Checks that a record is still at the version a change was based on.
     *
     * @param current the stored record
     * @param expectedVersion the version the caller read
     * @param <E> the entity type
     * @return the record
     * @throws ConflictException when it changed meanwhile
     */
    public static <E extends Entity<?>> E requireVersion(E current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion(RecordRef.of(current.id()), expectedVersion, current.version());
        }
        return current;
    }

    /**
     * Every record matching a filter, read page by page.
     *
     * @param store the port
     * @param filter which records
     * @param <I> the id type
     * @param <E> the entity type
     * @return the records in id order
     */
    public static <I extends EntityId, E extends Entity<I>> List<E> all(Store<I, E> store, Filter<E> filter) {
        List<E> result = new ArrayList<>();
        PageRequest page = PageRequest.first(BATCH);
        while (true) {
            Slice<E> slice = store.query(filter, Sort.byId(), page);
            result.addAll(slice.items());
            if (!slice.hasNext()) {
                return result;
            }
            page = page.next(slice);
        }
    }
}
