package dev.crmkit.core.support;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.TaskFields;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything that points at a record, and how it follows when that record goes away or is replaced: a
 * merged contact's deals and leads point at the survivor; a deleted company's contacts, deals and leads
 * forget it; a leaving user's records go to a successor; a removed list item is replaced where it is
 * used. The one place that knows these fields, so a merge, a delete and a hand-over cannot disagree.
 * Every change goes through {@link Unit#update}, so each writes its events.
 */
public final class References {

    /**
     * A field of records of type {@code E} that holds values of type {@code T}.
     *
     * @param name the field, for counting
     * @param store the records' port
     * @param referrers the records whose field holds a value
     * @param repoint the record with that value replaced by another, or removed when there is none
     */
    private record Field<T, I extends EntityId, E extends Entity<I>>(String name,
            Function<Transaction, Store<I, E>> store, BiFunction<Transaction, T, List<E>> referrers,
            Repoint<E, T> repoint) {
    }

    @FunctionalInterface
    private interface Repoint<E, T> {
        E apply(E record, T from, Optional<T> to);
    }

    private static final List<Field<ContactId, ?, ?>> TO_CONTACT = List.of(
            new Field<ContactId, dev.crmkit.api.deal.DealId, Deal>("deals", Transaction::deals,
                    (tx, c) -> tx.deals().byContact(c), References::replaceContact),
            new Field<ContactId, dev.crmkit.api.lead.LeadId, Lead>("leads", Transaction::leads,
                    (tx, c) -> tx.leads().byContact(c), References::replaceContact));

    private static final List<Field<CompanyId, ?, ?>> TO_COMPANY = List.of(
            new Field<CompanyId, ContactId, Contact>("contacts", Transaction::contacts,
                    (tx, c) -> tx.contacts().byCompany(c),
                    (x, from, to) -> to.map(c -> x.toBuilder().company(c)).orElseGet(() -> x.toBuilder().clearCompany())
                            .build()),
            new Field<CompanyId, dev.crmkit.api.deal.DealId, Deal>("deals", Transaction::deals,
                    (tx, c) -> tx.deals().byCompany(c),
                    (d, from, to) -> to.map(c -> d.toBuilder().company(c)).orElseGet(() -> d.toBuilder().clearCompany())
                            .build()),
            new Field<CompanyId, dev.crmkit.api.lead.LeadId, Lead>("leads", Transaction::leads,
                    (tx, c) -> Pages.all(tx.leads(), LeadFields.COMPANY.eq(c)), References::replaceCompany));

    private static final List<Field<UserId, ?, ?>> RESPONSIBLE = List.of(
            new Field<UserId, dev.crmkit.api.deal.DealId, Deal>("deals", Transaction::deals,
                    (tx, u) -> Pages.all(tx.deals(), DealFields.RESPONSIBLE.eq(u)),
                    (d, from, to) -> d.toBuilder().responsible(to.orElseThrow()).build()),
            new Field<UserId, ContactId, Contact>("contacts", Transaction::contacts,
                    (tx, u) -> Pages.all(tx.contacts(), ContactFields.RESPONSIBLE.eq(u)),
                    (c, from, to) -> c.toBuilder().responsible(to.orElseThrow()).build()),
            new Field<UserId, CompanyId, Company>("companies", Transaction::companies,
                    (tx, u) -> Pages.all(tx.companies(), CompanyFields.RESPONSIBLE.eq(u)),
                    (c, from, to) -> c.toBuilder().responsible(to.orElseThrow()).build()),
            new Field<UserId, dev.crmkit.api.lead.LeadId, Lead>("leads", Transaction::leads,
                    (tx, u) -> Pages.all(tx.leads(), LeadFields.RESPONSIBLE.eq(u)),
                    (l, from, to) -> l.toBuilder().responsible(to.orElseThrow()).build()),
            new Field<UserId, dev.crmkit.api.task.TaskId, Task>("openTasks", Transaction::tasks,
                    (tx, u) -> tx.tasks().byAssignee(u).stream().filter(Task::isOpen).collect(Collectors.toList()),
                    (t, from, to) -> t.toBuilder().assignee(to.orElseThrow()).build()));

    private static final Map<ListKind<?>, List<? extends Field<?, ?, ?>>> LIST_ITEMS = Map.of(
            ListKind.TASK_TYPES, List.of(new Field<TaskTypeId, dev.crmkit.api.task.TaskId, Task>("tasks",
                    Transaction::tasks, (tx, t) -> Pages.all(tx.tasks(), TaskFields.TYPE.eq(t)),
                    (t, from, to) -> t.toBuilder().type(to.orElseThrow()).build())),
            ListKind.CONTACT_TYPES, List.of(
                    new Field<ContactTypeId, ContactId, Contact>("contacts", Transaction::contacts,
                            (tx, t) -> Pages.all(tx.contacts(), ContactFields.TYPE.eq(t)),
                            (c, from, to) -> c.toBuilder().type(to.orElseThrow()).build()),
                    new Field<ContactTypeId, CompanyId, Company>("companies", Transaction::companies,
                            (tx, t) -> Pages.all(tx.companies(), CompanyFields.TYPE.eq(t)),
                            (c, from, to) -> c.toBuilder().type(to.orElseThrow()).build())),
            ListKind.TEMPERATURE_LEVELS, List.of(
                    new Field<TemperatureLevelId, ContactId, Contact>("contacts", Transaction::contacts,
                            (tx, t) -> Pages.all(tx.contacts(), ContactFields.TEMPERATURE.eq(t)),
                            (c, from, to) -> c.toBuilder().temperature(to.orElseThrow()).build()),
                    new Field<TemperatureLevelId, CompanyId, Company>("companies", Transaction::companies,
                            (tx, t) -> Pages.all(tx.companies(), CompanyFields.TEMPERATURE.eq(t)),
                            (c, from, to) -> c.toBuilder().temperature(to.orElseThrow()).build())),
            ListKind.LOSS_REASONS, List.of(new Field<LossReasonId, dev.crmkit.api.deal.DealId, Deal>("deals",
                    Transaction::deals, (tx, r) -> Pages.all(tx.deals(), DealFields.LOSS_REASON.eq(r)),
                    (d, from, to) -> d.toBuilder().lossReason(to.orElseThrow()).build())),
            ListKind.PRODUCT_GROUPS, List.of(new Field<ProductGroupId, dev.crmkit.api.deal.DealId, Deal>("deals",
                    Transaction::deals, (tx, g) -> Pages.all(tx.deals(), DealFields.PRODUCT_GROUP.eq(g)),
                    (d, from, to) -> d.toBuilder().productGroup(to.orElseThrow()).build())));

    private References() {
    }

    /**
     * Makes every deal and lead that names a contact name another instead (a merge), or none (a delete).
     *
     * @param unit the operation
     * @param from the contact that goes away
     * @param to the contact taking its place, or empty
     */
    public static void replaceContact(Unit unit, ContactId from, Optional<ContactId> to) {
        repoint(unit, TO_CONTACT, from, to);
    }

    /**
     * Makes every contact, deal and lead of a company belong to no company (the company is deleted).
     *
     * @param unit the operation
     * @param company the company that goes away
     */
    public static void forgetCompany(Unit unit, CompanyId company) {
        repoint(unit, TO_COMPANY, company, Optional.empty());
    }

    /**
     * Hands everything a user is responsible for to another user (USER-3): deals, contacts, companies,
     * leads and open tasks.
     *
     * @param unit the operation
     * @param from the user who leaves
     * @param to the successor
     * @return how many records moved, by kind ({@code deals}, {@code contacts}, {@code companies},
     *         {@code leads}, {@code openTasks})
     */
    public static Map<String, Integer> handOver(Unit unit, UserId from, UserId to) {
        return repoint(unit, RESPONSIBLE, from, Optional.of(to));
    }

    /**
     * Replaces a list item in every record that uses it, or only counts them.
     *
     * @param unit the operation
     * @param from the item being removed
     * @param to the replacement, or empty to count only
     * @param <I> the item id type
     * @return how many records use (used) the item
     */
    @SuppressWarnings("unchecked")
    public static <I extends ListItemId> int replaceListItem(Unit unit, I from, Optional<I> to) {
        List<Field<I, ?, ?>> fields = (List<Field<I, ?, ?>>) LIST_ITEMS.get(ListKind.of(from));
        if (to.isEmpty()) {
            return fields.stream().mapToInt(f -> f.referrers().apply(unit.system(), from).size()).sum();
        }
        return repoint(unit, fields, from, to).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Moves the tasks and timeline entries of one record to another (a merge).
     *
     * @param unit the operation
     * @param from the record that goes away
     * @param to the record taking its place
     */
    public static void moveOwned(Unit unit, RecordRef from, RecordRef to) {
        Transaction tx = unit.system();
        for (Task t : tx.tasks().byOwner(from)) {
            unit.update(tx.tasks(), t, t.toBuilder().owner(to).build());
        }
        for (TimelineEntry e : tx.timeline().byOwner(from)) {
            unit.update(tx.timeline(), e, e.withOwner(to));
        }
    }

    /**
     * Deletes the tasks and timeline entries of a record that is deleted.
     *
     * @param unit the operation
     * @param owner the record
     */
    public static void deleteOwned(Unit unit, RecordRef owner) {
        Transaction tx = unit.system();
        for (Task t : tx.tasks().byOwner(owner)) {
            unit.delete(tx.tasks(), t);
        }
        for (TimelineEntry e : tx.timeline().byOwner(owner)) {
            unit.delete(tx.timeline(), e);
        }
    }

    private static <T> Map<String, Integer> repoint(Unit unit, List<? extends Field<T, ?, ?>> fields, T from,
                                                   Optional<T> to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Field<T, ?, ?> f : fields) {
            counts.put(f.name(), repointField(unit, f, from, to));
        }
        return counts;
    }

    private static <T, I extends EntityId, E extends Entity<I>> int repointField(Unit unit, Field<T, I, E> field,
                                                                               T from, Optional<T> to) {
        Store<I, E> store = field.store().apply(unit.system());
        List<E> referrers = new ArrayList<>(field.referrers().apply(unit.system(), from));
        for (E record : referrers) {
            unit.update(store, record, field.repoint().apply(record, from, to));
        }
        return referrers.size();
    }

    private static Deal replaceContact(Deal d, ContactId from, Optional<ContactId> to) {
        List<ContactId> contacts = d.contacts().stream().map(c -> c.equals(from) ? to.orElse(null) : c)
                .filter(c -> c != null).distinct().collect(Collectors.toList());
        return d.toBuilder().contacts(contacts).build();
    }

    /** A lead naming another contact, or none; what it was converted into follows (LEAD-4). */
    private static Lead replaceContact(Lead l, ContactId from, Optional<ContactId> to) {
        var b = l.toBuilder();
        to.ifPresentOrElse(b::contact, b::clearContact);
        if (l.convertedContact().equals(Optional.of(from))) {
            to.ifPresentOrElse(b::convertedContact, b::clearConvertedContact);
        }
        return b.build();
    }

    /** A lead naming no company, or another; what it was converted into follows (LEAD-4). */
    private static Lead replaceCompany(Lead l, CompanyId from, Optional<CompanyId> to) {
        var b = l.toBuilder();
        to.ifPresentOrElse(b::company, b::clearCompany);
        if (l.convertedCompany().equals(Optional.of(from))) {
            to.ifPresentOrElse(b::convertedCompany, b::clearConvertedCompany);
        }
        return b.build();
    }
}
