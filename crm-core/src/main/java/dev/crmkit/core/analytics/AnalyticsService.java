package dev.crmkit.core.analytics;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.analytics.GoalMeasure;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.analytics.SalesGoalId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.TaskFields;
import dev.crmkit.api.query.TimelineFields;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.AnalyticsQueries;
import dev.crmkit.spi.AnalyticsQueries.FunnelFacts;
import dev.crmkit.spi.AnalyticsQueries.StageAmounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reports (AN-2 to AN-9, AN-11 to AN-14) as the acting user sees the data: funnels, forecasts, cycles, summaries,
 * managers' activity, calls, goals, new deals, tasks, and the dashboard with all of them. Every report reads in one
 * transaction and counts only records the user may see (CON-8, USER-5); every deal report can be narrowed by a
 * filter on deal fields, standard or custom, such as a product (AN-12). Money is added up exactly and converted to
 * the report currency with {@link #in(ExchangeRates) exchange rates} (AN-13): the policy's
 * {@link dev.crmkit.core.policy.Policy#reportCurrency() report currency} with no rates unless others are given.
 * Funnel, cycle, summary and forecast facts come from the adapter's {@link AnalyticsQueries} when it has them, and
 * from {@link PortableAnalytics} otherwise. Thread-safe: it holds no state but its rates.
 */
public final class AnalyticsService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);
    private static final int BATCH = 500;

    private final Context context;
    private final ExchangeRates rates;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public AnalyticsService(Context context) {
        this(context, null);
    }

    private AnalyticsService(Context context, ExchangeRates rates) {
        this.context = Objects.requireNonNull(context, "context");
        this.rates = rates;
    }

    /**
     * The same reports in another currency, converting with these rates (AN-13).
     *
     * @param rates the report currency and the rates into it
     * @return a service reporting with them
     */
    public AnalyticsService in(ExchangeRates rates) {
        return new AnalyticsService(context, Objects.requireNonNull(rates, "rates"));
    }

    /**
     * The currency and rates reports convert with: those given to {@link #in}, else those an admin stored
     * ({@link #setRates}), else the policy's report currency without rates.
     *
     * @return the rates
     */
    public ExchangeRates rates() {
        return rates != null ? rates : context.read(this::rates);
    }

    /**
     * The exchange rates an admin stored for reports (AN-13).
     *
     * @return the stored table, or empty when none was set
     */
    public Optional<RateTable> storedRates() {
        return context.read(unit -> unit.tx().rateTables().find(RateTable.ID));
    }

    /**
     * Stores the report currency and the rates every report converts with from now on (AN-13); admins only.
     *
     * @param rates the currency and rates
     * @param expectedVersion the version of the stored table this change is based on, 0 when none is stored
     * @return the stored table
     * @throws dev.crmkit.api.AccessDeniedException for a user who is not an admin
     * @throws dev.crmkit.api.ConflictException when the stored version is not {@code expectedVersion}
     */
    public RateTable setRates(ExchangeRates rates, long expectedVersion) {
        Objects.requireNonNull(rates, "rates");
        return context.write(unit -> {
            unit.requireAdmin("set the exchange rates of reports");
            List<RateTable.Rate> list = new ArrayList<>();
            rates.rates().forEach((c, r) -> list.add(new RateTable.Rate(c, r)));
            Optional<RateTable> stored = unit.tx().rateTables().find(RateTable.ID);
            if (stored.isEmpty()) {
                if (expectedVersion != 0) {
                    throw dev.crmkit.api.ConflictException.staleVersion(RecordRef.of(RateTable.ID), expectedVersion, 0);
                }
                return unit.insert(unit.tx().rateTables(), new RateTable(RateTable.ID, 1, unit.now(), unit.now(),
                        rates.currency(), list));
            }
            RateTable before = unit.requireVersion(stored.get(), expectedVersion);
            return unit.update(unit.tx().rateTables(), before, new RateTable(before.id(), before.version(),
                    before.created(), before.updated(), rates.currency(), list));
        });
    }

    /**
     * Sets a sales goal of a manager for the days from {@code first} to {@code last} (AN-8); admins only.
     *
     * @param manager an active user
     * @param first the first day
     * @param last the last day, included
     * @param measure won budget (in the report currency) or deals won
     * @param target the amount or count to reach
     * @return the stored goal
     * @throws dev.crmkit.api.AccessDeniedException for a user who is not an admin
     * @throws dev.crmkit.api.ValidationException listing every problem: {@code goal.manager.unknown} or
     *         {@code goal.manager.inactive}, {@code date.range}, {@code period.reversed}, {@code an.goal.target},
     *         {@code collection.too_many} beyond {@value dev.crmkit.api.Limits#GOALS} goals
     */
    public SalesGoal setGoal(UserId manager, LocalDate first, LocalDate last, GoalMeasure measure, BigDecimal target) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(target, "target");
        return context.write(unit -> {
            unit.requireAdmin("set sales goals");
            Violations v = new Violations();
            unit.activeUser(v, "manager", "goal.manager", manager);
            v.date("first", first).date("last", last);
            if (last.isBefore(first)) {
                v.add("last", "period.reversed", first, last);
            }
            v.addAll(targetProblems(measure, target));
            v.count("goals", unit.tx().salesGoals().all().size() + 1, dev.crmkit.api.Limits.GOALS);
            v.throwIfAny();
            return unit.insert(unit.tx().salesGoals(), new SalesGoal(new SalesGoalId(unit.nextId()), 1, unit.now(),
                    unit.now(), manager, first, last, measure, target));
        });
    }

    /**
     * Changes the target of a stored goal (AN-8); admins only.
     *
     * @param id the goal
     * @param expectedVersion the version the change is based on
     * @param target the new target
     * @return the stored goal
     * @throws dev.crmkit.api.NotFoundException when there is no such goal
     * @throws dev.crmkit.api.ConflictException when the goal changed since that version
     * @throws dev.crmkit.api.ValidationException {@code an.goal.target}
     */
    public SalesGoal changeGoal(SalesGoalId id, long expectedVersion, BigDecimal target) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        return context.write(unit -> {
            unit.requireAdmin("change sales goals");
            SalesGoal before = unit.requireVersion(unit.tx().salesGoals().get(id), expectedVersion);
            new Violations().addAll(targetProblems(before.measure(), target)).throwIfAny();
            return unit.update(unit.tx().salesGoals(), before, before.withTarget(target));
        });
    }

    /**
     * Deletes a stored goal (AN-8); admins only.
     *
     * @param id the goal
     * @param expectedVersion the version the deletion is based on
     * @throws dev.crmkit.api.NotFoundException when there is no such goal
     * @throws dev.crmkit.api.ConflictException when the goal changed since that version
     */
    public void deleteGoal(SalesGoalId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            unit.requireAdmin("delete sales goals");
            unit.delete(unit.tx().salesGoals(), unit.requireVersion(unit.tx().salesGoals().get(id), expectedVersion));
            return null;
        });
    }

    /**
     * Every stored goal (AN-8).
     *
     * @return the goals, by id
     */
    public List<SalesGoal> storedGoals() {
        return context.read(unit -> unit.tx().salesGoals().all());
    }

    /**
     * The progress of the stored goals whose days include a day (AN-8), each over its own days in its manager's
     * time zone, counting the deals the acting user may see.
     *
     * @param day the day, such as today
     * @return one progress per such goal, by id
     */
    public List<Goal.Progress> goalProgress(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return context.read(unit -> {
            List<Goal.Progress> all = new ArrayList<>();
            for (SalesGoal g : unit.tx().salesGoals().all()) {
                if (!day.isBefore(g.first()) && !day.isAfter(g.last())) {
                    java.time.ZoneId zone = unit.tx().users().find(g.manager()).map(User::timeZone)
                            .orElse(unit.actor().timeZone());
                    all.addAll(progress(unit, List.of(new Goal(g.manager(), g.measure(), g.target())),
                            ReportPeriod.days(g.first(), g.last()).resolve(unit.now(), zone), Filter.all()));
                }
            }
            return List.copyOf(all);
        });
    }

    private ExchangeRates rates(Unit unit) {
        if (rates != null) {
            return rates;
        }
        return unit.tx().rateTables().find(RateTable.ID).map(AnalyticsService::ratesOf)
                .orElseGet(() -> ExchangeRates.in(unit.policy().reportCurrency()));
    }

    private static ExchangeRates ratesOf(RateTable table) {
        ExchangeRates x = ExchangeRates.in(table.currency());
        for (RateTable.Rate r : table.rates()) {
            x = x.rate(r.currency(), r.rate());
        }
        return x;
    }

    private static List<dev.crmkit.api.Violation> targetProblems(GoalMeasure measure, BigDecimal target) {
        try {
            new Goal(new UserId(new java.util.UUID(0, 0)), measure, target);
            return List.of();
        } catch (dev.crmkit.api.ValidationException e) {
            return e.violations();
        }
    }

    /**
     * The funnel of a pipeline over a period (AN-2).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @return the funnel
     * @throws dev.crmkit.api.NotFoundException when there is no such pipeline
     * @throws dev.crmkit.api.RuleViolationException {@code an.rate.missing} for a currency without a rate
     */
    public FunnelReport funnel(PipelineId pipeline, ReportPeriod period) {
        return funnel(pipeline, period, Filter.all());
    }

    /**
     * The funnel of a pipeline over a period, of the deals matching a filter (AN-2, AN-12).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @param deals which deals, such as {@code CustomFieldQuery.choice(product).eq("gtx")}
     * @return the funnel
     */
    public FunnelReport funnel(PipelineId pipeline, ReportPeriod period, Filter<Deal> deals) {
        check(pipeline, period, deals);
        return context.read(unit -> funnel(unit, unit.tx().pipelines().get(pipeline), range(unit, period), deals));
    }

    /**
     * The forecast of a pipeline (AN-3): its open deals weighted by their stages' probabilities, and those
     * expected to close within the period's days.
     *
     * @param pipeline the pipeline
     * @param period the period
     * @return the forecast
     */
    public Forecast forecast(PipelineId pipeline, ReportPeriod period) {
        return forecast(pipeline, period, Filter.all());
    }

    /**
     * The forecast of the deals of a pipeline matching a filter (AN-3, AN-12).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @param deals which deals
     * @return the forecast
     */
    public Forecast forecast(PipelineId pipeline, ReportPeriod period, Filter<Deal> deals) {
        check(pipeline, period, deals);
        return context.read(unit -> forecast(unit, unit.tx().pipelines().get(pipeline), range(unit, period), deals));
    }

    /**
     * The cycle of the deals of a pipeline closed in a period, from their creation (AN-4).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @return the cycle to Won and to Lost
     */
    public DealCycle cycle(PipelineId pipeline, ReportPeriod period) {
        return cycle(pipeline, Optional.empty(), period, Filter.all());
    }

    /**
     * The cycle of the deals of a pipeline matching a filter and closed in a period, from their creation or from
     * their entry into a stage (AN-4, AN-12).
     *
     * @param pipeline the pipeline
     * @param start the stage whose entry starts a cycle, empty for the deal's creation
     * @param period the period
     * @param deals which deals
     * @return the cycle to Won and to Lost
     * @throws dev.crmkit.api.ValidationException {@code an.stage.unknown} for a start stage the pipeline lacks
     */
    public DealCycle cycle(PipelineId pipeline, Optional<StageId> start, ReportPeriod period, Filter<Deal> deals) {
        check(pipeline, period, deals);
        Objects.requireNonNull(start, "start");
        return context.read(unit -> {
            Pipeline p = unit.tx().pipelines().get(pipeline);
            if (start.isPresent() && p.stage(start.get()).isEmpty()) {
                new Violations().add("start", "an.stage.unknown", start.get(), p.name()).throwIfAny();
            }
            ReportPeriod.Range r = range(unit, period);
            AnalyticsQueries.CycleFacts f = queries(unit).cycle(p, dealsOf(unit, p, deals), r.from(), r.to(), start);
            return new DealCycle(p.id(), r, start, lengths(f.won()), lengths(f.lost()));
        });
    }

    /**
     * The sales summary of a pipeline over a period (AN-5).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @return the summary
     */
    public SalesSummary summary(PipelineId pipeline, ReportPeriod period) {
        return summary(pipeline, period, Filter.all());
    }

    /**
     * The sales summary of the deals of a pipeline matching a filter (AN-5, AN-12).
     *
     * @param pipeline the pipeline
     * @param period the period
     * @param deals which deals
     * @return the summary
     */
    public SalesSummary summary(PipelineId pipeline, ReportPeriod period, Filter<Deal> deals) {
        check(pipeline, period, deals);
        return context.read(unit -> summary(unit, unit.tx().pipelines().get(pipeline), range(unit, period), deals));
    }

    /**
     * The managers' load and activity in a period (AN-6).
     *
     * @param period the period
     * @return one row per active user
     */
    public ManagerReport managers(ReportPeriod period) {
        Objects.requireNonNull(period, "period");
        return context.read(unit -> managers(unit, range(unit, period)));
    }

    /**
     * The calls of a period per manager, counting those at least as long as a minimum (AN-7).
     *
     * @param period the period
     * @param minimum the shortest call counted; zero counts every call
     * @return the calls
     * @throws dev.crmkit.api.ValidationException {@code an.calls.minimum} for a negative minimum or one longer
     *         than the longest call crmkit stores
     */
    public CallReport calls(ReportPeriod period, Duration minimum) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(minimum, "minimum");
        if (minimum.isNegative() || minimum.getSeconds() > dev.crmkit.api.Limits.CALL_DURATION_SECONDS) {
            new Violations().add("minimum", "an.calls.minimum", minimum,
                    dev.crmkit.api.Limits.CALL_DURATION_SECONDS).throwIfAny();
        }
        return context.read(unit -> calls(unit, range(unit, period), minimum));
    }

    /**
     * Progress of sales goals in a period (AN-8): the won budget (in the report currency) or the deals won of
     * each goal's manager, over every pipeline.
     *
     * @param goals the goals, at most {@value dev.crmkit.api.Limits#GOALS}
     * @param period the period
     * @param deals which deals count
     * @return each goal's progress, in the order given
     * @throws dev.crmkit.api.ValidationException {@code collection.too_many} for too many goals
     */
    public List<Goal.Progress> goals(Collection<Goal> goals, ReportPeriod period, Filter<Deal> deals) {
        Objects.requireNonNull(goals, "goals");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deals, "deals");
        List<Goal> list = new ArrayList<>();
        for (Goal g : goals) {
            list.add(Objects.requireNonNull(g, "goals[]"));
        }
        new Violations().count("goals", list.size(), dev.crmkit.api.Limits.GOALS).throwIfAny();
        return context.read(unit -> progress(unit, list, range(unit, period), deals));
    }

    /**
     * The new and won deals of a period over every pipeline, by source and by manager (AN-9).
     *
     * @param period the period
     * @param deals which deals
     * @return the report
     */
    public NewDealsReport newDeals(ReportPeriod period, Filter<Deal> deals) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deals, "deals");
        return context.read(unit -> newDeals(unit, range(unit, period), deals));
    }

    /**
     * The tasks closed in a period, by type (AN-11).
     *
     * @param period the period
     * @return the tasks
     */
    public TaskActivity tasks(ReportPeriod period) {
        Objects.requireNonNull(period, "period");
        return context.read(unit -> tasks(unit, range(unit, period)));
    }

    /**
     * Every widget of the dashboard for a period (AN-14), in one read.
     *
     * @param period today, yesterday, this week, this month or a custom range
     * @return the dashboard
     */
    public Dashboard dashboard(ReportPeriod period) {
        return dashboard(period, Filter.all());
    }

    /**
     * Every widget of the dashboard for a period, its deal figures narrowed by a filter (AN-14, AN-12).
     *
     * @param period today, yesterday, this week, this month or a custom range
     * @param deals which deals the deal widgets count
     * @return the dashboard
     */
    public Dashboard dashboard(ReportPeriod period, Filter<Deal> deals) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deals, "deals");
        return context.read(unit -> {
            ReportPeriod.Range r = range(unit, period);
            List<FunnelReport> funnels = new ArrayList<>();
            List<Forecast> forecasts = new ArrayList<>();
            List<SalesSummary> summaries = new ArrayList<>();
            for (Pipeline p : unit.tx().pipelines().all()) {
                funnels.add(funnel(unit, p, r, deals));
                forecasts.add(forecast(unit, p, r, deals));
                summaries.add(summary(unit, p, r, deals));
            }
            return new Dashboard(r, funnels, forecasts, summaries, newDeals(unit, r, deals),
                    calls(unit, r, Duration.ZERO), managers(unit, r), tasks(unit, r));
        });
    }

    // ---- the reports inside a read ----

    private List<Goal.Progress> progress(Unit unit, List<Goal> list, ReportPeriod.Range r, Filter<Deal> deals) {
        ExchangeRates x = rates(unit);
        Map<UserId, Long> won = new HashMap<>();
        Map<UserId, Map<Currency, BigDecimal>> sums = new HashMap<>();
        for (Pipeline p : unit.tx().pipelines().all()) {
            for (AnalyticsQueries.ManagerFacts m : queries(unit).summary(p, dealsOf(unit, p, deals), r.from(),
                    r.to()).managers()) {
                won.merge(m.manager(), m.won(), Long::sum);
                m.wonSum().forEach((c, a) -> sums.computeIfAbsent(m.manager(), u -> new HashMap<>())
                        .merge(c, a, BigDecimal::add));
            }
        }
        Map<UserId, String> names = names(unit, list.stream().map(Goal::manager).collect(Collectors.toList()));
        List<Goal.Progress> progress = new ArrayList<>();
        for (Goal g : list) {
            BigDecimal achieved = g.measure() == GoalMeasure.DEALS
                    ? BigDecimal.valueOf(won.getOrDefault(g.manager(), 0L))
                    : x.convert(sums.getOrDefault(g.manager(), Map.of())).amount();
            progress.add(new Goal.Progress(g, names.getOrDefault(g.manager(), ""), achieved,
                    Figure.ratio(achieved, g.target(), "an.no_target").times(HUNDRED)));
        }
        return List.copyOf(progress);
    }

    private FunnelReport funnel(Unit unit, Pipeline p, ReportPeriod.Range r, Filter<Deal> deals) {
        FunnelFacts f = queries(unit).funnel(p, dealsOf(unit, p, deals), r.from(), r.to());
        ExchangeRates x = rates(unit);
        List<Stage> stages = p.stages();
        List<FunnelReport.StageRow> rows = new ArrayList<>();
        long wonReached = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).kind() == StageKind.WON) {
                wonReached += f.stages().get(i).reached();
            }
        }
        long firstReached = -1;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            AnalyticsQueries.FunnelStage s = f.stages().get(i);
            Figure conversion;
            if (stage.kind() == StageKind.OPEN) {
                if (firstReached < 0) {
                    firstReached = s.reached();
                }
                long next = wonReached;
                for (int j = i + 1; j < stages.size(); j++) {
                    if (stages.get(j).kind() == StageKind.OPEN) {
                        next = f.stages().get(j).reached();
                        break;
                    }
                }
                conversion = percent(next, s.reached(), "an.none_reached");
            } else {
                conversion = Figure.ratio(BigDecimal.ZERO, BigDecimal.ZERO, "an.closed_stage");
            }
            rows.add(new FunnelReport.StageRow(stage, s.now().count(), x.convert(s.now().sum()), s.entered(),
                    s.movedOn(), s.lostHere(), s.reached(), conversion));
        }
        return new FunnelReport(p.id(), r, rows, f.newDeals(), f.won(), x.convert(f.wonSum()),
                percent(f.won(), Math.max(firstReached, 0), "an.none_reached"));
    }

    private Forecast forecast(Unit unit, Pipeline p, ReportPeriod.Range r, Filter<Deal> deals) {
        AnalyticsQueries.ForecastFacts f = queries(unit).forecast(p, dealsOf(unit, p, deals), r.firstDay(),
                r.lastDay());
        ExchangeRates x = rates(unit);
        Sum zero = Sum.zero(x.currency());
        List<Forecast.StageRow> rows = new ArrayList<>();
        long open = 0;
        long expected = 0;
        Sum openSum = zero;
        Sum weighted = zero;
        Sum expectedSum = zero;
        Sum expectedWeighted = zero;
        for (int i = 0; i < f.open().size(); i++) {
            StageAmounts o = f.open().get(i);
            StageAmounts e = f.expected().get(i);
            Stage stage = p.stage(o.stage()).orElseThrow();
            BigDecimal probability = stage.probability().fraction();
            Sum os = x.convert(o.sum());
            Sum es = x.convert(e.sum());
            Forecast.StageRow row = new Forecast.StageRow(stage, o.count(), os, weigh(os, probability), e.count(), es,
                    weigh(es, probability));
            rows.add(row);
            open += row.open();
            expected += row.expected();
            openSum = openSum.plus(os);
            weighted = weighted.plus(row.weighted());
            expectedSum = expectedSum.plus(es);
            expectedWeighted = expectedWeighted.plus(row.expectedWeighted());
        }
        return new Forecast(p.id(), r, rows, open, openSum, weighted, expected, expectedSum, expectedWeighted);
    }

    private SalesSummary summary(Unit unit, Pipeline p, ReportPeriod.Range r, Filter<Deal> deals) {
        AnalyticsQueries.SummaryFacts f = queries(unit).summary(p, dealsOf(unit, p, deals), r.from(), r.to());
        ExchangeRates x = rates(unit);
        Map<UserId, String> names = names(unit, f.managers().stream().map(AnalyticsQueries.ManagerFacts::manager)
                .collect(Collectors.toList()));
        Sum total = Sum.zero(x.currency());
        Map<UserId, Sum> won = new HashMap<>();
        for (AnalyticsQueries.ManagerFacts m : f.managers()) {
            Sum s = x.convert(m.wonSum());
            won.put(m.manager(), s);
            total = total.plus(s);
        }
        List<SalesSummary.ManagerRow> managers = new ArrayList<>();
        for (AnalyticsQueries.ManagerFacts m : f.managers()) {
            Sum s = won.get(m.manager());
            managers.add(new SalesSummary.ManagerRow(m.manager(), names.getOrDefault(m.manager(), ""), m.newDeals(),
                    m.won(), m.lost(), s, Figure.ratio(s.amount(), total.amount(), "an.none_won").times(HUNDRED)));
        }
        managers.sort(Comparator.comparing((SalesSummary.ManagerRow m) -> m.wonSum().amount()).reversed()
                .thenComparing(SalesSummary.ManagerRow::name).thenComparing(m -> m.manager().value()));
        List<SalesSummary.StageRow> stages = new ArrayList<>();
        for (StageAmounts a : f.stages()) {
            stages.add(new SalesSummary.StageRow(p.stage(a.stage()).orElseThrow(), a.count(), x.convert(a.sum())));
        }
        return new SalesSummary(p.id(), r, managers, stages, total);
    }

    private ManagerReport managers(Unit unit, ReportPeriod.Range r) {
        List<ManagerReport.Row> rows = new ArrayList<>();
        List<User> users = new ArrayList<>();
        try (var all = unit.tx().users().streamAll()) {
            all.filter(User::active).forEach(users::add);
        }
        users.sort(Comparator.comparing(User::name).thenComparing(u -> u.id().value()));
        for (User u : users) {
            long open = Pages.all(unit.tx().deals(), Filter.and(DealFields.RESPONSIBLE.eq(u.id()),
                    Filter.not(DealFields.CLOSED.present()))).size();
            long events = events(unit, Filter.and(EventFields.AUTHOR.eq(u.id()), EventFields.AT.ge(r.from()),
                    EventFields.AT.lt(r.to())));
            long created = tasks(unit, Filter.and(TaskFields.ASSIGNEE.eq(u.id()), TaskFields.CREATED.ge(r.from()),
                    TaskFields.CREATED.lt(r.to()))).size();
            long overdue = tasks(unit, Filter.and(TaskFields.ASSIGNEE.eq(u.id()),
                    Filter.not(TaskFields.CLOSED.present()), TaskFields.DEADLINE.lt(unit.now()))).size();
            long done = tasks(unit, Filter.and(TaskFields.ASSIGNEE.eq(u.id()), TaskFields.CLOSED.ge(r.from()),
                    TaskFields.CLOSED.lt(r.to()))).size();
            rows.add(new ManagerReport.Row(u.id(), u.name(), open, events, created, overdue, done));
        }
        return new ManagerReport(r, rows);
    }

    private CallReport calls(Unit unit, ReportPeriod.Range r, Duration minimum) {
        Map<UserId, long[]> counts = new LinkedHashMap<>();
        Map<UserId, Duration> totals = new HashMap<>();
        long calls = 0;
        Duration total = Duration.ZERO;
        for (TimelineEntry e : Pages.all(unit.tx().timeline(), Filter.and(TimelineFields.KIND.eq("call"),
                TimelineFields.AT.ge(r.from()), TimelineFields.AT.lt(r.to())))) {
            Call c = (Call) e;
            if (c.duration().compareTo(minimum) < 0) {
                continue;
            }
            UserId manager = c.operator().orElse(c.author());
            long[] n = counts.computeIfAbsent(manager, u -> new long[3]);
            n[0]++;
            n[c.direction() == Direction.INBOUND ? 1 : 2]++;
            totals.merge(manager, c.duration(), Duration::plus);
            calls++;
            total = total.plus(c.duration());
        }
        Map<UserId, String> names = names(unit, counts.keySet());
        List<CallReport.Row> rows = new ArrayList<>();
        counts.forEach((u, n) -> rows.add(new CallReport.Row(u, names.getOrDefault(u, ""), n[0], totals.get(u), n[1],
                n[2])));
        rows.sort(Comparator.comparingLong(CallReport.Row::calls).reversed().thenComparing(CallReport.Row::name)
                .thenComparing(row -> row.manager().value()));
        return new CallReport(r, minimum, rows, calls, total);
    }

    private NewDealsReport newDeals(Unit unit, ReportPeriod.Range r, Filter<Deal> deals) {
        ExchangeRates x = rates(unit);
        Map<Optional<LeadSource>, List<Optional<Budget>>> bySource = new HashMap<>();
        Map<UserId, List<Optional<Budget>>> byManager = new HashMap<>();
        List<Optional<Budget>> fresh = new ArrayList<>();
        List<Optional<Budget>> won = new ArrayList<>();
        PortableAnalytics portable = PortableAnalytics.over(unit.system());
        for (Pipeline p : unit.tx().pipelines().all()) {
            PortableAnalytics.NewAndWon n = portable.newAndWon(p, dealsOf(unit, p, deals), r.from(), r.to());
            for (Deal d : n.fresh()) {
                bySource.computeIfAbsent(d.source(), s -> new ArrayList<>()).add(d.budget());
                byManager.computeIfAbsent(d.responsible(), s -> new ArrayList<>()).add(d.budget());
                fresh.add(d.budget());
            }
            n.won().values().stream().map(StageTransition::budget).forEach(won::add);
        }
        List<NewDealsReport.SourceRow> sources = new ArrayList<>();
        bySource.forEach((s, b) -> sources.add(new NewDealsReport.SourceRow(s, b.size(), x.convert(sums(b)))));
        sources.sort(Comparator.comparingLong(NewDealsReport.SourceRow::deals).reversed()
                .thenComparing(row -> row.source().map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        Map<UserId, String> names = names(unit, byManager.keySet());
        List<NewDealsReport.ManagerRow> managers = new ArrayList<>();
        byManager.forEach((u, b) -> managers.add(new NewDealsReport.ManagerRow(u, names.getOrDefault(u, ""), b.size(),
                x.convert(sums(b)))));
        managers.sort(Comparator.comparingLong(NewDealsReport.ManagerRow::deals).reversed()
                .thenComparing(NewDealsReport.ManagerRow::name).thenComparing(row -> row.manager().value()));
        return new NewDealsReport(r, sources, managers, fresh.size(), x.convert(sums(fresh)), won.size(),
                x.convert(sums(won)));
    }

    private TaskActivity tasks(Unit unit, ReportPeriod.Range r) {
        Map<TaskTypeId, Long> byType = new HashMap<>();
        List<Task> closed = tasks(unit, Filter.and(TaskFields.CLOSED.ge(r.from()), TaskFields.CLOSED.lt(r.to())));
        for (Task t : closed) {
            byType.merge(t.type(), 1L, Long::sum);
        }
        Map<TaskTypeId, String> names = new HashMap<>();
        for (ListItem<TaskTypeId> item : unit.tx().settings().list(ListKind.TASK_TYPES).all()) {
            names.put(item.id(), item.name());
        }
        List<TaskActivity.Row> rows = new ArrayList<>();
        byType.forEach((type, n) -> rows.add(new TaskActivity.Row(type, names.getOrDefault(type, ""), n)));
        rows.sort(Comparator.comparingLong(TaskActivity.Row::closed).reversed().thenComparing(TaskActivity.Row::name)
                .thenComparing(row -> row.type().value()));
        return new TaskActivity(r, rows, closed.size());
    }

    // ---- helpers ----

    private static void check(PipelineId pipeline, ReportPeriod period, Filter<Deal> deals) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deals, "deals");
    }

    private static ReportPeriod.Range range(Unit unit, ReportPeriod period) {
        return period.resolve(unit.now(), unit.actor().timeZone());
    }

    private static AnalyticsQueries queries(Unit unit) {
        return unit.system().analytics().orElseGet(() -> PortableAnalytics.over(unit.system()));
    }

    /** The deals of a pipeline matching a filter that the acting user may see, as one filter for the adapter. */
    private static Filter<Deal> dealsOf(Unit unit, Pipeline p, Filter<Deal> deals) {
        Filter<Deal> f = Filter.and(DealFields.PIPELINE.eq(p.id()), deals);
        Optional<Filter<Deal>> scope = unit.access().scope(Deal.class);
        return scope.isEmpty() ? f : new Filter.Within<>(scope.get(), f);
    }

    private static List<Task> tasks(Unit unit, Filter<Task> filter) {
        return Pages.all(unit.tx().tasks(), filter);
    }

    /** The events matching a filter whose record the acting user may see. */
    private static long events(Unit unit, Filter<Event> filter) {
        long n = 0;
        PageRequest page = PageRequest.first(BATCH);
        while (true) {
            Slice<Event> slice = unit.system().events().query(filter, page);
            for (Event e : slice.items()) {
                if (unit.access().all() || unit.access().sees(e.entity())) {
                    n++;
                }
            }
            if (!slice.hasNext()) {
                return n;
            }
            page = page.next(slice);
        }
    }

    private static Map<UserId, String> names(Unit unit, Collection<UserId> ids) {
        Map<UserId, String> names = new HashMap<>();
        for (User u : unit.tx().users().findAll(List.copyOf(new java.util.LinkedHashSet<>(ids)))) {
            names.put(u.id(), u.name());
        }
        return names;
    }

    private static Figure percent(long part, long whole, String whenNone) {
        return Figure.ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), whenNone).times(HUNDRED);
    }

    private static Sum weigh(Sum sum, BigDecimal probability) {
        return new Sum(sum.currency(), sum.amount().multiply(probability));
    }

    private static DealCycle.Lengths lengths(AnalyticsQueries.Durations d) {
        Figure mean = Figure.ratio(d.totalSeconds(), DAY_SECONDS.multiply(BigDecimal.valueOf(d.count())),
                "an.no_deals");
        Figure median = Figure.ratio(d.medianSeconds().orElse(BigDecimal.ZERO),
                d.medianSeconds().isPresent() ? DAY_SECONDS : BigDecimal.ZERO, "an.no_deals");
        return new DealCycle.Lengths(d.count(), mean, median);
    }

    private static Map<Currency, BigDecimal> sums(List<Optional<Budget>> budgets) {
        Map<Currency, BigDecimal> sums = new HashMap<>();
        for (Optional<Budget> b : budgets) {
            b.ifPresent(budget -> sums.merge(budget.amount().currency(), budget.amount().amount(), BigDecimal::add));
        }
        return sums;
    }
}
