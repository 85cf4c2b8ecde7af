package dev.crmkit.core.analytics;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.StageTransitionFields;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Pages;
import dev.crmkit.spi.AnalyticsQueries;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The reference implementation of {@link AnalyticsQueries} over the ports of a transaction: it reads the deals of
 * the selection and the transitions of the period and counts in memory, so it answers on every adapter, and an
 * adapter's own implementation is checked against it (the TCK). It reads what the transaction it is given sees:
 * pass the raw transaction and let the deal filter carry the visibility. Not thread-safe, like a transaction.
 */
public final class PortableAnalytics implements AnalyticsQueries {

    private final Transaction tx;

    private PortableAnalytics(Transaction tx) {
        this.tx = tx;
    }

    /**
     * The portable facts over a transaction's ports.
     *
     * @param tx the transaction
     * @return the implementation
     */
    public static PortableAnalytics over(Transaction tx) {
        return new PortableAnalytics(Objects.requireNonNull(tx, "tx"));
    }

    @Override
    public FunnelFacts funnel(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Selection s = select(pipeline, deals, from, to);
        List<FunnelStage> stages = new ArrayList<>();
        List<Stage> all = pipeline.stages();
        for (int i = 0; i < all.size(); i++) {
            Stage stage = all.get(i);
            int place = i;
            long entered = s.dealsWith(t -> t.to().equals(stage.id()));
            long movedOn = s.dealsWith(t -> t.from().equals(Optional.of(stage.id())) && t.fromPipeline().isEmpty()
                    && stage.kind() == StageKind.OPEN && s.later(place, t.to()));
            long lost = s.dealsWith(t -> t.from().equals(Optional.of(stage.id())) && t.fromPipeline().isEmpty()
                    && stage.kind() == StageKind.OPEN && s.kind(t.to()) == StageKind.LOST);
            long reached = switch (stage.kind()) {
                case OPEN -> s.dealsWith(t -> s.kind(t.to()) == StageKind.WON
                        || s.kind(t.to()) == StageKind.OPEN && s.place(t.to()) >= place);
                case WON -> s.dealsWith(t -> s.kind(t.to()) == StageKind.WON);
                case LOST -> s.dealsWith(t -> s.kind(t.to()) == StageKind.LOST);
            };
            stages.add(new FunnelStage(s.now(stage.id()), entered, movedOn, lost, reached));
        }
        Map<DealId, StageTransition> won = s.lastInto(StageKind.WON);
        return new FunnelFacts(stages, s.newDeals().size(), won.size(), sum(won.values().stream()
                .map(StageTransition::budget).collect(Collectors.toList())));
    }

    @Override
    public CycleFacts cycle(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to, Optional<StageId> start) {
        Selection s = select(pipeline, deals, from, to);
        return new CycleFacts(s.durations(StageKind.WON, start), s.durations(StageKind.LOST, start));
    }

    @Override
    public SummaryFacts summary(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Selection s = select(pipeline, deals, from, to);
        Set<DealId> fresh = s.newDeals();
        Map<DealId, StageTransition> won = s.lastInto(StageKind.WON);
        Map<DealId, StageTransition> lost = s.lastInto(StageKind.LOST);
        Map<UserId, List<Deal>> byManager = new LinkedHashMap<>();
        for (Deal d : s.deals.values()) {
            if (fresh.contains(d.id()) || won.containsKey(d.id()) || lost.containsKey(d.id())) {
                byManager.computeIfAbsent(d.responsible(), u -> new ArrayList<>()).add(d);
            }
        }
        List<ManagerFacts> managers = new ArrayList<>();
        byManager.forEach((manager, list) -> managers.add(new ManagerFacts(manager,
                list.stream().filter(d -> fresh.contains(d.id())).count(),
                list.stream().filter(d -> won.containsKey(d.id())).count(),
                list.stream().filter(d -> lost.containsKey(d.id())).count(),
                sum(list.stream().filter(d -> won.containsKey(d.id())).map(d -> won.get(d.id()).budget())
                        .collect(Collectors.toList())))));
        List<StageAmounts> stages = pipeline.stages().stream().map(st -> s.now(st.id())).collect(Collectors.toList());
        return new SummaryFacts(managers, stages);
    }

    @Override
    public ForecastFacts forecast(Pipeline pipeline, Filter<Deal> deals, LocalDate closeFrom, LocalDate closeTo) {
        Objects.requireNonNull(closeFrom, "closeFrom");
        Objects.requireNonNull(closeTo, "closeTo");
        Map<DealId, Deal> found = current(pipeline, deals);
        List<StageAmounts> open = new ArrayList<>();
        List<StageAmounts> expected = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() != StageKind.OPEN) {
                continue;
            }
            List<Deal> in = found.values().stream().filter(d -> d.stage().equals(stage.id()))
                    .collect(Collectors.toList());
            open.add(amounts(stage.id(), in));
            expected.add(amounts(stage.id(), in.stream().filter(d -> d.expectedClose()
                    .filter(c -> !c.isBefore(closeFrom) && !c.isAfter(closeTo)).isPresent())
                    .collect(Collectors.toList())));
        }
        return new ForecastFacts(open, expected);
    }

    /** The deals new in a period, and those won with their last transition into Won (AN-9). */
    NewAndWon newAndWon(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Selection s = select(pipeline, deals, from, to);
        List<Deal> fresh = s.newDeals().stream().map(s.deals::get).collect(Collectors.toList());
        Map<Deal, StageTransition> won = new LinkedHashMap<>();
        s.lastInto(StageKind.WON).forEach((id, t) -> won.put(s.deals.get(id), t));
        return new NewAndWon(fresh, won);
    }

    /** The deals new in a period, and those won with the transition that won them. */
    record NewAndWon(List<Deal> fresh, Map<Deal, StageTransition> won) {
    }

    private Map<DealId, Deal> current(Pipeline pipeline, Filter<Deal> deals) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(deals, "deals");
        Map<DealId, Deal> found = new LinkedHashMap<>();
        for (Deal d : Pages.all(tx.deals(), deals)) {
            found.put(d.id(), d);
        }
        return found;
    }

    private Selection select(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Map<DealId, Deal> found = current(pipeline, deals);
        List<StageTransition> period = new ArrayList<>();
        if (from.isBefore(to)) {
            for (StageTransition t : Pages.all(tx.stageTransitions(), Filter.and(
                    StageTransitionFields.PIPELINE.eq(pipeline.id()), StageTransitionFields.AT.ge(from),
                    StageTransitionFields.AT.lt(to)))) {
                if (found.containsKey(t.deal())) {
                    period.add(t);
                }
            }
        }
        return new Selection(pipeline, found, period);
    }

    private static StageAmounts amounts(StageId stage, List<Deal> deals) {
        return new StageAmounts(stage, deals.size(), sum(deals.stream().map(Deal::budget)
                .collect(Collectors.toList())));
    }

    private static Map<Currency, BigDecimal> sum(List<Optional<Budget>> budgets) {
        Map<Currency, BigDecimal> sums = new HashMap<>();
        for (Optional<Budget> b : budgets) {
            b.ifPresent(budget -> sums.merge(budget.amount().currency(), budget.amount().amount(), BigDecimal::add));
        }
        return sums;
    }

    /** The deals D and the transitions T of one question. */
    private final class Selection {

        private final Pipeline pipeline;
        private final Map<DealId, Deal> deals;
        private final List<StageTransition> period;
        private final Map<StageId, Integer> places = new HashMap<>();
        private final Map<DealId, List<StageTransition>> histories = new HashMap<>();

        Selection(Pipeline pipeline, Map<DealId, Deal> deals, List<StageTransition> period) {
            this.pipeline = pipeline;
            this.deals = deals;
            this.period = period;
            for (int i = 0; i < pipeline.stages().size(); i++) {
                places.put(pipeline.stages().get(i).id(), i);
            }
        }

        StageAmounts now(StageId stage) {
            return amounts(stage, deals.values().stream().filter(d -> d.stage().equals(stage))
                    .collect(Collectors.toList()));
        }

        long dealsWith(Predicate<StageTransition> which) {
            return period.stream().filter(which).map(StageTransition::deal).distinct().count();
        }

        int place(StageId stage) {
            return places.getOrDefault(stage, -1);
        }

        /** The kind of a stage of the pipeline; null for a stage it no longer has. */
        StageKind kind(StageId stage) {
            return pipeline.stage(stage).map(Stage::kind).orElse(null);
        }

        boolean later(int place, StageId to) {
            StageKind kind = kind(to);
            return kind == StageKind.WON || kind == StageKind.OPEN && place(to) > place;
        }

        /** Per deal, its last transition of the period into a stage of a kind. */
        Map<DealId, StageTransition> lastInto(StageKind kind) {
            Map<DealId, StageTransition> last = new HashMap<>();
            for (StageTransition t : period) {
                if (kind(t.to()) == kind) {
                    last.merge(t.deal(), t, (a, b) -> later(b, a) ? b : a);
                }
            }
            return last;
        }

        /** The deals whose earliest creation entry in the pipeline lies in the period. */
        Set<DealId> newDeals() {
            Set<DealId> fresh = new HashSet<>();
            // A set of the period's transitions, so that the check below is not a scan of the period's list.
            Set<StageTransition> inPeriod = new HashSet<>(period);
            for (StageTransition t : period) {
                if (t.from().isEmpty() && t.fromPipeline().isEmpty() && !fresh.contains(t.deal())) {
                    Optional<StageTransition> first = history(t.deal()).stream()
                            .filter(h -> h.from().isEmpty() && h.fromPipeline().isEmpty()).findFirst();
                    if (first.isPresent() && inPeriod.contains(first.get())) {
                        fresh.add(t.deal());
                    }
                }
            }
            return fresh;
        }

        Durations durations(StageKind kind, Optional<StageId> start) {
            List<BigDecimal> seconds = new ArrayList<>();
            for (StageTransition close : lastInto(kind).values()) {
                history(close.deal()).stream()
                        .filter(h -> start.map(h.to()::equals).orElse(true))
                        .findFirst()
                        .filter(first -> !first.at().isAfter(close.at()))
                        .ifPresent(first -> seconds.add(seconds(Duration.between(first.at(), close.at()))));
            }
            seconds.sort(Comparator.naturalOrder());
            BigDecimal total = seconds.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Optional<BigDecimal> median = Optional.empty();
            int n = seconds.size();
            if (n > 0) {
                median = Optional.of(n % 2 == 1 ? seconds.get(n / 2)
                        : seconds.get(n / 2 - 1).add(seconds.get(n / 2)).divide(BigDecimal.valueOf(2)));
            }
            return new Durations(n, total, median);
        }

        /** A deal's transitions in this pipeline, by time and then id. */
        private List<StageTransition> history(DealId deal) {
            return histories.computeIfAbsent(deal, d -> tx.stageTransitions().ofDeal(d).stream()
                    .filter(t -> t.pipeline().equals(pipeline.id())).collect(Collectors.toList()));
        }

        private boolean later(StageTransition a, StageTransition b) {
            int byTime = a.at().compareTo(b.at());
            // Ties by id as PostgreSQL orders uuids (bytewise, as their text), not as UUID.compareTo does.
            return byTime > 0 || byTime == 0 && a.id().value().toString().compareTo(b.id().value().toString()) > 0;
        }
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros();
    }
}
