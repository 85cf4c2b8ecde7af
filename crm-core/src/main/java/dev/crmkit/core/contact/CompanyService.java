package dev.crmkit.core.contact;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Records;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Companies, the organizations the organization deals with (CON-1, CON-2). Obtained from
 * {@code CrmSession}; thread-safe.
 */
public final class CompanyService {

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public CompanyService(Context context) {
        this.context = context;
    }

    /**
     * Creates a company.
     *
     * @param form the company
     * @return the stored company
     * @throws dev.crmkit.api.ValidationException listing every problem
     */
    public Company create(NewCompany form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            Company candidate = build(unit, form, null);
            if (context.policy().duplicateDetection()) {
                rejectDuplicates(form, Duplicates.ofCompany(unit.tx(), context.policy(), candidate, true));
            }
            Company c = unit.tx().companies().insert(candidate);
            unit.event(RecordRef.of(c.id()), c.name(), EventKind.CREATED);
            return c;
        });
    }

    /**
     * Replaces a company's values with a form's, if nobody changed it since {@code expectedVersion}.
     *
     * @param id the company
     * @param expectedVersion the version the change is based on
     * @param form the new values; start from {@link NewCompany#from(Company)}
     * @return the stored company
     */
    public Company update(CompanyId id, long expectedVersion, NewCompany form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            Company current = Records.requireVersion(unit.tx().companies().get(id), expectedVersion);
            Company candidate = build(unit, form, current);
            if (context.policy().duplicateDetection() && !MatchKeys.of(candidate, context.policy().phoneMatcher())
                    .equals(MatchKeys.of(current, context.policy().phoneMatcher()))) {
                rejectDuplicates(form, Duplicates.ofCompany(unit.tx(), context.policy(), candidate, true));
            }
            Company next = unit.tx().companies().update(candidate, expectedVersion);
            RecordRef ref = RecordRef.of(id);
            unit.change(ref, next.name(), EventKind.FIELD_CHANGED, "name", current.name(), next.name());
            unit.change(ref, next.name(), EventKind.FIELD_CHANGED, "phones",
                    current.phones().stream().map(p -> p.number().raw()).collect(Collectors.toList()),
                    next.phones().stream().map(p -> p.number().raw()).collect(Collectors.toList()));
            unit.change(ref, next.name(), EventKind.FIELD_CHANGED, "tags", current.tags(), next.tags());
            if (!current.responsible().equals(next.responsible())) {
                unit.change(ref, next.name(), EventKind.RESPONSIBLE_CHANGED, "responsible", current.responsible(),
                        next.responsible());
            }
            return next;
        });
    }

    /**
     * The stored companies a candidate would duplicate: the same name plus a phone or an e-mail (CON-5);
     * writes nothing.
     *
     * @param candidate the company as it would be created
     * @return the matches, best first
     */
    public List<DuplicateMatch> findDuplicates(NewCompany candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return context.read(unit -> Duplicates.ofCompany(unit.tx(), context.policy(), build(unit, candidate, null), false));
    }

    private void rejectDuplicates(ClientForm<?> form, List<DuplicateMatch> matches) {
        if (!matches.isEmpty() && !(form.createAnyway && context.policy().companyDuplicates().overridable())) {
            throw new DuplicateException(matches);
        }
    }

    /**
     * Deletes a company, if nobody changed it since {@code expectedVersion}: its contacts, deals and leads
     * are unlinked from it and its tasks and timeline entries go with it, in one transaction.
     *
     * @param id the company
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(CompanyId id, long expectedVersion) {
        context.write(unit -> {
            Transaction tx = unit.tx();
            Company c = tx.companies().get(id);
            for (Contact contact : tx.contacts().byCompany(id)) {
                tx.contacts().update(contact.toBuilder().version(contact.version() + 1).updated(unit.now())
                        .company(Optional.empty()).build(), contact.version());
                unit.change(RecordRef.of(contact.id()), contact.name().full(), EventKind.UNLINKED, "company",
                        c.name(), null);
            }
            for (Deal d : tx.deals().byCompany(id)) {
                tx.deals().update(d.toBuilder().version(d.version() + 1).updated(unit.now()).company(Optional.empty())
                        .build(), d.version());
                unit.change(RecordRef.of(d.id()), d.name(), EventKind.UNLINKED, "company", c.name(), null);
            }
            for (dev.crmkit.api.lead.Lead l : Records.all(tx.leads(), LeadFields.COMPANY.eq(id))) {
                tx.leads().update(l.toBuilder().version(l.version() + 1).updated(unit.now()).company(Optional.empty())
                        .build(), l.version());
                unit.change(RecordRef.of(l.id()), l.name(), EventKind.UNLINKED, "company", c.name(), null);
            }
            RecordRef ref = RecordRef.of(id);
            tx.tasks().byOwner(ref).forEach(t -> tx.tasks().delete(t.id(), t.version()));
            tx.timeline().byOwner(ref).forEach(e -> tx.timeline().delete(e.id(), e.version()));
            tx.companies().delete(id, expectedVersion);
            unit.event(ref, c.name(), EventKind.DELETED);
            return null;
        });
    }

    /**
     * A company.
     *
     * @param id the company
     * @return the company
     */
    public Company get(CompanyId id) {
        return context.read(unit -> unit.tx().companies().get(id));
    }

    /**
     * One page of companies matching a filter (DEAL-11).
     *
     * @param filter which companies; see {@link dev.crmkit.api.query.CompanyFields}
     * @param sort their order
     * @param page which page
     * @return the page
     */
    public Slice<Company> query(Filter<Company> filter, Sort<Company> sort, PageRequest page) {
        return context.read(unit -> unit.tx().companies().query(filter, sort, page));
    }

    private Company build(Unit unit, NewCompany form, Company current) {
        Violations v = new Violations().addAll(context.validator().validate(form));
        ClientValues values = ClientValues.parse(unit, form, v);
        v.addAll(ContactRequirementsRule.company(context.policy().contacts(), form.name, values.phones()));
        v.throwIfAny();
        Company.Builder b = current == null
                ? Company.builder().id(new CompanyId(context.ids().next())).created(unit.now())
                : current.toBuilder().version(current.version() + 1);
        return b.updated(unit.now()).name(form.name.strip()).phones(values.phones()).emails(values.emails())
                .tags(form.tags).responsible(values.responsible()).type(Optional.ofNullable(form.type))
                .temperature(Optional.ofNullable(form.temperature)).currency(values.currency())
                .photo(Optional.ofNullable(form.photo)).links(form.links).address(Optional.ofNullable(form.address))
                .description(Optional.ofNullable(form.description).filter(s -> !s.isBlank()))
                .access(form.access).customFields(values.customFields()).build();
    }
}
