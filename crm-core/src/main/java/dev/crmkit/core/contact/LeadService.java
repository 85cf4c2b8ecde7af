package dev.crmkit.core.contact;

import static dev.crmkit.core.support.Values.setOrClear;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.DuplicateMatch;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadBuilder;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.DealService;
import dev.crmkit.core.field.CustomValues;
import dev.crmkit.core.policy.ConversionPrerequisite;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Queries;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.core.timeline.Interactions;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Leads, the inbound requests (LEAD-1 to LEAD-5): created from any source with the contact data of the
 * person who sent them, waiting in Unsorted until someone accepts, declines or links them (LEAD-3), and
 * converted into a contact, a deal and optionally a company in one transaction (LEAD-4), once the policy's
 * prerequisites hold (LEAD-5). A contact the lead's data duplicates (CON-5) is reused, never duplicated.
 * Every change writes its events in the same transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class LeadService {

    private static final Queries<Lead> QUERIES = Queries.of("leads", LeadFields.ALL, LeadFields.ID)
            .withCustomFields(EntityType.LEAD);

    private final Context context;
    private final ClientWrites<ContactId, Contact, ContactForm> contacts =
            new ClientWrites<>(ClientKind.CONTACTS, ContactService::candidate, ContactForm::of);
    private final ClientWrites<CompanyId, Company, CompanyForm> companies =
            new ClientWrites<>(ClientKind.COMPANIES, CompanyService::candidate, CompanyForm::of);

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public LeadService(Context context) {
        this.context = context;
    }

    /**
     * Creates a lead, new or in Unsorted ({@link LeadForm#unsorted()}).
     *
     * @param form the lead
     * @return the stored lead
     * @throws ValidationException listing every problem: a blank title, phones and e-mails that are not
     *         ones, an unknown or inactive responsible user, an unknown contact or company
     */
    public Lead create(LeadForm form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> unit.insert(unit.tx().leads(), build(unit, form, null)));
    }

    /**
     * Changes a lead, if nobody changed it since {@code expectedVersion}: the edit gets the lead's form
     * filled with its values. The changed lead is checked as a new one is; its web analytics values are
     * read-only (LEAD-2), and an edit that leaves every value as it was writes nothing.
     *
     * @param id the lead
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored lead
     * @throws dev.crmkit.api.ConflictException when the lead changed meanwhile
     * @throws ValidationException listing every problem, {@code lead.utm.read_only} for each changed
     *         analytics value
     */
    public Lead update(LeadId id, long expectedVersion, Consumer<? super LeadForm> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            Lead current = unit.requireVersion(unit.tx().leads().get(id), expectedVersion);
            LeadForm form = LeadForm.of(current);
            edit.accept(form);
            return unit.update(unit.tx().leads(), current, build(unit, form, current));
        });
    }

    /**
     * Declines a new or Unsorted lead (LEAD-3): it is kept, as declined, with who declined it and when.
     *
     * @param id the lead
     * @param expectedVersion the version the decision is based on
     * @return the stored lead
     * @throws RuleViolationException {@code lead.status.closed} when it was already handled
     */
    public Lead decline(LeadId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        return context.write(unit -> {
            Lead lead = openLead(unit, id, expectedVersion);
            return unit.update(unit.tx().leads(), lead, decided(unit, lead, LeadStatus.DECLINED).build());
        });
    }

    /**
     * Links a new or Unsorted lead to a stored deal instead of making one (LEAD-3): the lead is accepted
     * into that deal.
     *
     * @param id the lead
     * @param expectedVersion the version the decision is based on
     * @param deal the deal
     * @return the stored lead
     * @throws dev.crmkit.api.NotFoundException when the deal does not exist
     * @throws RuleViolationException {@code lead.status.closed} when it was already handled
     */
    public Lead link(LeadId id, long expectedVersion, DealId deal) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deal, "deal");
        return context.write(unit -> {
            Lead lead = openLead(unit, id, expectedVersion);
            unit.tx().deals().get(deal);
            return unit.update(unit.tx().leads(), lead,
                    decided(unit, lead, LeadStatus.ACCEPTED).convertedDeal(deal).build());
        });
    }

    /**
     * Accepts a lead waiting in Unsorted (LEAD-3): a deal in the chosen pipeline, at its first stage unless
     * one is given, with the contact the lead's data matches or a new one; done as {@link #convert} does it,
     * with the lead marked accepted.
     *
     * @param id the lead
     * @param expectedVersion the version the decision is based on
     * @param into the pipeline and the rest of the deal
     * @return what the lead became
     * @throws RuleViolationException {@code lead.status.closed} when it was already handled,
     *         {@code lead.status.not_unsorted} when it is new rather than in Unsorted, or an unmet
     *         prerequisite (LEAD-5)
     * @throws ValidationException listing every problem of the contact, company or deal to be made
     */
    public Converted accept(LeadId id, long expectedVersion, Conversion into) {
        return turn(id, expectedVersion, into, LeadStatus.ACCEPTED);
    }

    /**
     * Converts a new or Unsorted lead (LEAD-4) in one transaction: the contact is the one given, else the
     * lead's own, else a stored contact its data duplicates (CON-5), else a new one made from its data;
     * optionally a company; and a deal. The lead is marked converted with references to them, with one
     * CONVERTED event beside the events of what was made. When anything fails, nothing is written.
     *
     * @param id the lead
     * @param expectedVersion the version the conversion is based on
     * @param into the pipeline and the rest of the deal
     * @return what the lead became
     * @throws RuleViolationException {@code lead.status.closed} when it was already converted, accepted,
     *         linked or declined, or listing every unmet prerequisite of the policy (LEAD-5)
     * @throws ValidationException listing every problem of the contact, company or deal to be made, such as
     *         the contact fields the policy requires (CON-2)
     * @throws dev.crmkit.api.ConflictException when the lead changed since {@code expectedVersion}
     */
    public Converted convert(LeadId id, long expectedVersion, Conversion into) {
        return turn(id, expectedVersion, into, LeadStatus.CONVERTED);
    }

    /**
     * Every reason a lead cannot be converted now, without writing anything: its status, the policy's
     * prerequisites (LEAD-5), and the problems of the contact that conversion would make from its data.
     *
     * @param id the lead
     * @return the unmet prerequisites; empty when it can be converted
     */
    public List<Violation> checkConversion(LeadId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> {
            Lead lead = unit.tx().leads().get(id);
            Violations v = new Violations();
            if (!lead.isOpen()) {
                v.add("status", "lead.status.closed", lead.name(), lead.status());
                return v.list();
            }
            prerequisites(unit, lead, v);
            try {
                plannedContact(unit, lead, null, false);
            } catch (ValidationException e) {
                v.addAll(e.violations());
            }
            return v.list();
        });
    }

    /**
     * The stored contacts the lead's contact data duplicates under the policy's criteria (CON-5), best
     * match first; writes nothing.
     *
     * @param id the lead
     * @return the matches
     */
    public List<DuplicateMatch> findDuplicates(LeadId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> ClientWrites.visible(unit, Duplicates.ofLead(unit.system(), unit.policy(),
                unit.tx().leads().get(id), false)));
    }

    /**
     * Deletes a lead with its tasks and timeline entries, if nobody changed it since {@code expectedVersion}.
     *
     * @param id the lead
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(LeadId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            Lead lead = unit.requireVersion(unit.tx().leads().get(id), expectedVersion);
            References.deleteOwned(unit, RecordRef.of(id));
            unit.delete(unit.tx().leads(), lead);
            return null;
        });
    }

    /**
     * A lead.
     *
     * @param id the lead
     * @return the lead
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public Lead get(LeadId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().leads().get(id));
    }

    /**
     * One page of leads matching a filter, such as Unsorted: {@code LeadFields.STATUS.eq(LeadStatus.UNSORTED)}.
     *
     * @param filter which leads; see {@link LeadFields}
     * @param sort their order
     * @param page which page
     * @return the page
     */
    public Slice<Lead> query(Filter<Lead> filter, Sort<Lead> sort, PageRequest page) {
        return QUERIES.run(context, tx -> tx.leads()::query, filter, sort, page);
    }

    /**
     * The leads of a contact (LEAD-1: a contact may have many).
     *
     * @param contact the contact
     * @return its leads, in id order
     */
    public List<Lead> byContact(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return context.read(unit -> unit.tx().leads().byContact(contact));
    }

    /** What a lead became. */
    private Converted turn(LeadId id, long expectedVersion, Conversion into, LeadStatus status) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(into, "into");
        return context.write(unit -> {
            Lead lead = openLead(unit, id, expectedVersion);
            if (status == LeadStatus.ACCEPTED && lead.status() != LeadStatus.UNSORTED) {
                throw RuleViolationException.of(CoreMessages.violation("status",
                        "lead.status.not_unsorted", lead.name(), lead.status()));
            }
            Violations v = new Violations();
            prerequisites(unit, lead, v);
            v.throwRuleIfAny();
            Violations invalid = new Violations().addAll(unit.engine().validator().validate(into));
            Pipeline pipeline = unit.tx().pipelines().get(into.pipeline);
            Optional<Stage> stage = into.stage == null ? Optional.empty() : pipeline.stage(into.stage);
            if (into.stage != null && stage.isEmpty()) {
                invalid.add("stage", "deal.stage.unknown", into.stage, pipeline.name());
            } else if (stage.filter(Stage::isClosed).isPresent()) {
                invalid.add("stage", "deal.stage.closed", stage.get().name());
            }
            Contact planned = null;
            try {
                planned = plannedContact(unit, lead, into, true);
            } catch (ValidationException e) {
                invalid.addAll(e.violations());
            }
            invalid.throwIfAny();
            Contact contact = planned;
            Optional<Company> company = company(unit, lead, into);
            boolean reused = unit.tx().contacts().find(contact.id()).isPresent();
            if (!reused) {
                Contact candidate = company.isPresent() && contact.company().isEmpty()
                        ? contact.toBuilder().company(company.get().id()).build() : contact;
                contact = contacts.insert(unit, candidate);
            }
            DealForm deal = DealForm.in(into.pipeline).name(into.dealName != null ? into.dealName : lead.name())
                    .responsible(into.responsible != null ? into.responsible : lead.responsible())
                    .contact(contact.id()).source(lead.source());
            if (into.stage != null) {
                deal.stage(into.stage);
            }
            if (into.productGroup != null) {
                deal.productGroup(into.productGroup);
            }
            company.ifPresent(c -> deal.company(c.id()));
            lead.budget().ifPresent(deal::budget);
            Deal made = DealService.createFromLead(unit, deal, lead.id());
            LeadBuilder next = decided(unit, lead, status).contact(contact.id()).convertedContact(contact.id())
                    .convertedDeal(made.id());
            company.ifPresent(c -> next.company(c.id()).convertedCompany(c.id()));
            Lead stored = unit.update(unit.tx().leads(), lead, next.build());
            unit.event(stored, EventKind.CONVERTED, "deal", made.name() + " (" + made.id() + ")");
            return new Converted(stored, contact, reused, company, made);
        });
    }

    /** The lead under its lock, checked to be open and at the expected version. */
    private static Lead openLead(Unit unit, LeadId id, long expectedVersion) {
        unit.tx().lock(List.of("crmkit:lead:" + id.value()));
        Lead lead = unit.tx().leads().get(id);
        if (!lead.isOpen()) {
            throw RuleViolationException.of(CoreMessages.violation("status",
                    "lead.status.closed", lead.name(), lead.status()));
        }
        return unit.requireVersion(lead, expectedVersion);
    }

    private static LeadBuilder decided(Unit unit, Lead lead, LeadStatus status) {
        return lead.toBuilder().status(status).decided(unit.now()).decidedBy(unit.actor().id());
    }

    /** LEAD-5: what the policy requires before a lead is converted or accepted. */
    private static void prerequisites(Unit unit, Lead lead, Violations v) {
        Transaction tx = unit.tx();
        List<RecordRef> owners = new ArrayList<>(List.of(RecordRef.of(lead.id())));
        lead.contact().ifPresent(c -> owners.add(RecordRef.of(c)));
        if (unit.policy().conversionPrerequisites().contains(ConversionPrerequisite.INTERACTION)
                && owners.stream().flatMap(o -> tx.timeline().byOwner(o).stream()).noneMatch(Interactions::isInteraction)) {
            v.add("timeline", "lead.conversion.interaction_required", lead.name());
        }
        if (unit.policy().conversionPrerequisites().contains(ConversionPrerequisite.COMMENT)
                && tx.timeline().byOwner(RecordRef.of(lead.id())).stream()
                .noneMatch(e -> e instanceof Comment)) {
            v.add("timeline", "lead.conversion.comment_required", lead.name());
        }
    }

    /**
     * The contact a conversion uses: the one asked for, else the lead's own, else the best stored match of
     * the lead's data or of the contact made from it (under the duplicate locks when writing), else that new
     * contact, not yet stored (version 1 and not found).
     */
    private Contact plannedContact(Unit unit, Lead lead, Conversion into, boolean write) {
        Transaction tx = unit.tx();
        if (into != null && into.contact != null) {
            return tx.contacts().get(into.contact);
        }
        if (lead.contact().isPresent()) {
            return tx.contacts().get(lead.contact().get());
        }
        if (unit.policy().duplicateDetection()) {
            Optional<Contact> same = contacts.best(unit, Duplicates.ofLead(unit.system(), unit.policy(), lead, write));
            if (same.isPresent()) {
                return same.get();
            }
        }
        ContactForm form = ContactForm.person(lead.person().flatMap(PersonName::first).orElse(null),
                lead.person().flatMap(PersonName::last).orElse(null))
                .middleName(lead.person().flatMap(PersonName::middle).orElse(null)).responsible(lead.responsible());
        form.reachableAt(lead.phones(), lead.emails());
        if (into != null) {
            into.completeContact.accept(form);
        }
        Contact candidate;
        try {
            candidate = contacts.candidate(unit, form);
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream().map(x -> x.under("contact")).toList());
        }
        return unit.policy().duplicateDetection() ? contacts.storedDuplicate(unit, candidate, write).orElse(candidate)
                : candidate;
    }

    /** The company a conversion links, stored (made now when it is new), or none. */
    private Optional<Company> company(Unit unit, Lead lead, Conversion into) {
        Transaction tx = unit.tx();
        if (into.company != null) {
            return Optional.of(tx.companies().get(into.company));
        }
        if (!into.withCompany) {
            return Optional.empty();
        }
        if (lead.company().isPresent()) {
            return Optional.of(tx.companies().get(lead.company().get()));
        }
        if (lead.companyName().isEmpty()) {
            throw new ValidationException(List.of(CoreMessages.violation("companyName",
                    "lead.company_name.required", lead.name())));
        }
        Company candidate = companies.candidate(unit, CompanyForm.named(lead.companyName().get())
                .responsible(lead.responsible()));
        Optional<Company> same = unit.policy().duplicateDetection()
                ? companies.storedDuplicate(unit, candidate, true) : Optional.empty();
        return Optional.of(same.orElseGet(() -> companies.insert(unit, candidate)));
    }

    /** The lead a form describes, new or the next state of {@code current}; every problem at once. */
    private static Lead build(Unit unit, LeadForm form, Lead current) {
        Transaction tx = unit.tx();
        Violations v = new Violations().addAll(unit.engine().validator().validate(form));
        if (Text.isBlank(form.name)) {
            v.add("name", "lead.name.blank");
        }
        UserId responsible = unit.activeUser(v, "responsible", "lead.responsible", form.responsible);
        List<ContactPhone> phones = ClientValues.phones(form.phones, v);
        List<ContactEmail> emails = ClientValues.emails(form.emails, v);
        ClientValues.checkTags(form.tags, v);
        if (form.budget != null && form.budget.amount().signum() < 0) {
            v.add("budget", "lead.budget.negative", form.budget);
        }
        // What the stored lead links stays, even a contact or company the acting user may not see (CON-8).
        boolean contactKept = current != null && current.contact().equals(Optional.ofNullable(form.contact));
        if (form.contact != null && !contactKept && tx.contacts().find(form.contact).isEmpty()) {
            v.add("contact", "lead.contact.unknown", form.contact);
        }
        boolean companyKept = current != null && current.company().equals(Optional.ofNullable(form.company));
        if (form.company != null && !companyKept && tx.companies().find(form.company).isEmpty()) {
            v.add("company", "lead.company.unknown", form.company);
        }
        if (current != null) {
            readOnlyUtm(current.utm(), form.utm, v);
        }
        boolean named = !Text.isBlank(form.first) || !Text.isBlank(form.middle) || !Text.isBlank(form.last);
        PersonName person = named ? v.parse("person", () -> new PersonName(Optional.ofNullable(form.first),
                Optional.ofNullable(form.middle), Optional.ofNullable(form.last))) : null;
        CustomFieldValues customFields = CustomValues.resolve(unit, EntityType.LEAD, null,
                current == null ? CustomFieldValues.empty() : current.customFields(), form.customFields, v);
        v.throwIfAny();
        LeadBuilder b = current == null
                ? Lead.builder().id(new LeadId(unit.nextId())).created(unit.now()).updated(unit.now())
                        .status(form.unsorted ? LeadStatus.UNSORTED : LeadStatus.NEW).utm(form.utm)
                : current.toBuilder();
        b.name(form.name.strip()).source(form.source).responsible(responsible).phones(phones).emails(emails)
                .tags(form.tags).customFields(customFields);
        setOrClear(person, b::person, b::clearPerson);
        setOrClear(ClientValues.text(form.companyName), b::companyName, b::clearCompanyName);
        setOrClear(form.contact, b::contact, b::clearContact);
        setOrClear(form.company, b::company, b::clearCompany);
        setOrClear(form.budget, b::budget, b::clearBudget);
        return b.build();
    }

    /** LEAD-2: the analytics values a web form captured never change; each changed one is named. */
    private static void readOnlyUtm(Utm stored, Utm edited, Violations v) {
        String[] names = {"source", "medium", "campaign", "content", "term", "analyticsClientId"};
        List<Optional<String>> before = List.of(stored.source(), stored.medium(), stored.campaign(), stored.content(),
                stored.term(), stored.analyticsClientId());
        List<Optional<String>> after = List.of(edited.source(), edited.medium(), edited.campaign(), edited.content(),
                edited.term(), edited.analyticsClientId());
        for (int i = 0; i < names.length; i++) {
            if (!before.get(i).equals(after.get(i))) {
                v.add("utm." + names[i], "lead.utm.read_only", names[i]);
            }
        }
    }
}
