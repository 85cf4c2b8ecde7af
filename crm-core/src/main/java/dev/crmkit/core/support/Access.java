package dev.crmkit.core.support;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Client;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Transaction;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may see and change what (CON-8, USER-5), for one acting user in one operation. Admins see and change
 * everything. A contact or company is seen by everyone unless it is private, when only its managers (the
 * responsible user and the listed managers) see it; it is changed by its managers, and by everyone when it is
 * shared read/write. A deal is seen and changed by everyone unless it is restricted, when only the listed users
 * and its responsible user do. A task or timeline entry is seen with the record it belongs to (a task also by its
 * assignee); leads, users, pipelines and settings are seen by everyone. The same rules are given as filters, so
 * the storage selects what a user may see ({@link #scope}). Not thread-safe: it belongs to one operation.
 */
public final class Access {

    private final User actor;
    private final Transaction system;
    /** Whether each owner record looked up for a task or timeline entry is visible, within the operation. */
    private final Map<RecordRef, Boolean> owners = new HashMap<>();

    Access(User actor, Transaction system) {
        this.actor = actor;
        this.system = system;
    }

    /**
     * Whether the acting user is an admin, who sees and changes everything.
     *
     * @return true for admins
     */
    public boolean all() {
        return actor.role() == Role.ADMIN;
    }

    /**
     * Whether the acting user may see a record.
     *
     * @param record a record of any kind
     * @return true when it is visible
     */
    public boolean sees(Object record) {
        if (all()) {
            return true;
        }
        if (record instanceof Client c) {
            return c.access() != AccessLevel.PRIVATE || c.managedBy(actor.id());
        }
        if (record instanceof Deal d) {
            return d.restrictedTo().isEmpty() || d.restrictedTo().contains(actor.id())
                    || d.responsible().equals(actor.id());
        }
        if (record instanceof Task t) {
            return t.assignee().equals(actor.id()) || sees(t.owner());
        }
        if (record instanceof TimelineEntry e) {
            return sees(e.owner());
        }
        return true;
    }

    /**
     * Whether the acting user may see the record a reference names; a record that does not exist is not seen
     * by users (its history is for admins).
     *
     * @param ref the record
     * @return true when it is visible
     */
    public boolean sees(RecordRef ref) {
        if (all()) {
            return true;
        }
        // Not computeIfAbsent: seeing a task or timeline entry looks up its owner in the same map.
        Boolean seen = owners.get(ref);
        if (seen == null) {
            seen = load(ref).map(this::sees).orElse(false);
            owners.put(ref, seen);
        }
        return seen;
    }

    /**
     * Whether the acting user may change a record they see.
     *
     * @param record the record
     * @return true when it may be changed
     */
    public boolean changes(Object record) {
        if (all() || !sees(record)) {
            return all();
        }
        if (record instanceof Client c) {
            return c.access() == AccessLevel.SHARED_WRITE || c.managedBy(actor.id());
        }
        return true;
    }

    /**
     * Refuses a change of a record the acting user sees but may not change.
     *
     * @param record the record about to be changed
     * @param name its name, for the message
     * @throws AccessDeniedException when the user may not change it
     */
    public void requireChange(Object record, String name) {
        if (!changes(record)) {
            throw new AccessDeniedException(actor.name() + " may not change " + name
                    + ": it is shared read-only, and only its managers change it");
        }
    }

    /**
     * The part of a store the acting user sees, as a filter the storage evaluates; empty when they see all of
     * it (admins, and entity types without access rules).
     *
     * @param type the entity type of the store
     * @param <E> the entity type
     * @return the filter
     */
    @SuppressWarnings("unchecked")
    public <E> Optional<Filter<E>> scope(Class<E> type) {
        if (all()) {
            return Optional.empty();
        }
        UserId me = actor.id();
        if (type == Contact.class) {
            return Optional.of((Filter<E>) Filter.or(ContactFields.ACCESS.ne(AccessLevel.PRIVATE),
                    ContactFields.RESPONSIBLE.eq(me), ContactFields.MANAGER.eq(me)));
        }
        if (type == Company.class) {
            return Optional.of((Filter<E>) Filter.or(CompanyFields.ACCESS.ne(AccessLevel.PRIVATE),
                    CompanyFields.RESPONSIBLE.eq(me), CompanyFields.MANAGER.eq(me)));
        }
        if (type == Deal.class) {
            return Optional.of((Filter<E>) Filter.or(Filter.not(DealFields.RESTRICTED_TO.present()),
                    DealFields.RESTRICTED_TO.eq(me), DealFields.RESPONSIBLE.eq(me)));
        }
        return Optional.empty();
    }

    private Optional<?> load(RecordRef ref) {
        switch (ref.type()) {
            case CONTACT:
                return system.contacts().find(new ContactId(ref.id()));
            case COMPANY:
                return system.companies().find(new CompanyId(ref.id()));
            case DEAL:
                return system.deals().find(new DealId(ref.id()));
            case TASK:
                return system.tasks().find(new TaskId(ref.id()));
            case TIMELINE_ENTRY:
                return system.timeline().find(new TimelineEntryId(ref.id()));
            default:
                return Optional.of(ref); // no access rules: seen
        }
    }
}
