package dev.crmkit.api.deal;

import dev.crmkit.api.Entity;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the append-only log of stage changes (issue 14's basis for funnels and cycles, AN-2, AN-4): a
 * deal entering a stage, from the stage it left (none when it was created), when and by whom, with the budget
 * it had at that moment. Written in the same transaction as the change; never changed afterwards (its version
 * stays 1). A backfilled entry records a change made before the deal was stored here (an import of an existing
 * pipeline). Build one with {@link #builder()}.
 *
 * @param id the entry's id
 * @param version always 1
 * @param created when the entry was written
 * @param updated the same as created
 * @param deal the deal
 * @param pipeline the pipeline of the stage entered
 * @param from the stage left, empty when the deal was created at {@code to}
 * @param fromPipeline the pipeline of the stage left, when the deal changed pipeline
 * @param to the stage entered
 * @param at when the deal entered it
 * @param by who moved it; empty for a backfilled entry whose author is not known
 * @param budget the deal's budget at that moment
 * @param backfilled whether the change happened before it was recorded (an import)
 */
@WithBuilder
public record StageTransition(StageTransitionId id, long version, Instant created, Instant updated, DealId deal,
                              PipelineId pipeline, Optional<StageId> from, Optional<PipelineId> fromPipeline,
                              StageId to, Instant at, Optional<UserId> by, Optional<Budget> budget,
                              boolean backfilled) implements Entity<StageTransitionId>, StageTransitionBuilder.ToBuilder {

    /** Checks the invariants. */
    public StageTransition {
        Checks.present("id, created, updated, deal, pipeline, from, fromPipeline, to, at, by, budget", id, created,
                updated, deal, pipeline, from, fromPipeline, to, at, by, budget);
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static StageTransitionBuilder builder() {
        return new StageTransitionBuilder();
    }
}
