package dev.crmkit.core.contact;

import static dev.crmkit.core.support.Values.setOrClear;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactBuilder;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.core.policy.DuplicateCriteria;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Queries;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.DuplicateQueries;
import dev.crmkit.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Contacts, the people the organization deals with (CON-1 to CON-6, CON-9). What a contact must have is
 * the policy's; every problem with an input is reported at once; every change writes its events in the
 * same transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class ContactService {

    private static final Queries<Contact> QUERIES = Queries.of("contacts", ContactFields.ALL, ContactFields.ID)
            .withCustomFields(EntityType.CONTACT);

    private final Context context;
    private final ClientWrites<ContactId, Contact, ContactForm> writes =
            new ClientWrites<>(ClientKind.CONTACTS, ContactService::candidate, ContactForm::of);

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
     * @throws DuplicateException when it duplicates stored contacts under the policy's criteria (CON-5),
     *         unless {@link OnDuplicate#CREATE_ANYWAY} was asked and the criteria allow it
     */
    public Contact create(ContactForm form) {
        return writes.create(context, form);
    }

    /**
     * Creates several contacts in one transaction with one batch write of the storage (an import's chunk, IO-3):
     * each form is checked exactly as {@link #create} checks it, and a refused one is reported without stopping the
     * others; the duplicate check (CON-4, CON-5) applies to each, against the stored contacts and the batch's
     * earlier ones, and the batch stops before the first the policy refuses as a duplicate (or one asking to
     * merge), leaving it and the rest to {@link #create}. The created ones get exactly the events single creates
     * write.
     *
     * @param forms the contacts, 1 to {@link Limits#BATCH}
     * @return which were created, which refused and why, and where the batch stopped
     * @throws IllegalArgumentException when there are none or more than {@link Limits#BATCH}
     */
    public CreateResult<Contact> createAll(List<ContactForm> forms) {
        return writes.createAll(context, forms);
    }

    /**
     * Changes a contact, if nobody changed it since {@code expectedVersion}: the edit gets the contact's
     * form filled with its values, {@code c -> c.position("CFO").tag("vip")}. The changed contact is checked
     * as a new one is; an edit that leaves every value as it was writes nothing.
     *
     * @param id the contact
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored contact
     * @throws dev.crmkit.api.ConflictException when the contact changed meanwhile
     * @throws dev.crmkit.api.ValidationException listing every problem of the changed contact
     * @throws DuplicateException when the change makes it a duplicate (CON-5)
     */
    public Contact update(ContactId id, long expectedVersion, Consumer<? super ContactForm> edit) {
        return writes.update(context, id, expectedVersion, edit);
    }

    /**
     * The stored contacts a candidate would duplicate under the policy's criteria (CON-5), best match
     * first; writes nothing.
     *
     * @param candidate the contact as it would be created
     * @return the matches with the fields that matched and a score; empty when it is no duplicate
     * @throws dev.crmkit.api.ValidationException when the candidate itself is invalid
     */
    public List<DuplicateMatch> findDuplicates(ContactForm candidate) {
        return writes.findDuplicates(context, candidate);
    }

    /**
     * Groups every stored contact that duplicates another under the policy's criteria into clusters
     * (transitively: A~B and B~C are one cluster), reading all contacts once, so data that came in
     * before the rules can be cleaned up (CON-5). On an adapter with {@link DuplicateQueries} only the
     * contacts it names as candidates are read, with the same clusters. Sees the contacts the user may see;
     * writes nothing. A scan of at least 20,000 candidates whose count the storage gives up front runs on up to
     * {@link dev.crmkit.core.Crm.Builder#scanThreads(int)} threads, with the same clusters.
     *
     * @return the clusters of two or more contacts, with the fields that linked them: each cluster's contacts in id
     *         order ({@link dev.crmkit.api.EntityId#ORDER}), the clusters in the order of their first contacts
     */
    public List<DuplicateCluster> scanDuplicates() {
        return context.read(unit -> {
            DuplicateCriteria criteria = unit.policy().contactDuplicates();
            DuplicateScan scan = new DuplicateScan(criteria, unit.policy().phoneMatcher(),
                    context.engine().scanThreads(), DuplicateScan.PARALLEL_FROM);
            Optional<DuplicateQueries> adapter = unit.system().duplicates();
            if (adapter.isEmpty()) {
                try (Stream<Contact> all = unit.tx().contacts().streamAll()) {
                    return scan.scan(all);
                }
            }
            // Only the candidates can be in a cluster: the adapter hands them over as records, of which the user's are kept.
            try (Stream<Contact> candidates = adapter.get().contactCandidates(DuplicateScan.combinations(criteria))) {
                return scan.scan(unit.access().all() ? candidates : candidates.filter(unit.access()::sees));
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
        Objects.requireNonNull(others, "others");
        others.forEach(o -> Objects.requireNonNull(o, "others[]"));
        return context.read(unit -> preview(unit, survivor, others));
    }

    /**
     * Merges contacts into a survivor (CON-6) as previewed, in one transaction: the survivor gets the
     * merged values; deals, leads, tasks and timeline entries of the others move to it; the others are
     * deleted with a MERGED event each; one MERGED event on the survivor names them.
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
            preview.versions().forEach((id, version) -> unit.requireVersion(tx.contacts().get(id), version));
            MergePreview now = preview(unit, survivorId,
                    preview.removed().stream().map(Contact::id).collect(Collectors.toList()));
            Contact survivor = tx.contacts().get(survivorId);
            // Checked before the references move, which are written past the user's rights (CON-8).
            unit.access().requireChange(survivor, survivorId.toString());
            now.removed().forEach(c -> unit.access().requireChange(c, c.id().toString()));
            RecordRef to = RecordRef.of(survivorId);
            for (Contact other : now.removed()) {
                References.replaceContact(unit, other.id(), Optional.of(survivorId));
                References.moveOwned(unit, RecordRef.of(other.id()), to);
                unit.delete(tx.contacts(), tx.contacts().get(other.id()), EventKind.MERGED,
                        Optional.of(survivor.name().full() + " (" + survivorId + ")"));
            }
            Contact merged = unit.update(tx.contacts(), survivor, now.result());
            unit.event(merged, EventKind.MERGED, "merged", now.removed().stream()
                    .map(c -> c.name().full() + " (" + c.id() + ")").collect(Collectors.joining(", ")));
            return merged;
        });
    }

    /**
     * Links a contact to a company (CON-1): a company has many contacts, a contact one company.
     *
     * @param id the contact
     * @param company the company
     * @return the stored contact
     * @throws dev.crmkit.api.NotFoundException when either does not exist
     */
    public Contact link(ContactId id, CompanyId company) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        return context.write(unit -> {
            unit.tx().companies().get(company);
            Contact current = unit.tx().contacts().get(id);
            return unit.update(unit.tx().contacts(), current, current.toBuilder().company(company).build());
        });
    }

    /**
     * Unlinks a contact from its company.
     *
     * @param id the contact
     * @return the stored contact
     */
    public Contact unlink(ContactId id) {
        Objects.requireNonNull(id, "id");
        return context.write(unit -> {
            Contact current = unit.tx().contacts().get(id);
            return unit.update(unit.tx().contacts(), current, current.toBuilder().clearCompany().build());
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
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            Contact c = unit.requireVersion(unit.tx().contacts().get(id), expectedVersion);
            unit.access().requireChange(c, id.toString()); // before the references, written past the rights
            References.replaceContact(unit, id, Optional.empty());
            References.deleteOwned(unit, RecordRef.of(id));
            unit.delete(unit.tx().contacts(), c);
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
        Objects.requireNonNull(id, "id");
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
        return QUERIES.run(context, tx -> tx.contacts()::query, filter, sort, page);
    }

    /**
     * The contacts of a company (CON-1).
     *
     * @param company the company
     * @return its contacts
     */
    public List<Contact> ofCompany(CompanyId company) {
        Objects.requireNonNull(company, "company");
        return context.read(unit -> unit.tx().contacts().byCompany(company));
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
        Map<ContactId, Long> versions = new LinkedHashMap<>();
        versions.put(survivorId, survivor.version());
        removed.forEach(c -> versions.put(c.id(), c.version()));
        List<DealId> deals = new ArrayList<>();
        List<LeadId> leads = new ArrayList<>();
        List<TaskId> tasks = new ArrayList<>();
        List<TimelineEntryId> entries = new ArrayList<>();
        for (Contact c : removed) {
            tx.deals().byContact(c.id()).forEach(d -> deals.add(d.id()));
            tx.leads().byContact(c.id()).forEach(l -> leads.add(l.id()));
            tx.tasks().byOwner(RecordRef.of(c.id())).forEach(t -> tasks.add(t.id()));
            tx.timeline().byOwner(RecordRef.of(c.id())).forEach(e -> entries.add(e.id()));
        }
        Contact result = MergeRule.merge(survivor, removed, unit.policy().phoneMatcher());
        v.count("result.phones", result.phones().size(), Limits.PHONES)
                .count("result.emails", result.emails().size(), Limits.EMAILS)
                .count("result.tags", result.tags().size(), Limits.TAGS)
                .count("result.links", result.links().size(), Limits.LINKS)
                .count("result.managers", result.managers().size(), Limits.MANAGERS).throwIfAny();
        return new MergePreview(result, removed, versions, deals, leads, tasks, entries);
    }

    /** The contact a form describes, new or the next state of {@code current}; every problem at once. */
    static Contact candidate(Unit unit, ContactForm form, Contact current) {
        Violations v = new Violations().addAll(unit.engine().validator().validate(form));
        ClientValues values = ClientValues.parse(unit, form, EntityType.CONTACT,
                current == null ? CustomFieldValues.empty() : current.customFields(), v);
        v.addAll(ContactRequirementsRule.person(unit.policy().contacts(), form.first, form.middle, form.last,
                values.phones(), form.birthDate, values.emails()));
        // The company the stored contact has stays, even one the acting user may not see (CON-8).
        boolean companyKept = current != null && current.company().equals(Optional.ofNullable(form.company));
        if (form.company != null && !companyKept && unit.tx().companies().find(form.company).isEmpty()) {
            v.add("company", "contact.company.unknown", form.company);
        }
        v.date("birthDate", form.birthDate);
        if (form.birthDate != null && form.birthDate.isAfter(LocalDate.ofInstant(unit.now(), unit.actor().timeZone()))) {
            v.add("birthDate", "contact.birth_date.future", form.birthDate);
        }
        boolean named = !Text.isBlank(form.first) || !Text.isBlank(form.middle) || !Text.isBlank(form.last);
        PersonName name = named ? v.parse("name", () -> new PersonName(Optional.ofNullable(form.first),
                Optional.ofNullable(form.middle), Optional.ofNullable(form.last))) : null;
        v.throwIfAny();
        ContactBuilder b = current == null
                ? Contact.builder().id(new ContactId(unit.nextId())).created(unit.now()).updated(unit.now())
                : current.toBuilder();
        b.name(name);
        setOrClear(form.company, b::company, b::clearCompany);
        setOrClear(form.birthDate, b::birthDate, b::clearBirthDate);
        setOrClear(ClientValues.text(form.position), b::position, b::clearPosition);
        b.phones(values.phones()).emails(values.emails()).tags(form.tags).responsible(values.responsible())
                .links(form.links).access(form.access).managers(values.managers()).customFields(values.customFields());
        setOrClear(form.type, b::type, b::clearType);
        setOrClear(form.temperature, b::temperature, b::clearTemperature);
        setOrClear(values.currency(), b::currency, b::clearCurrency);
        setOrClear(form.photo, b::photo, b::clearPhoto);
        setOrClear(form.address, b::address, b::clearAddress);
        setOrClear(ClientValues.text(form.description), b::description, b::clearDescription);
        return b.build();
    }
}
