package dev.crmkit.core.contact;

import static dev.crmkit.core.support.Values.setOrClear;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyBuilder;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Queries;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Companies, the organizations the organization deals with (CON-1, CON-2, CON-5). Obtained from
 * {@code CrmSession}; thread-safe.
 */
public final class CompanyService {

    private static final Queries<Company> QUERIES = Queries.of("companies", CompanyFields.ALL, CompanyFields.ID)
            .withCustomFields(EntityType.COMPANY);

    private final Context context;
    private final ClientWrites<CompanyId, Company, CompanyForm> writes =
            new ClientWrites<>(ClientKind.COMPANIES, CompanyService::candidate, CompanyForm::of);

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
     * @throws DuplicateException when it duplicates stored companies (CON-5)
     */
    public Company create(CompanyForm form) {
        return writes.create(context, form);
    }

    /**
     * Creates several companies in one transaction with one batch write of the storage (an import's chunk, IO-3):
     * each form is checked exactly as {@link #create} checks it, and a refused one is reported without stopping the
     * others; the duplicate check (CON-4, CON-5) applies to each, against the stored companies and the batch's
     * earlier ones, and the batch stops before the first the policy refuses as a duplicate (or one asking to
     * merge), leaving it and the rest to {@link #create}. The created ones get exactly the events single creates
     * write.
     *
     * @param forms the companies, 1 to {@link Limits#BATCH}
     * @return which were created, which refused and why, and where the batch stopped
     * @throws IllegalArgumentException when there are none or more than {@link Limits#BATCH}
     */
    public CreateResult<Company> createAll(List<CompanyForm> forms) {
        return writes.createAll(context, forms);
    }

    /**
     * Changes a company, if nobody changed it since {@code expectedVersion}: the edit gets the company's
     * form filled with its values, {@code c -> c.name("Horns & Hooves")}. The changed company is checked as a
     * new one is; an edit that leaves every value as it was writes nothing.
     *
     * @param id the company
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored company
     * @throws dev.crmkit.api.ConflictException when the company changed meanwhile
     */
    public Company update(CompanyId id, long expectedVersion, Consumer<? super CompanyForm> edit) {
        return writes.update(context, id, expectedVersion, edit);
    }

    /**
     * The stored companies a candidate would duplicate: the same name plus a phone or an e-mail (CON-5);
     * writes nothing.
     *
     * @param candidate the company as it would be created
     * @return the matches, best first
     */
    public List<DuplicateMatch> findDuplicates(CompanyForm candidate) {
        return writes.findDuplicates(context, candidate);
    }

    /**
     * Deletes a company, if nobody changed it since {@code expectedVersion}: its contacts, deals and leads
     * are unlinked from it and its tasks and timeline entries go with it, in one transaction.
     *
     * @param id the company
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(CompanyId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            Company c = unit.requireVersion(unit.tx().companies().get(id), expectedVersion);
            unit.access().requireChange(c, id.toString()); // before the references, written past the rights
            References.forgetCompany(unit, id);
            References.deleteOwned(unit, RecordRef.of(id));
            unit.delete(unit.tx().companies(), c);
            return null;
        });
    }

    /**
     * A company.
     *
     * @param id the company
     * @return the company
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public Company get(CompanyId id) {
        Objects.requireNonNull(id, "id");
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
        return QUERIES.run(context, tx -> tx.companies()::query, filter, sort, page);
    }

    /** The company a form describes, new or the next state of {@code current}; every problem at once. */
    static Company candidate(Unit unit, CompanyForm form, Company current) {
        Violations v = new Violations().addAll(unit.engine().validator().validate(form));
        ClientValues values = ClientValues.parse(unit, form, EntityType.COMPANY,
                current == null ? CustomFieldValues.empty() : current.customFields(), v);
        v.addAll(ContactRequirementsRule.company(unit.policy().contacts(), form.name, values.phones()));
        v.throwIfAny();
        CompanyBuilder b = current == null
                ? Company.builder().id(new CompanyId(unit.nextId())).created(unit.now()).updated(unit.now())
                : current.toBuilder();
        b.name(form.name.strip()).phones(values.phones()).emails(values.emails()).tags(form.tags)
                .responsible(values.responsible()).links(form.links).access(form.access).managers(values.managers())
                .customFields(values.customFields());
        setOrClear(form.type, b::type, b::clearType);
        setOrClear(form.temperature, b::temperature, b::clearTemperature);
        setOrClear(values.currency(), b::currency, b::clearCurrency);
        setOrClear(form.photo, b::photo, b::clearPhoto);
        setOrClear(form.address, b::address, b::clearAddress);
        setOrClear(ClientValues.text(form.description), b::description, b::clearDescription);
        return b.build();
    }
}
