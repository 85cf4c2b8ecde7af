package dev.crmkit.core.analytics;

import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * New and won deals of a period over every pipeline (AN-9): the new deals by source, the largest first, and by
 * manager, and the deals won. Sums are in the report currency (AN-13).
 *
 * @param period the period
 * @param bySource the new deals per source (empty for deals without one), the most first, then by source
 * @param byManager the new deals per responsible user, the most first, then by name
 * @param newDeals every new deal
 * @param newSum their budgets
 * @param won the deals won in the period
 * @param wonSum their budgets when won
 */
public record NewDealsReport(ReportPeriod.Range period, List<SourceRow> bySource, List<ManagerRow> byManager,
                             long newDeals, Sum newSum, long won, Sum wonSum) {

    /** Copies the rows; rejects nulls. */
    public NewDealsReport {
        Objects.requireNonNull(period, "period");
        bySource = List.copyOf(bySource);
        byManager = List.copyOf(byManager);
        Objects.requireNonNull(newSum, "newSum");
        Objects.requireNonNull(wonSum, "wonSum");
    }

    /**
     * New deals from one source.
     *
     * @param source the source, empty for deals without one
     * @param deals how many
     * @param sum their budgets
     */
    public record SourceRow(Optional<LeadSource> source, long deals, Sum sum) {

        /** Rejects nulls. */
        public SourceRow {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sum, "sum");
        }
    }

    /**
     * New deals of one manager.
     *
     * @param manager the responsible user
     * @param name the user's name
     * @param deals how many
     * @param sum their budgets
     */
    public record ManagerRow(UserId manager, String name, long deals, Sum sum) {

        /** Rejects nulls. */
        public ManagerRow {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sum, "sum");
        }
    }
}
