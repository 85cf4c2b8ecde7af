package dev.crmkit.core.analytics;

import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * The sales summary of a pipeline over a period (AN-5): per manager (the deal's responsible user) the new, won and
 * lost deals, the won sum and its share of all won; per stage the deals in it now and their budget.
 *
 * @param pipeline the pipeline
 * @param period the period
 * @param managers one row per manager with a deal new, won or lost in the period, the largest won sum first
 *        (then by name)
 * @param stages every stage, in the pipeline's order
 * @param wonSum the won sum of all managers
 */
public record SalesSummary(PipelineId pipeline, ReportPeriod.Range period, List<ManagerRow> managers,
                           List<StageRow> stages, Sum wonSum) {

    /** Copies the lists; rejects nulls. */
    public SalesSummary {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(period, "period");
        managers = List.copyOf(managers);
        stages = List.copyOf(stages);
        Objects.requireNonNull(wonSum, "wonSum");
    }

    /**
     * The row of a manager.
     *
     * @param manager the user
     * @return the row
     * @throws IllegalArgumentException for a manager without one
     */
    public ManagerRow manager(UserId manager) {
        return Rows.find(managers, ManagerRow::manager, manager);
    }

    /**
     * One manager.
     *
     * @param manager the user
     * @param name the user's name
     * @param newDeals the deals new in the period
     * @param won the deals won in the period
     * @param lost the deals lost in the period
     * @param wonSum the budgets of the deals won
     * @param sharePercent the won sum's share of all managers' won sum, in percent; undefined ({@code an.none_won})
     *        when nothing was won
     */
    public record ManagerRow(UserId manager, String name, long newDeals, long won, long lost, Sum wonSum,
                             Figure sharePercent) {

        /** Rejects nulls. */
        public ManagerRow {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(wonSum, "wonSum");
            Objects.requireNonNull(sharePercent, "sharePercent");
        }
    }

    /**
     * One stage.
     *
     * @param stage the stage
     * @param deals the deals in it now
     * @param budget their budgets
     */
    public record StageRow(Stage stage, long deals, Sum budget) {

        /** Rejects nulls. */
        public StageRow {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(budget, "budget");
        }
    }
}
