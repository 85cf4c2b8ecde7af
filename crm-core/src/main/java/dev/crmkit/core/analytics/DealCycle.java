package dev.crmkit.core.analytics;

import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import java.util.Objects;
import java.util.Optional;

/**
 * How long deals take (AN-4): of the deals of a pipeline closed in a period, the mean and median days from their
 * creation (or from entering a chosen stage) to Won, and to Lost, exact (days are 86,400 seconds; for an even
 * count the median is the mean of the two middle lengths).
 *
 * @param pipeline the pipeline
 * @param period the period the deals closed in
 * @param start the stage whose entry starts a cycle, empty for the deal's creation
 * @param toWon the deals won
 * @param toLost the deals lost
 */
public record DealCycle(PipelineId pipeline, ReportPeriod.Range period, Optional<StageId> start, Lengths toWon,
                        Lengths toLost) {

    /** Rejects nulls. */
    public DealCycle {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(toWon, "toWon");
        Objects.requireNonNull(toLost, "toLost");
    }

    /**
     * The lengths of some closed deals.
     *
     * @param deals how many
     * @param meanDays their mean length in days; undefined ({@code an.no_deals}) without deals
     * @param medianDays their median length in days; undefined ({@code an.no_deals}) without deals
     */
    public record Lengths(long deals, Figure meanDays, Figure medianDays) {

        /** Rejects nulls. */
        public Lengths {
            Objects.requireNonNull(meanDays, "meanDays");
            Objects.requireNonNull(medianDays, "medianDays");
        }
    }
}
