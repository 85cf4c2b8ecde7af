package dev.crmkit.api.deal;

import dev.crmkit.api.Entity;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of stages a deal moves through (DEAL-2). Its stages always end with exactly one Won and
 * one Lost stage, in that order; stage ids and names are unique within the pipeline. Pipelines are ordered
 * among themselves by {@code position}. Build one with {@link #builder()}.
 *
 * @param id the pipeline's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the pipeline was created
 * @param updated when it last changed
 * @param name the pipeline's name, never blank
 * @param position the pipeline's place among all pipelines, from 0
 * @param stages the stages in order, ending with Won and Lost
 * @param requirements the fields deals must have from a stage on (DEAL-4), each once, each from one of the
 *        pipeline's stages
 */
@WithBuilder
public record Pipeline(PipelineId id, long version, Instant created, Instant updated, String name, int position,
                       List<Stage> stages, List<StageRequirement> requirements) implements Entity<PipelineId>, PipelineBuilder.ToBuilder {

    /** Checks the invariants and copies the stages. */
    public Pipeline {
        Checks.present("id, created, updated", id, created, updated);
        Checks.notBlank(name, "name");
        stages = List.copyOf(stages);
        Stage.checkOrder(stages);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        if (requirements.stream().distinct().count() != requirements.size()) {
            throw new IllegalArgumentException("each requirement is listed once: " + requirements);
        }
        List<Stage> own = stages;
        for (StageRequirement r : requirements) {
            if (own.stream().noneMatch(st -> st.id().equals(r.from()))) {
                throw new IllegalArgumentException("a requirement from a stage of another pipeline: " + r);
            }
        }
        Checks.version(version);
    }

    /**
     * The requirements in force at a stage of this pipeline (DEAL-4): those from that stage, and for an open
     * stage or Won those from every open stage before it.
     *
     * @param stageId a stage of this pipeline
     * @return the requirements, in the order listed
     */
    public List<StageRequirement> requiredAt(StageId stageId) {
        int at = indexOf(stageId);
        Stage target = stages.get(at);
        List<StageRequirement> result = new java.util.ArrayList<>();
        for (StageRequirement r : requirements) {
            int from = indexOf(r.from());
            boolean fromOpen = !stages.get(from).isClosed();
            if (from == at || (fromOpen && target.kind() != StageKind.LOST && from < at)) {
                result.add(r);
            }
        }
        return result;
    }

    private int indexOf(StageId stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a stage of the pipeline " + name + ": " + stageId);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static PipelineBuilder builder() {
        return new PipelineBuilder();
    }

    /**
     * Finds a stage of this pipeline.
     *
     * @param stageId the stage to look for
     * @return the stage, or empty when it is not one of this pipeline's
     */
    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /**
     * The first open stage, where new deals start unless told otherwise.
     *
     * @return the first stage
     */
    public Stage firstStage() {
        return stages.get(0);
    }

    /**
     * The Won stage.
     *
     * @return the stage of kind {@link StageKind#WON}
     */
    public Stage wonStage() {
        return stages.get(stages.size() - 2);
    }

    /**
     * The Lost stage.
     *
     * @return the stage of kind {@link StageKind#LOST}
     */
    public Stage lostStage() {
        return stages.get(stages.size() - 1);
    }
}
