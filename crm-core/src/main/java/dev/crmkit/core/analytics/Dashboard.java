package dev.crmkit.core.analytics;

import java.util.List;
import java.util.Objects;

/**
 * Every widget of the dashboard for one period (AN-14), computed in one read: each pipeline's funnel, forecast and
 * summary, the new deals by source and manager, the calls, the managers' load and activity, and the tasks closed
 * by type. Only what the acting user may see, in the report currency.
 *
 * @param period the period
 * @param funnels one per pipeline, in the pipelines' order
 * @param forecasts one per pipeline, in the same order
 * @param summaries one per pipeline, in the same order
 * @param newDeals the new and won deals
 * @param calls the calls, every one counted
 * @param managers the managers' report
 * @param tasks the tasks closed by type
 */
public record Dashboard(ReportPeriod.Range period, List<FunnelReport> funnels, List<Forecast> forecasts,
                        List<SalesSummary> summaries, NewDealsReport newDeals, CallReport calls,
                        ManagerReport managers, TaskActivity tasks) {

    /** Copies the lists; rejects nulls. */
    public Dashboard {
        Objects.requireNonNull(period, "period");
        funnels = List.copyOf(funnels);
        forecasts = List.copyOf(forecasts);
        summaries = List.copyOf(summaries);
        Objects.requireNonNull(newDeals, "newDeals");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(managers, "managers");
        Objects.requireNonNull(tasks, "tasks");
    }
}
