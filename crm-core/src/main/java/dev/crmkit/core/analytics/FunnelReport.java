package dev.crmkit.core.analytics;

import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import java.util.List;
import java.util.Objects;

/**
 * The funnel of a pipeline over a period (AN-2), from the stage-transition log: per stage the deals in it now,
 * those that entered it, moved on and were lost there in the period, and how many of those that reached a stage
 * reached the next; for the pipeline the new deals, the deals won and their sum, and the overall conversion (won
 * out of those that reached the first stage). A deal that skips a stage passes through it. Sums are in the report
 * currency (AN-13). Counts are of distinct deals the acting user may see.
 *
 * @param pipeline the pipeline
 * @param period the period
 * @param stages every stage, in the pipeline's order
 * @param newDeals the deals created (or backfilled as created) in the pipeline in the period
 * @param won the deals won in the period
 * @param wonSum their budgets when they were won
 * @param conversionPercent won out of those that reached the first stage, in percent
 */
public record FunnelReport(PipelineId pipeline, ReportPeriod.Range period, List<StageRow> stages, long newDeals,
                           long won, Sum wonSum, Figure conversionPercent) {

    /** Copies the stages; rejects nulls. */
    public FunnelReport {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(period, "period");
        stages = List.copyOf(stages);
        Objects.requireNonNull(wonSum, "wonSum");
        Objects.requireNonNull(conversionPercent, "conversionPercent");
    }

    /**
     * The row of a stage.
     *
     * @param stage the stage id
     * @return its row
     * @throws IllegalArgumentException for a stage the pipeline does not have
     */
    public StageRow stage(dev.crmkit.api.deal.StageId stage) {
        return Rows.find(stages, r -> r.stage().id(), stage);
    }

    /**
     * One stage of the funnel.
     *
     * @param stage the stage
     * @param nowCount the deals in it now
     * @param nowSum their budgets
     * @param entered the deals that entered it in the period
     * @param movedOn the deals that left it for a later stage or Won in the period
     * @param lostHere the deals lost from it in the period
     * @param reached the deals that reached it or a later stage in the period (for Won the deals won, for Lost
     *        those lost)
     * @param conversionPercent of those that reached an open stage, the share that reached the next one (the
     *        last open stage's next is Won), in percent; undefined for Won and Lost ({@code an.closed_stage}) and
     *        when none reached the stage ({@code an.none_reached})
     */
    public record StageRow(Stage stage, long nowCount, Sum nowSum, long entered, long movedOn, long lostHere,
                           long reached, Figure conversionPercent) {

        /** Rejects nulls. */
        public StageRow {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(nowSum, "nowSum");
            Objects.requireNonNull(conversionPercent, "conversionPercent");
        }
    }
}
