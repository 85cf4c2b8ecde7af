package dev.crmkit.core.analytics;

import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import java.util.List;
import java.util.Objects;

/**
 * The forecast of a pipeline (AN-3, with DEAL-2's stage probabilities): the open deals now, their budgets and
 * their weighted budgets (budget × the stage's probability), and of them the deals expected to close within the
 * period's days. Sums are exact, in the report currency (AN-13).
 *
 * @param pipeline the pipeline
 * @param period the period whose days the expected close dates are compared with
 * @param stages every open stage, in the pipeline's order
 * @param open the open deals
 * @param openSum their budgets
 * @param weighted their weighted budgets
 * @param expected the open deals expected to close in the period
 * @param expectedSum their budgets
 * @param expectedWeighted their weighted budgets
 */
public record Forecast(PipelineId pipeline, ReportPeriod.Range period, List<StageRow> stages, long open, Sum openSum,
                       Sum weighted, long expected, Sum expectedSum, Sum expectedWeighted) {

    /** Copies the stages; rejects nulls. */
    public Forecast {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(period, "period");
        stages = List.copyOf(stages);
        Objects.requireNonNull(openSum, "openSum");
        Objects.requireNonNull(weighted, "weighted");
        Objects.requireNonNull(expectedSum, "expectedSum");
        Objects.requireNonNull(expectedWeighted, "expectedWeighted");
    }

    /**
     * One open stage.
     *
     * @param stage the stage, with its probability
     * @param open the deals in it
     * @param openSum their budgets
     * @param weighted their budgets times the probability
     * @param expected those expected to close in the period
     * @param expectedSum their budgets
     * @param expectedWeighted their budgets times the probability
     */
    public record StageRow(Stage stage, long open, Sum openSum, Sum weighted, long expected, Sum expectedSum,
                           Sum expectedWeighted) {

        /** Rejects nulls. */
        public StageRow {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(openSum, "openSum");
            Objects.requireNonNull(weighted, "weighted");
            Objects.requireNonNull(expectedSum, "expectedSum");
            Objects.requireNonNull(expectedWeighted, "expectedWeighted");
        }
    }
}
