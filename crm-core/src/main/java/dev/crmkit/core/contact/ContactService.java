package dev.crmkit.core.contact;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Records;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Contacts, the people the organization deals with (CON-1, CON-2, CON-9). What a contact must have is
 * the policy's; every problem with an input is reported at once; every change writes its events in the
 * same transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class ContactService {

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public ContactService(Context context) {
        this.context = context;
    }

    /**
     * Creates a contact.
     *
     * @param form the contact
     * @return the stored contact
     * @throws dev.crmkit.api.ValidationException listing every problem: what the policy requires and is
     *         missing (CON-2), phones and e-mails that are not ones, e-mails of the organization's own users
     *         or domains (CON-3), unknown company, type or responsible user
     * @throws DuplicateException when it duplicates stored contacts under the policy's rule (CON-5), unless
     *         {@link NewContact#createAnyway()} was asked and the rule allows it
     */
    public Contact create(NewContact form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            Contact candidate = build(unit, form, null);
            if (context.policy().duplicateDetection()) {
                rejectDuplicates(form, Duplicates.ofContact(unit.tx(), context.policy(), candidate, true));
            }
            Contact c = unit.tx().contacts().insert(candidate);
            RecordRef ref = RecordRef.of(c.id());
            unit.event(ref, c.name().full(), EventKind.CREATED);
            c.company().ifPresent(co -> unit.change(ref, c.name().full(), EventKind.LINKED, "company", null,
                    unit.tx().companies().get(co).name()));
            return c;
        });
    }

    /**
     * Replaces a contact's values with a form's, if nobody changed it since {@code expectedVersion}.
     * Start from {@link NewContact#from(Contact)}.
     *
     * @param id the contact
     * @param expectedVersion the version the change is based on
     * @param form the new values
     * @return the stored contact
     * @throws dev.crmkit.api.ConflictException when the contact changed meanwhile
     */
    public Contact update(ContactId id, long expectedVersion, NewContact form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            Contact current = Records.requireVersion(unit.tx().contacts().get(id), expectedVersion);
            Contact candidate = build(unit, form, current);
            if (context.policy().duplicateDetection() && !MatchKeys.of(candidate, context.policy().phoneMatcher())
                    .equals(MatchKeys.of(current, context.policy().phoneMatcher()))) {
                rejectDuplicates(form, Duplicates.ofContact(unit.tx(), context.policy(), candidate, true));
            }
            Contact next = unit.tx().contacts().update(candidate, expectedVersion);
            recordChanges(unit, current, next);
            return next;
        });
    }

    /**
     * The stored contacts a candidate would duplicate under the policy's rule (CON-5), best match first;
     * writes nothing.
     *
     * @param candidate the contact as it would be created
     * @return the matches with the fields that matched and a score; empty when it is no duplicate
     * @throws dev.crmkit.api.ValidationException when the candidate itself is invalid
     */
    public List<DuplicateMatch> findDuplicates(NewContact candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return context.read(unit -> Duplicates.ofContact(unit.tx(), context.policy(), build(unit, candidate, null), false));
    }

    /**
     * Groups every stored contact that duplicates another under the policy's rule into clusters
     * (transitively: A~B and B~C are one cluster), reading all contacts once, so data that came in
     * before the rules can be cleaned up (CON-5). Writes nothing.
     *
     * @return the clusters of two or more contacts, with the fields that linked them
     */
    public List<DuplicateCluster> scanDuplicates() {
        return context.read(unit -> {
            try (Stream<Contact> all = unit.tx().contacts().streamAll()) {
                return new DuplicateScan(context.policy().contactDuplicates(), context.policy().phoneMatcher()).scan(all);
            }
        });
    }

    /**
     * What merging contacts into a survivor would do (CON-6), without writing anything.
     *
     * @param survivor the contact that remains
     * @param others the contacts merged into it and deleted
     * @return the preview, to pass to {@link #merge(MergePreview)}
     * @throws dev.crmkit.api.ValidationException {@code merge.others.none} or {@code merge.survivor.included}
     * @throws dev.crmkit.api.NotFoundException when a contact does not exist
     */
    public MergePreview previewMerge(ContactId survivor, List<ContactId> others) {
        Objects.requireNonNull(survivor, "survivor");
        return context.read(unit -> preview(unit, survivor, others));
    }

    /**
     * Merges contacts into a survivor (CON-6) as previewed, in one transaction: the survivor gets the
     * merged values; deals, leads, tasks and timeline entries of the others move to it; the others are
     * deleted; one MERGED event names them.
     *
     * @param preview the preview from {@link #previewMerge(ContactId, List)}
     * @return the survivor as stored
     * @throws dev.crmkit.api.ConflictException when any of the contacts changed since the preview; nothing changes
     */
    public Contact merge(MergePreview preview) {
        Objects.requireNonNull(preview, "preview");
        return context.write(unit -> {
            Transaction tx = unit.tx();
            ContactId survivorId = preview.result().id();
            preview.versions().forEach((id, version) -> Records.requireVersion(tx.contacts().get(id), version));
            MergePreview now = preview(unit, survivorId,
                    preview.removed().stream().map(Contact::id).collect(Collectors.toList()));
            Instant at = unit.now();
            for (Contact other : now.removed()) {
                for (Deal d : tx.deals().byContact(other.id())) {
                    List<ContactId> moved = d.contacts().stream().map(c -> c.equals(other.id()) ? survivorId : c)
                            .distinct().collect(Collectors.toList());
                    tx.deals().update(d.toBuilder().version(d.version() + 1).updated(at).contacts(moved).build(), d.version());
                }
                for (Lead l : tx.leads().byContact(other.id())) {
                    tx.leads().update(l.toBuilder().version(l.version() + 1).updated(at).contact(survivorId).build(),
                            l.version());
                }
                RecordRef from = RecordRef.of(other.id());
                RecordRef to = RecordRef.of(survivorId);
                for (dev.crmkit.api.task.Task t : tx.tasks().byOwner(from)) {
                    tx.tasks().update(t.toBuilder().version(t.version() + 1).updated(at).owner(to).build(), t.version());
                }
                for (dev.crmkit.api.timeline.TimelineEntry e : tx.timeline().byOwner(from)) {
                    tx.timeline().update(TimelineOwners.moved(e, to, at), e.version());
                }
                tx.contacts().delete(other.id(), other.version());
            }
            Contact current = tx.contacts().get(survivorId);
            Contact merged = tx.contacts().update(now.result().toBuilder().updated(at).build(), current.version());
            unit.change(RecordRef.of(survivorId), merged.name().full(), EventKind.MERGED, "merged", null,
                    now.removed().stream().map(c -> c.name().full() + " (" + c.id() + ")").collect(Collectors.joining(", ")));
            return merged;
        });
    }

    private MergePreview preview(Unit unit, ContactId survivorId, List<ContactId> others) {
        Violations v = new Violations();
        if (others.isEmpty()) {
            v.add("others", "merge.others.none");
        }
        if (others.contains(survivorId)) {
            v.add("others", "merge.survivor.included");
        }
        v.throwIfAny();
        Transaction tx = unit.tx();
        Contact survivor = tx.contacts().get(survivorId);
        List<Contact> removed = others.stream().distinct().map(id -> tx.contacts().get(id)).collect(Collectors.toList());
        java.util.Map<ContactId, Long> versions = new java.util.LinkedHashMap<>();
        versions.put(survivorId, survivor.version());
        removed.forEach(c -> versions.put(c.id(), c.version()));
        List<dev.crmkit.api.deal.DealId> deals = new java.util.ArrayList<>();
        List<dev.crmkit.api.lead.LeadId> leads = new java.util.ArrayList<>();
        List<dev.crmkit.api.task.TaskId> tasks = new java.util.ArrayList<>();
        List<dev.crmkit.api.timeline.TimelineEntryId> entries = new java.util.ArrayList<>();
        for (Contact c : removed) {
            tx.deals().byContact(c.id()).forEach(d -> deals.add(d.id()));
            tx.leads().byContact(c.id()).forEach(l -> leads.add(l.id()));
            tx.tasks().byOwner(RecordRef.of(c.id())).forEach(t -> tasks.add(t.id()));
            tx.timeline().byOwner(RecordRef.of(c.id())).forEach(e -> entries.add(e.id()));
        }
        return new MergePreview(MergeRule.merge(survivor, removed, unit.now()), removed, versions, deals, leads, tasks,
                entries);
    }

    private void rejectDuplicates(ClientForm<?> form, List<DuplicateMatch> matches) {
        if (!matches.isEmpty() && !(form.createAnyway && context.policy().contactDuplicates().overridable())) {
            throw new DuplicateException(matches);
        }
    }

    /**
     * Links a contact to a company (CON-1): a company has many contacts, a contact one company.
     *
     * @param id the contact
     * @param company the company
     * @return the stored contact
     */
    public Contact link(ContactId id, CompanyId company) {
        Objects.requireNonNull(company, "company");
        return context.write(unit -> {
            unit.tx().companies().get(company);
            Contact current = unit.tx().contacts().get(id);
            Contact next = unit.tx().contacts().update(current.toBuilder().version(current.version() + 1)
                    .updated(unit.now()).company(company).build(), current.version());
            recordChanges(unit, current, next);
            return next;
        });
    }

    /**
     * Unlinks a contact from its company.
     *
     * @param id the contact
     * @return the stored contact
     */
    public Contact unlink(ContactId id) {
        return context.write(unit -> {
            Contact current = unit.tx().contacts().get(id);
            if (current.company().isEmpty()) {
                return current;
            }
            Contact next = unit.tx().contacts().update(current.toBuilder().version(current.version() + 1)
                    .updated(unit.now()).company(Optional.empty()).build(), current.version());
            recordChanges(unit, current, next);
            return next;
        });
    }

    /**
     * Deletes a contact, if nobody changed it since {@code expectedVersion}: it is unlinked from its
     * deals and leads, and its tasks and timeline entries go with it, in one transaction.
     *
     * @param id the contact
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(ContactId id, long expectedVersion) {
        context.write(unit -> {
            Transaction tx = unit.tx();
            Contact c = tx.contacts().get(id);
            Instant now = unit.now();
            for (Deal d : tx.deals().byContact(id)) {
                tx.deals().update(d.toBuilder().version(d.version() + 1).updated(now)
                        .contacts(d.contacts().stream().filter(x -> !x.equals(id)).collect(Collectors.toList()))
                        .build(), d.version());
                unit.change(RecordRef.of(d.id()), d.name(), EventKind.UNLINKED, "contact", c.name().full(), null);
            }
            for (Lead l : tx.leads().byContact(id)) {
                tx.leads().update(l.toBuilder().version(l.version() + 1).updated(now).contact(Optional.empty()).build(),
                        l.version());
                unit.change(RecordRef.of(l.id()), l.name(), EventKind.UNLINKED, "contact", c.name().full(), null);
            }
            RecordRef ref = RecordRef.of(id);
            tx.tasks().byOwner(ref).forEach(t -> tx.tasks().delete(t.id(), t.version()));
            tx.timeline().byOwner(ref).forEach(e -> tx.timeline().delete(e.id(), e.version()));
            tx.contacts().delete(id, expectedVersion);
            unit.event(ref, c.name().full(), EventKind.DELETED);
            return null;
        });
    }

    /**
     * A contact.
     *
     * @param id the contact
     * @return the contact
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public Contact get(ContactId id) {
        return context.read(unit -> unit.tx().contacts().get(id));
    }

    /**
     * One page of contacts matching a filter (DEAL-11).
     *
     * @param filter which contacts; see {@link dev.crmkit.api.query.ContactFields}
     * @param sort their order
     * @param page which page
     * @return the page
     */
    public Slice<Contact> query(Filter<Contact> filter, Sort<Contact> sort, PageRequest page) {
        return context.read(unit -> unit.tx().contacts().query(filter, sort, page));
    }

    /**
     * The contacts of a company (CON-1).
     *
     * @param company the company
     * @return its contacts
     */
    public List<Contact> ofCompany(CompanyId company) {
        return context.read(unit -> unit.tx().contacts().byCompany(company));
    }

    private Contact build(Unit unit, NewContact form, Contact current) {
        Violations v = new Violations().addAll(context.validator().validate(form));
        ClientValues values = ClientValues.parse(unit, form, v);
        v.addAll(ContactRequirementsRule.person(context.policy().contacts(), form.first, form.middle, form.last,
                values.phones(), form.birthDate, values.emails()));
        if (form.company != null && unit.tx().companies().find(form.company).isEmpty()) {
            v.add("company", "contact.company.unknown", form.company);
        }
        v.throwIfAny();
        Contact.Builder b = current == null
                ? Contact.builder().id(new ContactId(context.ids().next())).created(unit.now())
                : current.toBuilder().version(current.version() + 1);
        return b.updated(unit.now())
                .name(new PersonName(Optional.ofNullable(form.first), Optional.ofNullable(form.middle),
                        Optional.ofNullable(form.last)))
                .company(Optional.ofNullable(form.company)).birthDate(Optional.ofNullable(form.birthDate))
                .position(Optional.ofNullable(form.position).map(String::strip).filter(s -> !s.isEmpty()))
                .phones(values.phones()).emails(values.emails()).tags(form.tags).responsible(values.responsible())
                .type(Optional.ofNullable(form.type)).temperature(Optional.ofNullable(form.temperature))
                .currency(values.currency()).photo(Optional.ofNullable(form.photo)).links(form.links)
                .address(Optional.ofNullable(form.address))
                .description(Optional.ofNullable(form.description).filter(s -> !s.isBlank()))
                .access(form.access).customFields(values.customFields()).build();
    }

    private static void recordChanges(Unit unit, Contact before, Contact after) {
        RecordRef ref = RecordRef.of(after.id());
        String name = after.name().full();
        unit.change(ref, name, EventKind.FIELD_CHANGED, "name", before.name(), after.name());
        if (!before.company().equals(after.company())) {
            before.company().ifPresent(c -> unit.change(ref, name, EventKind.UNLINKED, "company",
                    unit.tx().companies().find(c).map(x -> x.name()).orElse(c.toString()), null));
            after.company().ifPresent(c -> unit.change(ref, name, EventKind.LINKED, "company", null,
                    unit.tx().companies().get(c).name()));
        }
        if (!before.responsible().equals(after.responsible())) {
            unit.change(ref, name, EventKind.RESPONSIBLE_CHANGED, "responsible", before.responsible(), after.responsible());
        }
        unit.change(ref, name, EventKind.FIELD_CHANGED, "phones", phones(before), phones(after));
        unit.change(ref, name, EventKind.FIELD_CHANGED, "emails", before.emails().stream().map(e -> e.email().value())
                .collect(Collectors.toList()), after.emails().stream().map(e -> e.email().value()).collect(Collectors.toList()));
        unit.change(ref, name, EventKind.FIELD_CHANGED, "birthDate", before.birthDate(), after.birthDate());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "position", before.position(), after.position());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "tags", before.tags(), after.tags());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "type", before.type(), after.type());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "temperature", before.temperature(), after.temperature());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "description", before.description(), after.description());
        unit.change(ref, name, EventKind.FIELD_CHANGED, "access", before.access(), after.access());
    }

    static List<String> phones(Contact c) {
        return c.phones().stream().map(p -> p.number().raw()).collect(Collectors.toList());
    }
}
