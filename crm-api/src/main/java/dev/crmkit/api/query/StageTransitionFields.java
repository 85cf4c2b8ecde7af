package dev.crmkit.api.query;

import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransition;
import java.time.Instant;
import java.util.List;

/** The fields of a {@link StageTransition} that filters and sorts may name (the reads behind AN-2 to AN-5). */
public final class StageTransitionFields {

    /** The deal that changed stage. */
    public static final Field<StageTransition, DealId> DEAL = Field.of("deal", DealId.class, StageTransition::deal);
    /** The pipeline of the stage entered. */
    public static final Field<StageTransition, PipelineId> PIPELINE =
            Field.of("pipeline", PipelineId.class, StageTransition::pipeline);
    /** The stage entered. */
    public static final Field<StageTransition, StageId> TO = Field.of("to", StageId.class, StageTransition::to);
    /** When the deal entered it. */
    public static final Field<StageTransition, Instant> AT = Field.of("at", Instant.class, StageTransition::at);

    /** Every field above: the only ones a query of {@code StageTransition} may filter and sort by, in every adapter. */
    public static final List<Field<StageTransition, ?>> ALL = List.of(DEAL, PIPELINE, TO, AT);

    private StageTransitionFields() {
    }
}
