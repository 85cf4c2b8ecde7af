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
 */
@WithBuilder
public record Pipeline(PipelineId id, long version, Instant created, Instant updated, String name, int position,
                       List<Stage> stages) implements Entity<PipelineId>, PipelineBuilder.ToBuilder {

    /** Checks the invariants and copies the stages. */
    public Pipeline {
        Checks.present("id, created, updated", id, created, updated);
        Checks.notBlank(name, "name");
        stages = List.copyOf(stages);
        Stage.checkOrder(stages);
        Checks.version(version);
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
