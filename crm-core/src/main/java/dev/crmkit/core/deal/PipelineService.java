package dev.crmkit.core.deal;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineBuilder;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.money.Percent;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pipelines and their stages (DEAL-2): ordered and re-orderable; each ends with Won and Lost; every
 * stage has a probability. Everyone reads them; only admins change them, within the policy's limits.
 * Obtained from {@code CrmSession}; thread-safe.
 */
public final class PipelineService {

    private static final String PIPELINES_LOCK = "crmkit:pipelines";

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public PipelineService(Context context) {
        this.context = context;
    }

    /**
     * Creates a pipeline after the existing ones (admins only).
     *
     * @param form the pipeline
     * @return the stored pipeline
     * @throws ValidationException listing every problem: blank names, probabilities outside 0–100,
     *         duplicate stage names, no open stage
     * @throws RuleViolationException {@code pipeline.limit} or {@code pipeline.stages.limit}
     */
    public Pipeline create(NewPipeline form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            unit.requireAdmin("create pipelines");
            unit.tx().lock(List.of(PIPELINES_LOCK));
            Violations v = new Violations();
            String name = Text.normalize(form.name());
            if (Text.isBlank(name)) {
                v.add("name", "pipeline.name.blank");
            }
            v.text("name", name, Limits.NAME, false);
            if (form.stages().isEmpty()) {
                v.add("stages", "pipeline.stages.none");
            }
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < form.stages().size(); i++) {
                NewPipeline.StageSpec s = form.stages().get(i);
                Stage stage = stage(v, "stages[" + i + "]", s.name(), StageKind.OPEN, s.probability());
                if (stage != null) {
                    stages.add(stage);
                }
            }
            Stage won = stage(v, "won", form.wonName(), StageKind.WON, 100);
            Stage lost = stage(v, "lost", form.lostName(), StageKind.LOST, 0);
            v.throwIfAny();
            stages.add(won);
            stages.add(lost);
            v.parse("stages", () -> {
                Stage.checkOrder(stages);
                return null;
            });
            v.throwIfAny();
            List<Pipeline> existing = unit.tx().pipelines().all();
            checkLimits(existing.size() + 1, stages.size());
            int position = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).position() + 1;
            return unit.insert(unit.tx().pipelines(), Pipeline.builder().id(new PipelineId(unit.nextId()))
                    .created(unit.now()).updated(unit.now()).name(name).position(position)
                    .stages(stages).build());
        });
    }

    /**
     * Renames a pipeline (admins only).
     *
     * @param id the pipeline
     * @param name the new name
     * @return the stored pipeline
     */
    public Pipeline rename(PipelineId id, String name) {
        Objects.requireNonNull(name, "name");
        String normalized = Text.normalize(name);
        Violations v = new Violations();
        if (Text.isBlank(normalized)) {
            v.add("name", "pipeline.name.blank");
        }
        v.text("name", normalized, Limits.NAME, false).throwIfAny();
        return change(id, "rename pipelines", p -> p.toBuilder().name(normalized));
    }

    /**
     * Puts the pipelines in a new order (admins only).
     *
     * @param order every pipeline's id in the new order
     * @return the pipelines in their new order
     * @throws ValidationException {@code pipeline.order.incomplete} when the ids are not exactly the pipelines
     */
    public List<Pipeline> reorder(List<PipelineId> order) {
        Objects.requireNonNull(order, "order");
        order.forEach(o -> Objects.requireNonNull(o, "order[]"));
        return context.write(unit -> {
            unit.requireAdmin("reorder pipelines");
            unit.tx().lock(List.of(PIPELINES_LOCK));
            List<Pipeline> all = unit.tx().pipelines().all();
            if (order.size() != all.size() || !new HashSet<>(order).equals(
                    all.stream().map(Pipeline::id).collect(Collectors.toSet()))) {
                new Violations().add("order", "pipeline.order.incomplete").throwIfAny();
            }
            List<Pipeline> result = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                Pipeline p = unit.tx().pipelines().get(order.get(i));
                result.add(unit.update(unit.tx().pipelines(), p, p.toBuilder().position(i).build()));
            }
            return result;
        });
    }

    /**
     * Adds an open stage before Won (admins only).
     *
     * @param id the pipeline
     * @param name the stage's name, unique in the pipeline
     * @param probability its probability, 0 to 100
     * @return the stored pipeline
     */
    public Pipeline addStage(PipelineId id, String name, int probability) {
        Objects.requireNonNull(name, "name");
        return change(id, "change stages", p -> {
            Violations v = new Violations();
            Stage stage = stage(v, "stage", name, StageKind.OPEN, probability);
            v.throwIfAny();
            List<Stage> stages = new ArrayList<>(p.stages());
            stages.add(stages.size() - 2, stage);
            checkLimits(1, stages.size());
            return p.toBuilder().stages(stages);
        });
    }

    /**
     * Renames a stage (admins only).
     *
     * @param id the pipeline
     * @param stageId the stage
     * @param name the new name
     * @return the stored pipeline
     */
    public Pipeline renameStage(PipelineId id, StageId stageId, String name) {
        Objects.requireNonNull(stageId, "stageId");
        Objects.requireNonNull(name, "name");
        return change(id, "change stages", p -> {
            Stage old = stageOf(p, stageId);
            Violations v = new Violations();
            Stage renamed = stage(v, "name", name, old.kind(), 0);
            v.throwIfAny();
            return p.toBuilder().stages(replace(p, new Stage(old.id(), renamed.name(), old.kind(), old.probability())));
        });
    }

    /**
     * Sets a stage's success probability (admins only).
     *
     * @param id the pipeline
     * @param stageId the stage
     * @param probability 0 to 100
     * @return the stored pipeline
     */
    public Pipeline setProbability(PipelineId id, StageId stageId, int probability) {
        Objects.requireNonNull(stageId, "stageId");
        return change(id, "change stages", p -> {
            Stage old = stageOf(p, stageId);
            Violations v = new Violations();
            Percent percent = v.parse("probability", () -> Percent.of(probability));
            v.throwIfAny();
            return p.toBuilder().stages(replace(p, new Stage(old.id(), old.name(), old.kind(), percent)));
        });
    }

    /**
     * Puts the open stages in a new order; Won and Lost stay last (admins only).
     *
     * @param id the pipeline
     * @param openStages every open stage's id in the new order
     * @return the stored pipeline
     * @throws ValidationException {@code pipeline.order.incomplete} when the ids are not exactly the open stages
     */
    public Pipeline reorderStages(PipelineId id, List<StageId> openStages) {
        Objects.requireNonNull(openStages, "openStages");
        openStages.forEach(s -> Objects.requireNonNull(s, "openStages[]"));
        return change(id, "change stages", p -> {
            List<Stage> open = p.stages().subList(0, p.stages().size() - 2);
            if (openStages.size() != open.size() || !new HashSet<>(openStages).equals(
                    open.stream().map(Stage::id).collect(Collectors.toSet()))) {
                new Violations().add("order", "pipeline.order.incomplete").throwIfAny();
            }
            List<Stage> stages = new ArrayList<>();
            for (StageId s : openStages) {
                stages.add(stageOf(p, s));
            }
            stages.add(p.wonStage());
            stages.add(p.lostStage());
            return p.toBuilder().stages(stages);
        });
    }

    /**
     * Deletes an open stage (admins only). Deals at that stage move to {@code target} in the same
     * transaction; a stage holding deals cannot be deleted without one.
     *
     * @param id the pipeline
     * @param stageId the stage to delete
     * @param target where its deals go: another open stage of the same pipeline
     * @return the stored pipeline
     * @throws RuleViolationException {@code pipeline.stage.closing} (Won and Lost stay),
     *         {@code pipeline.stage.last_open}, {@code pipeline.stage.target_required},
     *         {@code pipeline.stage.target_invalid}
     */
    public Pipeline deleteStage(PipelineId id, StageId stageId, Optional<StageId> target) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stageId, "stageId");
        Objects.requireNonNull(target, "target");
        return context.write(unit -> {
            unit.requireAdmin("change stages");
            Pipeline p = unit.tx().pipelines().get(id);
            Stage doomed = stageOf(p, stageId);
            Violations v = new Violations();
            if (doomed.isClosed()) {
                v.add("stage", "pipeline.stage.closing", doomed.name());
            } else if (p.stages().size() == 3) {
                v.add("stage", "pipeline.stage.last_open", doomed.name());
            }
            v.throwRuleIfAny();
            List<Deal> deals = Pages.all(unit.tx().deals(), Filter.and(DealFields.PIPELINE.eq(id),
                    DealFields.STAGE.eq(stageId)));
            Stage to = null;
            if (target.isPresent()) {
                to = p.stage(target.get()).filter(s -> !s.isClosed() && !s.id().equals(stageId)).orElse(null);
                if (to == null) {
                    v.add("target", "pipeline.stage.target_invalid", doomed.name());
                }
            } else if (!deals.isEmpty()) {
                v.add("target", "pipeline.stage.target_required", doomed.name(), deals.size());
            }
            v.throwRuleIfAny();
            for (Deal d : deals) {
                Deal moved = unit.update(unit.tx().deals(), d, d.toBuilder().stage(to.id()).stageEntered(unit.now())
                        .build());
                Transitions.record(unit, d, moved);
            }
            List<Stage> stages = p.stages().stream().filter(s -> !s.id().equals(stageId)).collect(Collectors.toList());
            // What the stage required goes with it: requiring it of the next stage would be a rule no one set.
            List<StageRequirement> requirements = p.requirements().stream().filter(r -> !r.from().equals(stageId))
                    .collect(Collectors.toList());
            return unit.update(unit.tx().pipelines(), p, p.toBuilder().stages(stages).requirements(requirements)
                    .build());
        });
    }

    /**
     * Requires a field of every deal from a stage of the pipeline on (DEAL-4; admins only): moving a deal there
     * without it is refused, naming every missing field. Requiring what is required already changes nothing.
     *
     * @param id the pipeline
     * @param requirement the field and the stage it is required from
     * @return the stored pipeline
     * @throws RuleViolationException {@code deal.stage.unknown} for a stage of another pipeline, and
     *         {@code pipeline.requirement.field} for a custom field that is not a deal field of this pipeline
     */
    public Pipeline require(PipelineId id, StageRequirement requirement) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requirement, "requirement");
        return context.write(unit -> {
            unit.requireAdmin("change stage requirements");
            Pipeline p = unit.tx().pipelines().get(id);
            stageOf(p, requirement.from());
            if (requirement.customField().isPresent()) {
                CustomField field = unit.tx().customFields().find(requirement.customField().get()).orElse(null);
                if (field == null || field.entity() != EntityType.DEAL || !field.appliesTo(id)) {
                    throw RuleViolationException.of(CoreMessages.violation("requirement", "pipeline.requirement.field",
                            requirement.customField().get(), p.name()));
                }
            }
            if (p.requirements().contains(requirement)) {
                return p;
            }
            List<StageRequirement> all = new ArrayList<>(p.requirements());
            all.add(requirement);
            return unit.update(unit.tx().pipelines(), p, p.toBuilder().requirements(all).build());
        });
    }

    /**
     * Lifts a requirement (admins only); lifting one that is not there changes nothing.
     *
     * @param id the pipeline
     * @param requirement the requirement
     * @return the stored pipeline
     */
    public Pipeline unrequire(PipelineId id, StageRequirement requirement) {
        Objects.requireNonNull(requirement, "requirement");
        return change(id, "change stage requirements", p -> p.toBuilder().requirements(
                p.requirements().stream().filter(r -> !r.equals(requirement)).collect(Collectors.toList())));
    }

    /**
     * Every pipeline, in order.
     *
     * @return the pipelines
     */
    public List<Pipeline> list() {
        return context.read(unit -> unit.tx().pipelines().all());
    }

    /**
     * A pipeline.
     *
     * @param id the pipeline
     * @return the pipeline
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public Pipeline get(PipelineId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().pipelines().get(id));
    }

    private Pipeline change(PipelineId id, String action, Function<Pipeline, PipelineBuilder> how) {
        Objects.requireNonNull(id, "id");
        return context.write(unit -> {
            unit.requireAdmin(action);
            Pipeline current = unit.tx().pipelines().get(id);
            return unit.update(unit.tx().pipelines(), current, how.apply(current).build());
        });
    }

    private void checkLimits(int pipelines, int stages) {
        Violations v = new Violations();
        if (pipelines > context.policy().maxPipelines()) {
            v.add("", "pipeline.limit", context.policy().maxPipelines());
        }
        if (stages > context.policy().maxStagesPerPipeline()) {
            v.add("stages", "pipeline.stages.limit", context.policy().maxStagesPerPipeline());
        }
        v.throwRuleIfAny();
    }

    private Stage stage(Violations v, String path, String name, StageKind kind, int probability) {
        int before = v.list().size();
        if (Text.isBlank(name)) {
            v.addAll(List.of(Violation.of(path + ".name", "stage.name.blank")));
        }
        Percent percent = v.parse(path + ".probability", () -> Percent.of(BigDecimal.valueOf(probability)));
        if (v.list().size() > before) {
            return null;
        }
        return v.parse(path, () -> new Stage(new StageId(context.engine().ids().next()), Text.normalize(name), kind,
                percent));
    }

    private static Stage stageOf(Pipeline p, StageId id) {
        return p.stage(id).orElseThrow(() -> RuleViolationException.of(
                CoreMessages.violation("stage", "deal.stage.unknown", id, p.name())));
    }

    private static List<Stage> replace(Pipeline p, Stage changed) {
        return p.stages().stream().map(s -> s.id().equals(changed.id()) ? changed : s).collect(Collectors.toList());
    }
}
