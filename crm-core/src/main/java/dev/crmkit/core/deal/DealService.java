package dev.crmkit.core.deal;

import static dev.crmkit.core.support.Values.setOrClear;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealBuilder;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.task.TaskIndicator;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.field.CustomValues;
import dev.crmkit.core.policy.DealContacts;
import dev.crmkit.core.policy.DealCreation;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Queries;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deals (DEAL-1, DEAL-2, DEAL-9): created in a pipeline, moved through its stages, moved to another
 * pipeline, closed as Won or Lost (Lost with a reason from the admin list), re-opened where the policy
 * allows. Every change writes its events in the same transaction. Obtained from {@code CrmSession};
 * thread-safe.
 */
public final class DealService {

    private static final Queries<Deal> QUERIES = Queries.of("deals", DealFields.ALL, DealFields.ID)
            .withCustomFields(EntityType.DEAL);

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public DealService(Context context) {
        this.context = context;
    }

    /**
     * Creates a deal at an open stage of its pipeline, with exactly one responsible user (DEAL-1).
     *
     * @param form the deal
     * @return the stored deal
     * @throws dev.crmkit.api.NotFoundException when the pipeline does not exist
     * @throws dev.crmkit.api.ValidationException listing every problem: an unknown or closed stage,
     *         an unknown or inactive responsible user, unknown contacts or company, a negative budget
     */
    public Deal create(DealForm form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            if (unit.policy().dealCreation() == DealCreation.FROM_LEAD_ONLY) {
                throw RuleViolationException.of(CoreMessages.violation("pipeline", "deal.create.from_lead_only"));
            }
            return insert(unit, form, Optional.empty());
        });
    }

    /**
     * Creates a deal from a lead inside an operation of crm-core (LEAD-3, LEAD-4): checked as {@link #create}
     * checks a deal, whatever the policy says of creating deals directly (DEAL-8). Used by the lead
     * conversion; not for direct use.
     *
     * @param unit the operation
     * @param form the deal
     * @param lead the lead it comes from
     * @return the stored deal
     */
    @SuppressWarnings("exports")
    public static Deal createFromLead(Unit unit, DealForm form, LeadId lead) {
        return insert(unit, Objects.requireNonNull(form, "form"), Optional.of(Objects.requireNonNull(lead, "lead")));
    }

    private static Deal insert(Unit unit, DealForm form, Optional<LeadId> lead) {
        Transaction tx = unit.tx();
        Pipeline p = tx.pipelines().get(form.pipeline);
        Violations v = new Violations();
        Stage stage = p.firstStage();
        if (form.stage != null) {
            stage = p.stage(form.stage).orElse(null);
            if (stage == null) {
                v.add("stage", unknownStageCode(tx, form.stage), form.stage, p.name());
            } else if (stage.isClosed()) {
                v.add("stage", "deal.stage.closed", stage.name());
            }
        }
        Deal candidate = build(unit, form, null, p, stage, v);
        if (lead.isPresent()) {
            candidate = candidate.toBuilder().lead(lead.get()).build();
        }
        List<Violation> missing = StageRequirements.missing(tx, p, candidate, candidate.stage());
        if (!missing.isEmpty()) {
            throw new RuleViolationException(missing);
        }
        requireNoOtherOpenDeal(unit, candidate, null);
        Deal stored = unit.insert(tx.deals(), candidate);
        Transitions.record(unit, null, stored);
        return stored;
    }

    /**
     * DEAL-8: where the policy says so, a contact has at most one open deal in a product group; checked under
     * a lock per contact and group, so two deals created at once cannot both pass.
     */
    private static void requireNoOtherOpenDeal(Unit unit, Deal candidate, Deal current) {
        if (!unit.policy().oneOpenDealPerProductGroup() || candidate.closed().isPresent()
                || candidate.productGroup().isEmpty()) {
            return;
        }
        if (current != null && current.closed().isEmpty() && current.productGroup().equals(candidate.productGroup())
                && current.contacts().containsAll(candidate.contacts())) {
            return;
        }
        ProductGroupId group = candidate.productGroup().get();
        // A deal the acting user may not see still counts (DEAL-8), but is not named (CON-8, USER-5); nor is a
        // contact they may not see, which a deal they see may list.
        Transaction tx = unit.system();
        tx.lock(candidate.contacts().stream().map(c -> "open-deal:" + c.value() + ":" + group.value())
                .collect(Collectors.toList()));
        Violations v = new Violations();
        for (int i = 0; i < candidate.contacts().size(); i++) {
            ContactId contact = candidate.contacts().get(i);
            for (Deal other : tx.deals().byContact(contact)) {
                if (!other.id().equals(candidate.id()) && other.closed().isEmpty()
                        && other.productGroup().equals(candidate.productGroup())) {
                    RecordRef client = RecordRef.of(contact);
                    String name = unit.access().sees(client) ? unit.nameOf(client) : contact.toString();
                    if (unit.access().sees(other)) {
                        v.add("productGroup", "deal.product_group.open_deal", name, other.name(), other.id());
                    } else {
                        v.add("productGroup", "deal.product_group.open_hidden_deal", name);
                    }
                }
            }
        }
        v.throwRuleIfAny();
    }

    /**
     * Moves a deal to another stage of its pipeline. Moving into Won closes it; moving into Lost needs
     * {@link #lose}; moving a closed deal re-opens it where the policy allows.
     *
     * @param id the deal
     * @param stage a stage of the deal's pipeline
     * @return the stored deal
     * @throws RuleViolationException {@code deal.stage.foreign} (a stage of another pipeline),
     *         {@code deal.stage.unknown}, {@code deal.loss_reason.required}, {@code deal.reopen.forbidden}
     * @throws AccessDeniedException when only admins may re-open and the acting user is not one
     */
    public Deal move(DealId id, StageId stage) {
        return move(id, stage, OptionalLong.empty());
    }

    /**
     * Moves a deal to another stage of its pipeline as {@link #move(DealId, StageId)} does, if nobody changed
     * the deal since {@code expectedVersion}: the move a user makes from the deal as they see it. Moving a
     * closed deal is a re-opening.
     *
     * @param id the deal
     * @param stage a stage of the deal's pipeline
     * @param expectedVersion the version the move is based on
     * @return the stored deal
     * @throws dev.crmkit.api.ConflictException when the deal changed meanwhile; nothing is changed
     * @throws RuleViolationException as {@link #move(DealId, StageId)} does
     * @throws AccessDeniedException when only admins may re-open and the acting user is not one
     */
    public Deal move(DealId id, StageId stage, long expectedVersion) {
        return move(id, stage, OptionalLong.of(expectedVersion));
    }

    private Deal move(DealId id, StageId stage, OptionalLong expectedVersion) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        return context.write(unit -> {
            Deal d = stored(unit, id, expectedVersion);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return moveTo(unit, d, p, new StageMoveRule.Target(p, stageOf(unit.tx(), p, stage), Optional.empty()));
        });
    }

    /**
     * Closes a deal as Won.
     *
     * @param id the deal
     * @return the stored deal
     */
    public Deal win(DealId id) {
        return win(id, OptionalLong.empty());
    }

    /**
     * Closes a deal as Won, if nobody changed it since {@code expectedVersion}.
     *
     * @param id the deal
     * @param expectedVersion the version the change is based on
     * @return the stored deal
     * @throws dev.crmkit.api.ConflictException when the deal changed meanwhile; nothing is changed
     */
    public Deal win(DealId id, long expectedVersion) {
        return win(id, OptionalLong.of(expectedVersion));
    }

    private Deal win(DealId id, OptionalLong expectedVersion) {
        Objects.requireNonNull(id, "id");
        return context.write(unit -> {
            Deal d = stored(unit, id, expectedVersion);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return moveTo(unit, d, p, new StageMoveRule.Target(p, p.wonStage(), Optional.empty()));
        });
    }

    /**
     * Closes a deal as Lost with a reason from the admin list (DEAL-9). A deal that is Lost already keeps
     * its stage and takes the new reason, with a field event.
     *
     * @param id the deal
     * @param reason the loss reason
     * @return the stored deal
     * @throws RuleViolationException {@code deal.loss_reason.unknown} for a reason not in the list
     */
    public Deal lose(DealId id, LossReasonId reason) {
        return lose(id, reason, OptionalLong.empty());
    }

    /**
     * Closes a deal as Lost with a reason as {@link #lose(DealId, LossReasonId)} does, if nobody changed it
     * since {@code expectedVersion}.
     *
     * @param id the deal
     * @param reason the loss reason
     * @param expectedVersion the version the change is based on
     * @return the stored deal
     * @throws dev.crmkit.api.ConflictException when the deal changed meanwhile; nothing is changed
     * @throws RuleViolationException {@code deal.loss_reason.unknown} for a reason not in the list
     */
    public Deal lose(DealId id, LossReasonId reason, long expectedVersion) {
        return lose(id, reason, OptionalLong.of(expectedVersion));
    }

    private Deal lose(DealId id, LossReasonId reason, OptionalLong expectedVersion) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        return context.write(unit -> {
            Deal d = stored(unit, id, expectedVersion);
            if (unit.tx().settings().list(ListKind.LOSS_REASONS).find(reason).isEmpty()) {
                throw RuleViolationException.of(CoreMessages.violation("lossReason", "deal.loss_reason.unknown", reason));
            }
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return moveTo(unit, d, p, new StageMoveRule.Target(p, p.lostStage(), Optional.of(reason)));
        });
    }

    /**
     * A deal's stage changes, oldest first (AN-2, AN-4): its creation at its first stage, every move (Won and
     * Lost included), and the past changes backfilled for it.
     *
     * @param id the deal
     * @return its log
     * @throws dev.crmkit.api.NotFoundException when there is no deal the acting user may see
     */
    public List<StageTransition> transitions(DealId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> {
            unit.tx().deals().get(id);
            return unit.system().stageTransitions().ofDeal(id);
        });
    }

    /**
     * Records a stage change that happened before the deal was stored here (AN-2), such as an imported
     * pipeline's history: the deal's current state does not change; the log gets a backfilled entry and the deal
     * a BACKFILLED event.
     *
     * @param id the deal
     * @param from the stage it left, empty when it was created at {@code to}
     * @param to the stage it entered, of its pipeline
     * @param at when, not after now
     * @return the entry
     * @throws RuleViolationException {@code deal.stage.unknown} or {@code deal.stage.foreign} for a stage not of
     *         the deal's pipeline
     * @throws dev.crmkit.api.ValidationException {@code deal.backfill.future} or {@code datetime.range}
     */
    public StageTransition backfill(DealId id, Optional<StageId> from, StageId to, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            Stage entered = stageOf(unit.tx(), p, to);
            Stage left = from.map(f -> stageOf(unit.tx(), p, f)).orElse(null);
            Violations v = new Violations().instant("at", at);
            if (at.isAfter(unit.now())) {
                v.add("at", "deal.backfill.future", at);
            }
            v.throwIfAny();
            StageTransition t = Transitions.backfilled(unit, d, left == null ? null : left.id(), entered.id(),
                    at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            unit.event(d, EventKind.BACKFILLED, "stage", (left == null ? "" : left.name() + " → ") + entered.name()
                    + " at " + t.at());
            return t;
        });
    }

    /**
     * The fields a deal lacks to be moved to a stage of its pipeline (DEAL-4), one violation each
     * ({@code deal.field.required}, path the field's: {@code budget}, {@code customFields.<id>}, …), without
     * writing anything. Empty when the stage requires nothing the deal lacks; the other rules of a move (loss
     * reasons, re-opening) are checked by the move itself.
     *
     * @param id the deal
     * @param stage a stage of the deal's pipeline
     * @return the missing fields
     * @throws RuleViolationException {@code deal.stage.foreign} or {@code deal.stage.unknown}
     */
    public List<Violation> checkMove(DealId id, StageId stage) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        return context.read(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return StageRequirements.missing(unit.tx(), p, d, stageOf(unit.tx(), p, stage).id());
        });
    }

    /**
     * Moves a deal to another pipeline, at a given stage or its first.
     *
     * @param id the deal
     * @param pipeline the target pipeline
     * @param stage a stage of the target pipeline, or empty for its first stage
     * @return the stored deal
     */
    public Deal moveToPipeline(DealId id, PipelineId pipeline, Optional<StageId> stage) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline from = unit.tx().pipelines().get(d.pipeline());
            Pipeline to = unit.tx().pipelines().get(pipeline);
            Stage target = stage.isEmpty() ? to.firstStage() : stageOf(unit.tx(), to, stage.get());
            return moveTo(unit, d, from, new StageMoveRule.Target(to, target, Optional.empty()));
        });
    }

    /**
     * Changes a deal's fields, if nobody changed the deal since {@code expectedVersion}: the edit gets the
     * deal's form filled with its values, {@code d -> d.name("Office chairs").budget(amount)}. The changed
     * deal is checked as a new one is; an edit that leaves every value as it was writes nothing. Its stage
     * changes through {@link #move}, {@link #win}, {@link #lose} and {@link #moveToPipeline} only.
     *
     * @param id the deal
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored deal
     * @throws dev.crmkit.api.ConflictException when the deal changed meanwhile
     * @throws dev.crmkit.api.ValidationException listing every problem with the changed deal, including
     *         {@code deal.stage.not_editable} for an edit of the stage
     */
    public Deal update(DealId id, long expectedVersion, Consumer<? super DealForm> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            Transaction tx = unit.tx();
            Deal current = unit.requireVersion(tx.deals().get(id), expectedVersion);
            Pipeline p = tx.pipelines().get(current.pipeline());
            DealForm form = DealForm.of(current);
            edit.accept(form);
            Violations v = new Violations();
            if (!current.stage().equals(form.stage)) {
                v.add("stage", "deal.stage.not_editable", current.name());
            }
            Deal candidate = build(unit, form, current, p, p.stage(current.stage()).orElseThrow(), v);
            List<Violation> emptied = StageRequirements.newly(
                    StageRequirements.missing(tx, p, current, current.stage()),
                    StageRequirements.missing(tx, p, candidate, current.stage()));
            if (!emptied.isEmpty()) {
                throw new RuleViolationException(emptied);
            }
            requireNoOtherOpenDeal(unit, candidate, current);
            return unit.update(tx.deals(), current, candidate);
        });
    }

    /**
     * Deletes a deal with its tasks and timeline entries, if nobody changed it since {@code expectedVersion}.
     *
     * @param id the deal
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(DealId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            Deal d = unit.requireVersion(unit.tx().deals().get(id), expectedVersion);
            References.deleteOwned(unit, RecordRef.of(id));
            unit.delete(unit.tx().deals(), d);
            return null;
        });
    }

    /**
     * A deal.
     *
     * @param id the deal
     * @return the deal
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public Deal get(DealId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().deals().get(id));
    }

    /**
     * Whether a deal is correct (DEAL-5) and active (DEAL-6) now, and what it lacks or why it is not active:
     * see {@link DealHealth}. Only the deal's own timeline counts; the activity period reaches back the
     * policy's {@link dev.crmkit.core.policy.Policy#activityPeriod()} from the clock's now, in the acting
     * user's time zone; a comment is detailed when the policy's
     * {@link dev.crmkit.core.policy.Policy#detailedComments()} says so. Reads only.
     *
     * @param id the deal
     * @return its health
     * @throws dev.crmkit.api.NotFoundException when there is no such deal
     */
    public DealHealth health(DealId id) {
        return DealHealthReads.read(context, List.of(Objects.requireNonNull(id, "id"))).get(0);
    }

    /**
     * The health of several deals, as {@link #health(DealId)} gives it, read in one transaction: every deal
     * is judged as of the same moment.
     *
     * @param ids the deals, at most {@value dev.crmkit.api.Limits#PAGE_SIZE}
     * @return one result per deal, in the order of {@code ids}, each deal once
     * @throws dev.crmkit.api.NotFoundException naming the first id with no deal
     * @throws dev.crmkit.api.ValidationException {@code collection.too_many} for more ids than allowed
     */
    public List<DealHealth> health(Collection<DealId> ids) {
        return DealHealthReads.read(context, ids);
    }

    /**
     * One page of deals matching a filter (DEAL-11).
     *
     * @param filter which deals; see {@link dev.crmkit.api.query.DealFields}
     * @param sort their order
     * @param page which page
     * @return the page
     */
    public Slice<Deal> query(Filter<Deal> filter, Sort<Deal> sort, PageRequest page) {
        return QUERIES.run(context, tx -> tx.deals()::query, filter, sort, page);
    }

    /**
     * The deals that list a contact.
     *
     * @param contact the contact
     * @return its deals
     */
    public List<Deal> byContact(ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return context.read(unit -> unit.tx().deals().byContact(contact));
    }

    /**
     * The task indicator of a deal (DEAL-10): {@link TaskIndicator#RED} when one of its own open tasks is
     * overdue, else {@link TaskIndicator#GREEN} when one is due later today, else {@link TaskIndicator#ORANGE}
     * when the deal is open and has no open task, else {@link TaskIndicator#NONE}. "Today" is in the acting
     * user's time zone; tasks of the deal's contacts and company do not count.
     *
     * @param id the deal
     * @return the indicator
     * @throws dev.crmkit.api.NotFoundException when there is no such deal
     */
    public TaskIndicator taskIndicator(DealId id) {
        Objects.requireNonNull(id, "id");
        return taskIndicators(List.of(id)).get(id);
    }

    /**
     * The task indicators of many deals, such as a page of a deal list, in one read.
     *
     * @param ids the deals, at most {@link dev.crmkit.api.Limits#PAGE_SIZE}
     * @return each deal's indicator, in the order of {@code ids}, each deal once
     * @throws dev.crmkit.api.NotFoundException when one of the deals does not exist
     * @throws dev.crmkit.api.ValidationException {@code collection.too_many} for too many deals
     */
    public Map<DealId, TaskIndicator> taskIndicators(Collection<DealId> ids) {
        Objects.requireNonNull(ids, "ids");
        ids.forEach(id -> Objects.requireNonNull(id, "ids[]"));
        new Violations().count("ids", ids.size(), dev.crmkit.api.Limits.PAGE_SIZE).throwIfAny();
        return context.read(unit -> DealTaskIndicators.of(unit, ids));
    }

    /** The deal as stored, checked against the version the caller saw when one is given. */
    private static Deal stored(Unit unit, DealId id, OptionalLong expectedVersion) {
        Deal d = unit.tx().deals().get(id);
        return expectedVersion.isPresent() ? unit.requireVersion(d, expectedVersion.getAsLong()) : d;
    }

    private Deal moveTo(Unit unit, Deal d, Pipeline pipeline, StageMoveRule.Target target) {
        Stage current = pipeline.stage(d.stage()).orElseThrow();
        StageMoveRule.Outcome outcome = StageMoveRule.of(unit.policy())
                .decide(d, current, target, unit.actor().role(), unit.now());
        if (outcome instanceof StageMoveRule.Outcome.NeedsAdmin) {
            throw new AccessDeniedException("only administrators may re-open the closed deal " + d.name());
        }
        if (outcome instanceof StageMoveRule.Outcome.Refused refused) {
            throw new RuleViolationException(refused.violations());
        }
        if (outcome instanceof StageMoveRule.Outcome.Moved moved) {
            List<Violation> missing = StageRequirements.missing(unit.tx(), target.pipeline(), moved.next(),
                    target.stage().id());
            if (!missing.isEmpty()) {
                throw new RuleViolationException(missing);
            }
            requireNoOtherOpenDeal(unit, moved.next(), d.closed().isPresent() ? null : d);
            Deal stored = unit.update(unit.tx().deals(), d, moved.next());
            Transitions.record(unit, d, stored);
            return stored;
        }
        return d;
    }

    /**
     * The deal a form describes, new (at {@code stage}) or the next state of {@code current}, with every
     * problem of the form reported together with the ones found before ({@code v}).
     */
    private static Deal build(Unit unit, DealForm form, Deal current, Pipeline p, Stage stage, Violations v) {
        Transaction tx = unit.tx();
        v.addAll(unit.engine().validator().validate(form));
        UserId responsible = unit.activeUser(v, "responsible", "deal.responsible", form.responsible);
        Set<UserId> restrictedTo = unit.activeUsers(v, "restrictedTo", "deal.restricted", form.restrictedTo,
                Limits.RESTRICTED_USERS);
        // Only what the edit links anew must be a record the acting user sees: what the stored deal links stays,
        // even a contact or company they may not see (CON-8).
        List<ContactId> contacts = new ArrayList<>(form.contacts);
        for (int i = 0; i < contacts.size(); i++) {
            boolean kept = current != null && current.contacts().contains(contacts.get(i));
            if (!kept && tx.contacts().find(contacts.get(i)).isEmpty()) {
                v.add("contacts[" + i + "]", "deal.contact.unknown", contacts.get(i));
            }
        }
        if (unit.policy().dealContacts() == DealContacts.EXACTLY_ONE && contacts.size() != 1) {
            v.add("contacts", "deal.contacts.exactly_one", contacts.size());
        }
        boolean companyKept = current != null && current.company().equals(Optional.ofNullable(form.company));
        if (form.company != null && !companyKept && tx.companies().find(form.company).isEmpty()) {
            v.add("company", "deal.company.unknown", form.company);
        }
        if (form.productGroup != null && tx.settings().list(ListKind.PRODUCT_GROUPS).find(form.productGroup).isEmpty()) {
            v.add("productGroup", "deal.product_group.unknown", form.productGroup);
        }
        if (current != null && Text.isBlank(form.name)) {
            v.add("name", "deal.name.blank");
        }
        if (form.tags.stream().anyMatch(Text::isBlank)) {
            v.add("tags", "tag.blank");
        }
        v.date("expectedClose", form.expectedClose);
        Budget budget = form.budget == null ? null : v.parse("budget", () -> new Budget(form.budget, form.budgetType));
        List<ProductLine> products = new ArrayList<>();
        for (int i = 0; i < form.products.size(); i++) {
            DealForm.RawProduct raw = form.products.get(i);
            ProductLine line = v.parse("products[" + i + "]", () -> new ProductLine(raw.product(), raw.quantity(),
                    raw.price()));
            if (line != null) {
                products.add(line);
            }
        }
        CustomFieldValues customFields = CustomValues.resolve(unit, EntityType.DEAL, p.id(),
                current == null ? CustomFieldValues.empty() : current.customFields(), form.customFields, v);
        v.throwIfAny();
        DealBuilder b;
        if (current == null) {
            DealId id = new DealId(unit.nextId());
            b = Deal.builder().id(id).created(unit.now()).updated(unit.now()).pipeline(p.id()).stage(stage.id())
                    .stageEntered(unit.now());
            b.name(Text.isBlank(form.name) ? "Deal " + id.value().toString().substring(0, 8)
                    : form.name.strip());
        } else {
            b = current.toBuilder().name(form.name.strip());
        }
        b.responsible(responsible).contacts(contacts).products(products).tags(form.tags).customFields(customFields)
                .restrictedTo(restrictedTo);
        setOrClear(form.company, b::company, b::clearCompany);
        setOrClear(form.productGroup, b::productGroup, b::clearProductGroup);
        setOrClear(form.source, b::source, b::clearSource);
        setOrClear(budget, b::budget, b::clearBudget);
        setOrClear(form.expectedClose, b::expectedClose, b::clearExpectedClose);
        return b.build();
    }

    private static Stage stageOf(Transaction tx, Pipeline p, StageId stage) {
        return p.stage(stage).orElseThrow(() -> RuleViolationException.of(CoreMessages.violation("stage",
                unknownStageCode(tx, stage), stage, p.name())));
    }

    private static String unknownStageCode(Transaction tx, StageId stage) {
        boolean elsewhere = tx.pipelines().all().stream().anyMatch(p -> p.stage(stage).isPresent());
        return elsewhere ? "deal.stage.foreign" : "deal.stage.unknown";
    }
}
