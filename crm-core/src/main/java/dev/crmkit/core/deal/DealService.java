package dev.crmkit.core.deal;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Records;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Deals (DEAL-1, DEAL-9): created in a pipeline, moved through its stages, moved to another pipeline,
 * closed as Won or Lost (Lost with a reason from the admin list), re-opened where the policy allows.
 * Every change writes its events in the same transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class DealService {

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
    public Deal create(NewDeal form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            Transaction tx = unit.tx();
            Pipeline p = tx.pipelines().get(form.pipeline);
            Violations v = new Violations().addAll(context.validator().validate(form));
            Stage stage = p.firstStage();
            if (form.stage != null) {
                stage = p.stage(form.stage).orElse(null);
                if (stage == null) {
                    v.add("stage", unknownStageCode(tx, form.stage), form.stage, p.name());
                } else if (stage.isClosed()) {
                    v.add("stage", "deal.stage.closed", stage.name());
                }
            }
            UserId responsible = form.responsible == null ? unit.actor().id() : form.responsible;
            checkResponsible(tx, v, responsible);
            for (int i = 0; i < form.contacts.size(); i++) {
                ContactId c = form.contacts.get(i);
                if (tx.contacts().find(c).isEmpty()) {
                    v.add("contacts[" + i + "]", "deal.contact.unknown", c);
                }
            }
            if (form.company != null && tx.companies().find(form.company).isEmpty()) {
                v.add("company", "deal.company.unknown", form.company);
            }
            if (form.productGroup != null && tx.settings().productGroups().find(form.productGroup).isEmpty()) {
                v.add("productGroup", "deal.product_group.unknown", form.productGroup);
            }
            Budget budget = form.budget == null ? null : v.parse("budget", () -> new Budget(form.budget, form.budgetType));
            v.throwIfAny();
            DealId id = new DealId(context.ids().next());
            String name = form.name == null || form.name.isBlank()
                    ? "Deal " + id.value().toString().substring(0, 8) : form.name.strip();
            Deal deal = tx.deals().insert(Deal.builder().id(id).created(unit.now()).updated(unit.now()).name(name)
                    .pipeline(p.id()).stage(stage.id()).stageEntered(unit.now()).responsible(responsible)
                    .contacts(form.contacts).company(Optional.ofNullable(form.company))
                    .productGroup(Optional.ofNullable(form.productGroup)).source(Optional.ofNullable(form.source))
                    .budget(Optional.ofNullable(budget)).expectedClose(Optional.ofNullable(form.expectedClose))
                    .products(form.products).tags(form.tags).build());
            unit.event(RecordRef.of(id), name, EventKind.CREATED);
            for (ContactId c : deal.contacts()) {
                unit.change(RecordRef.of(id), name, EventKind.LINKED, "contact", null,
                        tx.contacts().get(c).name().full());
            }
            deal.company().ifPresent(c -> unit.change(RecordRef.of(id), name, EventKind.LINKED, "company", null,
                    tx.companies().get(c).name()));
            return deal;
        });
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
        Objects.requireNonNull(stage, "stage");
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            Stage to = p.stage(stage).orElseThrow(() -> RuleViolationException.of(CoreMessages.violation("stage",
                    unknownStageCode(unit.tx(), stage), stage, p.name())));
            return moveTo(unit, d, p, p, to, Optional.empty());
        });
    }

    /**
     * Closes a deal as Won.
     *
     * @param id the deal
     * @return the stored deal
     */
    public Deal win(DealId id) {
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return moveTo(unit, d, p, p, p.wonStage(), Optional.empty());
        });
    }

    /**
     * Closes a deal as Lost with a reason from the admin list (DEAL-9).
     *
     * @param id the deal
     * @param reason the loss reason
     * @return the stored deal
     * @throws RuleViolationException {@code deal.loss_reason.unknown} for a reason not in the list
     */
    public Deal lose(DealId id, LossReasonId reason) {
        Objects.requireNonNull(reason, "reason");
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            if (unit.tx().settings().lossReasons().find(reason).isEmpty()) {
                throw RuleViolationException.of(CoreMessages.violation("lossReason", "deal.loss_reason.unknown", reason));
            }
            Pipeline p = unit.tx().pipelines().get(d.pipeline());
            return moveTo(unit, d, p, p, p.lostStage(), Optional.of(reason));
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
        Objects.requireNonNull(stage, "stage");
        return context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            Pipeline from = unit.tx().pipelines().get(d.pipeline());
            Pipeline to = unit.tx().pipelines().get(pipeline);
            Stage target = stage.isEmpty() ? to.firstStage() : to.stage(stage.get()).orElseThrow(() ->
                    RuleViolationException.of(CoreMessages.violation("stage", unknownStageCode(unit.tx(), stage.get()),
                            stage.get(), to.name())));
            return moveTo(unit, d, from, to, target, Optional.empty());
        });
    }

    /**
     * Changes a deal's fields, if nobody changed the deal since {@code expectedVersion}.
     *
     * @param id the deal
     * @param expectedVersion the version the change is based on
     * @param update the changes
     * @return the stored deal
     * @throws dev.crmkit.api.ConflictException when the deal changed meanwhile
     * @throws dev.crmkit.api.ValidationException listing every problem with the changes
     */
    public Deal update(DealId id, long expectedVersion, DealUpdate update) {
        Objects.requireNonNull(update, "update");
        return context.write(unit -> {
            Transaction tx = unit.tx();
            Deal d = Records.requireVersion(tx.deals().get(id), expectedVersion);
            Violations v = new Violations();
            Deal.Builder b = d.toBuilder().version(d.version() + 1).updated(unit.now());
            if (update.name != null) {
                if (update.name.isBlank()) {
                    v.add("name", "deal.name.blank");
                } else {
                    b.name(update.name.strip());
                }
            }
            if (update.responsible != null) {
                checkResponsible(tx, v, update.responsible);
                b.responsible(update.responsible);
            }
            if (update.contacts != null) {
                for (int i = 0; i < update.contacts.size(); i++) {
                    if (tx.contacts().find(update.contacts.get(i)).isEmpty()) {
                        v.add("contacts[" + i + "]", "deal.contact.unknown", update.contacts.get(i));
                    }
                }
                b.contacts(update.contacts);
            }
            if (update.company != null) {
                update.company.filter(c -> tx.companies().find(c).isEmpty())
                        .ifPresent(c -> v.add("company", "deal.company.unknown", c));
                b.company(update.company);
            }
            if (update.productGroup != null) {
                update.productGroup.filter(g -> tx.settings().productGroups().find(g).isEmpty())
                        .ifPresent(g -> v.add("productGroup", "deal.product_group.unknown", g));
                b.productGroup(update.productGroup);
            }
            if (update.budget != null) {
                b.budget(update.budget);
            }
            if (update.expectedClose != null) {
                b.expectedClose(update.expectedClose);
            }
            if (update.products != null) {
                b.products(update.products);
            }
            if (update.tags != null) {
                b.tags(update.tags);
            }
            v.throwIfAny();
            Deal next = tx.deals().update(b.build(), expectedVersion);
            RecordRef ref = RecordRef.of(id);
            String name = next.name();
            unit.change(ref, name, EventKind.FIELD_CHANGED, "name", d.name(), next.name());
            if (!d.responsible().equals(next.responsible())) {
                unit.change(ref, name, EventKind.RESPONSIBLE_CHANGED, "responsible",
                        tx.users().find(d.responsible()).map(User::name).orElse(d.responsible().toString()),
                        tx.users().get(next.responsible()).name());
            }
            unit.change(ref, name, EventKind.FIELD_CHANGED, "contacts", d.contacts(), next.contacts());
            unit.change(ref, name, EventKind.FIELD_CHANGED, "company", d.company(), next.company());
            unit.change(ref, name, EventKind.FIELD_CHANGED, "productGroup", d.productGroup(), next.productGroup());
            unit.change(ref, name, EventKind.FIELD_CHANGED, "budget", d.budget().map(Budget::amount),
                    next.budget().map(Budget::amount));
            unit.change(ref, name, EventKind.FIELD_CHANGED, "expectedClose", d.expectedClose(), next.expectedClose());
            unit.change(ref, name, EventKind.FIELD_CHANGED, "products", d.products(), next.products());
            unit.change(ref, name, EventKind.FIELD_CHANGED, "tags", d.tags(), next.tags());
            return next;
        });
    }

    /**
     * Deletes a deal with its tasks and timeline entries, if nobody changed it since {@code expectedVersion}.
     *
     * @param id the deal
     * @param expectedVersion the version the deletion is based on
     */
    public void delete(DealId id, long expectedVersion) {
        context.write(unit -> {
            Deal d = unit.tx().deals().get(id);
            RecordRef ref = RecordRef.of(id);
            unit.tx().tasks().byOwner(ref).forEach(t -> unit.tx().tasks().delete(t.id(), t.version()));
            unit.tx().timeline().byOwner(ref).forEach(e -> unit.tx().timeline().delete(e.id(), e.version()));
            unit.tx().deals().delete(id, expectedVersion);
            unit.event(ref, d.name(), EventKind.DELETED);
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
        return context.read(unit -> unit.tx().deals().get(id));
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
        return context.read(unit -> unit.tx().deals().query(filter, sort, page));
    }

    /**
     * The deals that list a contact.
     *
     * @param contact the contact
     * @return its deals
     */
    public List<Deal> byContact(ContactId contact) {
        return context.read(unit -> unit.tx().deals().byContact(contact));
    }

    private Deal moveTo(Unit unit, Deal d, Pipeline fromPipeline, Pipeline toPipeline, Stage to,
                        Optional<LossReasonId> reason) {
        Stage from = fromPipeline.stage(d.stage()).orElseThrow();
        if (from.id().equals(to.id())) {
            return d;
        }
        StageMoveRule.Result check = StageMoveRule.check(d, from, to, reason.isPresent(),
                context.policy().lossReasonRequired(), context.policy().reopen(), unit.actor().role() == Role.ADMIN);
        if (check.needsAdmin()) {
            throw new AccessDeniedException("only administrators may re-open the closed deal " + d.name());
        }
        if (!check.violations().isEmpty()) {
            throw new RuleViolationException(check.violations());
        }
        Deal next = unit.tx().deals().update(d.toBuilder().version(d.version() + 1).updated(unit.now())
                .pipeline(toPipeline.id()).stage(to.id()).stageEntered(unit.now())
                .closed(to.isClosed() ? Optional.of(unit.now()) : Optional.empty())
                .lossReason(to.isClosed() ? reason : Optional.empty()).build(), d.version());
        RecordRef ref = RecordRef.of(d.id());
        unit.change(ref, d.name(), EventKind.FIELD_CHANGED, "pipeline", fromPipeline.name(), toPipeline.name());
        unit.change(ref, d.name(), EventKind.STAGE_CHANGED, "stage", from.name(), to.name());
        if (from.isClosed() && !to.isClosed()) {
            unit.event(ref, d.name(), EventKind.REOPENED);
        }
        if (to.isClosed()) {
            unit.change(ref, d.name(), EventKind.CLOSED, "outcome", null, to.kind());
        }
        if (reason.isPresent()) {
            unit.change(ref, d.name(), EventKind.FIELD_CHANGED, "lossReason", d.lossReason().orElse(null),
                    unit.tx().settings().lossReasons().get(reason.get()).name());
        }
        return next;
    }

    private static void checkResponsible(Transaction tx, Violations v, UserId responsible) {
        Optional<User> user = tx.users().find(responsible);
        if (user.isEmpty()) {
            v.add("responsible", "deal.responsible.unknown", responsible);
        } else if (!user.get().active()) {
            v.add("responsible", "deal.responsible.inactive", user.get().name());
        }
    }

    private static String unknownStageCode(Transaction tx, StageId stage) {
        boolean elsewhere = tx.pipelines().all().stream().anyMatch(p -> p.stage(stage).isPresent());
        return elsewhere ? "deal.stage.foreign" : "deal.stage.unknown";
    }
}
