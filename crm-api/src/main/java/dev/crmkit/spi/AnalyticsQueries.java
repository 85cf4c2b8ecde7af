package dev.crmkit.spi;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An optional capability of a storage adapter (AN-2 to AN-5, AN-3): the facts behind the funnel, cycle, summary
 * and forecast reports, computed where the data lives (SQL over the stage-transition table, say) instead of by
 * crm-core reading every deal through the ports. A transaction offers it through {@link Transaction#analytics()};
 * crm-core has a portable implementation over the ports for adapters that do not, and the TCK checks that an
 * adapter's answers are identical to the portable ones on the same data.
 *
 * <p>Every method takes the same two selections:
 * <ul>
 *   <li><b>D</b>, the deals: those matching {@code deals} as they are stored now (the filter already names the
 *       pipeline and the acting user's visibility). A deal that no longer matches, or was deleted, takes its
 *       history with it.</li>
 *   <li><b>T</b>, the transitions: the stage transitions of the deals in D whose {@link
 *       dev.crmkit.api.deal.StageTransition#pipeline() pipeline} is the given one and whose {@code at} lies in
 *       {@code [from, to)}.</li>
 * </ul>
 * A stage's place is its index in {@link Pipeline#stages()}; a transition <i>moves a deal on</i> from an open
 * stage when it leaves it (within the pipeline) for a later open stage or for a won stage, and <i>loses</i> it
 * there when it leaves it for a lost stage. Sums are exact, per currency, of the budget amount as entered
 * (whatever its {@link dev.crmkit.api.money.BudgetType}); a deal without a budget is counted and adds nothing.
 * Counts are of distinct deals. Decimals are kept without trailing zeros, so that equal facts are equal records
 * whatever scale an adapter computed them at. Implementations must be safe to call from the transaction's thread only, like
 * every port.
 */
public interface AnalyticsQueries {

    /**
     * The funnel's facts (AN-2).
     *
     * @param pipeline the pipeline
     * @param deals which deals (D)
     * @param from the start of the period, inclusive
     * @param to its end, exclusive
     * @return per stage of the pipeline, in its order, and the pipeline's totals
     */
    FunnelFacts funnel(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to);

    /**
     * The lengths of the deals closed in a period (AN-4): for each deal of D with a transition in T to a won (or
     * lost) stage, from its start to the last such transition in T. The start is its earliest transition into
     * {@code start} in the pipeline, or, without {@code start}, its earliest transition in the pipeline at all
     * (its creation, backfilled or not); it must not be later than the close, or the deal is left out.
     *
     * @param pipeline the pipeline
     * @param deals which deals (D)
     * @param from the start of the period, inclusive
     * @param to its end, exclusive
     * @param start the stage whose entry starts the cycle, or empty for the deal's entry into the pipeline
     * @return the durations to won and to lost
     */
    CycleFacts cycle(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to, Optional<StageId> start);

    /**
     * The summary's facts (AN-5): per responsible user (as stored now) of the deals in D, and per stage.
     *
     * @param pipeline the pipeline
     * @param deals which deals (D)
     * @param from the start of the period, inclusive
     * @param to its end, exclusive
     * @return per manager, in no particular order, and per stage of the pipeline, in its order
     */
    SummaryFacts summary(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to);

    /**
     * The forecast's facts (AN-3): the deals of D in each open stage now, and those of them expected to close
     * between two dates.
     *
     * @param pipeline the pipeline
     * @param deals which deals (D)
     * @param closeFrom the first expected-close date, inclusive
     * @param closeTo the last, inclusive
     * @return per open stage, in the pipeline's order
     */
    ForecastFacts forecast(Pipeline pipeline, Filter<Deal> deals, LocalDate closeFrom, LocalDate closeTo);

    /**
     * How many deals are in a stage, and their budgets.
     *
     * @param stage the stage
     * @param count how many deals
     * @param sum their budgets, per currency
     */
    record StageAmounts(StageId stage, long count, Map<Currency, BigDecimal> sum) {

        /** Copies the sums; rejects nulls and a negative count. */
        public StageAmounts {
            Objects.requireNonNull(stage, "stage");
            sum = normalized(sum);
            requireCount(count);
        }
    }

    /**
     * One stage of a funnel.
     *
     * @param now the deals of D in the stage now
     * @param entered the deals of T's transitions into the stage
     * @param movedOn the deals T moved on from the stage
     * @param lostHere the deals T lost from the stage
     * @param reached the deals of T's transitions into this stage or a later one (open or won); for a won stage
     *        the deals won, for a lost stage the deals lost
     */
    record FunnelStage(StageAmounts now, long entered, long movedOn, long lostHere, long reached) {

        /** Rejects nulls and negative counts. */
        public FunnelStage {
            Objects.requireNonNull(now, "now");
            requireCount(entered);
            requireCount(movedOn);
            requireCount(lostHere);
            requireCount(reached);
        }
    }

    /**
     * A funnel's facts.
     *
     * @param stages every stage of the pipeline, in its order
     * @param newDeals the deals of D whose earliest creation entry in the pipeline (a transition from no stage)
     *        lies in the period
     * @param won the deals of T's transitions into a won stage
     * @param wonSum their budgets at their last such transition in T, per currency
     */
    record FunnelFacts(List<FunnelStage> stages, long newDeals, long won, Map<Currency, BigDecimal> wonSum) {

        /** Copies the lists; rejects nulls and negative counts. */
        public FunnelFacts {
            stages = List.copyOf(stages);
            wonSum = normalized(wonSum);
            requireCount(newDeals);
            requireCount(won);
        }
    }

    /**
     * Durations of closed deals, in seconds.
     *
     * @param count how many deals
     * @param totalSeconds the sum of their durations
     * @param medianSeconds the median duration (for an even count, the mean of the two middle ones), empty when
     *        there are none
     */
    record Durations(long count, BigDecimal totalSeconds, Optional<BigDecimal> medianSeconds) {

        /** Rejects nulls, a negative count and a median without durations. */
        public Durations {
            requireCount(count);
            totalSeconds = totalSeconds.stripTrailingZeros();
            medianSeconds = medianSeconds.map(BigDecimal::stripTrailingZeros);
            if (medianSeconds.isPresent() != (count > 0)) {
                throw new IllegalArgumentException("a median exactly when there are durations");
            }
        }
    }

    /**
     * A cycle's facts.
     *
     * @param won the deals won
     * @param lost the deals lost
     */
    record CycleFacts(Durations won, Durations lost) {

        /** Rejects nulls. */
        public CycleFacts {
            Objects.requireNonNull(won, "won");
            Objects.requireNonNull(lost, "lost");
        }
    }

    /**
     * One manager's deals.
     *
     * @param manager the responsible user
     * @param newDeals the deals new in the period (as in {@link FunnelFacts#newDeals()})
     * @param won the deals won in the period
     * @param lost the deals lost in the period
     * @param wonSum the budgets of the deals won, per currency
     */
    record ManagerFacts(UserId manager, long newDeals, long won, long lost, Map<Currency, BigDecimal> wonSum) {

        /** Copies the sums; rejects nulls and negative counts. */
        public ManagerFacts {
            Objects.requireNonNull(manager, "manager");
            wonSum = normalized(wonSum);
            requireCount(newDeals);
            requireCount(won);
            requireCount(lost);
        }
    }

    /**
     * A summary's facts.
     *
     * @param managers one entry per responsible user with a deal new, won or lost in the period
     * @param stages every stage of the pipeline, in its order, with the deals of D in it now
     */
    record SummaryFacts(List<ManagerFacts> managers, List<StageAmounts> stages) {

        /** Copies the lists. */
        public SummaryFacts {
            managers = List.copyOf(managers);
            stages = List.copyOf(stages);
        }
    }

    /**
     * A forecast's facts.
     *
     * @param open every open stage, in the pipeline's order, with the deals of D in it now
     * @param expected the same stages with only the deals expected to close in the dates asked
     */
    record ForecastFacts(List<StageAmounts> open, List<StageAmounts> expected) {

        /** Copies the lists. */
        public ForecastFacts {
            open = List.copyOf(open);
            expected = List.copyOf(expected);
        }
    }

    private static Map<Currency, BigDecimal> normalized(Map<Currency, BigDecimal> sums) {
        Map<Currency, BigDecimal> copy = new java.util.HashMap<>();
        sums.forEach((currency, sum) -> copy.put(Objects.requireNonNull(currency, "currency"), sum.stripTrailingZeros()));
        return Map.copyOf(copy);
    }

    private static void requireCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative, was " + count);
        }
    }
}
