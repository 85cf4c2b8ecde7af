package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.analytics.GoalMeasure;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.task.Task;
import dev.crmkit.core.analytics.CallReport;
import dev.crmkit.core.analytics.Dashboard;
import dev.crmkit.core.analytics.DealCycle;
import dev.crmkit.core.analytics.ExchangeRates;
import dev.crmkit.core.analytics.Figure;
import dev.crmkit.core.analytics.Forecast;
import dev.crmkit.core.analytics.FunnelReport;
import dev.crmkit.core.analytics.Goal;
import dev.crmkit.core.analytics.ManagerReport;
import dev.crmkit.core.analytics.NewDealsReport;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.core.analytics.SalesSummary;
import dev.crmkit.core.analytics.Sum;
import dev.crmkit.core.analytics.TaskActivity;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reports (AN-2 to AN-9, AN-11 to AN-14) on the {@linkplain AnalyticsFixture week of sales} worked out by hand. */
abstract class AnalyticsKit extends AnalyticsFixture {

    @Test
    @Tag("AN-2")
    @DisplayName("AN-2: the week's funnel counts now, entered, moved on, lost and reached per stage, and converts")
    void funnel() {
        FunnelReport f = anna.analytics().funnel(p.id(), week);
        assertThat(f.newDeals()).as("Old's creation is backfilled to October").isEqualTo(4);
        assertThat(f.won()).isEqualTo(2);
        assertThat(f.wonSum()).isEqualTo(sumRub("6000"));
        FunnelReport.StageRow first = f.stage(stage(0));
        assertThat(List.of(first.nowCount(), first.entered(), first.movedOn(), first.lostHere(), first.reached()))
                .containsExactly(1L, 4L, 3L, 0L, 5L);
        assertThat(first.nowSum()).isEqualTo(sumRub("3000"));
        FunnelReport.StageRow negotiation = f.stage(stage(1));
        assertThat(List.of(negotiation.nowCount(), negotiation.entered(), negotiation.movedOn(),
                negotiation.lostHere(), negotiation.reached())).containsExactly(1L, 2L, 1L, 0L, 4L);
        FunnelReport.StageRow invoice = f.stage(stage(2));
        assertThat(List.of(invoice.nowCount(), invoice.entered(), invoice.movedOn(), invoice.lostHere(),
                invoice.reached())).as("Beta skipped Negotiation and was lost at Invoice sent")
                .containsExactly(0L, 1L, 0L, 1L, 3L);
        assertThat(invoice.nowSum()).isEqualTo(sumRub("0"));
        assertThat(f.stage(p.wonStage().id()).nowSum()).isEqualTo(sumRub("6000"));
        assertThat(f.stage(p.lostStage().id()).reached()).isEqualTo(1);
        assertThat(first.conversionPercent()).isEqualTo(exact("80"));
        assertThat(negotiation.conversionPercent()).isEqualTo(exact("75"));
        assertThat(invoice.conversionPercent()).isEqualTo(Figure.ratio(BigDecimal.valueOf(200), BigDecimal.valueOf(3),
                "x"));
        assertThat(f.stage(p.wonStage().id()).conversionPercent().undefinedBecause()).contains("an.closed_stage");
        assertThat(f.conversionPercent()).isEqualTo(exact("40"));
        assertThat(f.conversionPercent().shown(policy().presentation())).contains(new BigDecimal("40.00"));
    }

    @Test
    @Tag("AN-2")
    @DisplayName("AN-2: history stays right after deals move on, and an empty period converts to undefined")
    void funnelHistory() {
        FunnelReport before = anna.analytics().funnel(p.id(), week);
        clock.advance(Duration.ofDays(7));
        anna.deals().move(gamma.id(), stage(2));
        assertThat(anna.analytics().funnel(p.id(), week).stages()).extracting(FunnelReport.StageRow::entered)
                .containsExactlyElementsOf(before.stages().stream().map(FunnelReport.StageRow::entered).toList());
        FunnelReport empty = anna.analytics().funnel(p.id(), ReportPeriod.days(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 10)));
        assertThat(empty.newDeals()).isZero();
        assertThat(empty.conversionPercent().undefinedBecause()).contains("an.none_reached");
        assertThat(anna.analytics().funnel(p.id(), ReportPeriod.days(LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 10, 20))).newDeals()).as("Old's backfilled creation").isEqualTo(1);
    }

    @Test
    @Tag("AN-3")
    @DisplayName("AN-3: the forecast weighs open budgets by stage probability and picks those closing this week")
    void forecast() {
        Forecast f = anna.analytics().forecast(p.id(), week);
        assertThat(f.open()).isEqualTo(2);
        assertThat(f.openSum()).isEqualTo(sumRub("7000"));
        assertThat(f.weighted()).as("3000 × 10 % + 4000 × 50 %").isEqualTo(sumRub("2300"));
        assertThat(f.expected()).isEqualTo(1);
        assertThat(f.expectedSum()).isEqualTo(sumRub("3000"));
        assertThat(f.expectedWeighted()).isEqualTo(sumRub("300"));
        assertThat(f.stages()).extracting(Forecast.StageRow::open).containsExactly(1L, 1L, 0L);
    }

    @Test
    @Tag("AN-4")
    @DisplayName("AN-4: mean and median days to Won and to Lost, from creation or from entering a stage")
    void cycle() {
        DealCycle c = anna.analytics().cycle(p.id(), week);
        assertThat(c.toWon().deals()).isEqualTo(2);
        // Alpha: 2 hours; Old: 20 October 00:00 to 2 November 10:00, 13 days 10 hours; (7,200 + 1,159,200) / 2 s.
        assertThat(c.toWon().meanDays()).isEqualTo(exact("6.75"));
        assertThat(c.toWon().medianDays()).isEqualTo(exact("6.75"));
        assertThat(c.toLost().deals()).isEqualTo(1);
        assertThat(c.toLost().meanDays()).as("Beta: 3 hours").isEqualTo(exact("0.125"));
        assertThat(c.toLost().medianDays()).isEqualTo(exact("0.125"));
        DealCycle fromNegotiation = anna.analytics().cycle(p.id(), Optional.of(stage(1)), week, Filter.all());
        assertThat(fromNegotiation.toWon().deals()).as("Old never was in Negotiation").isEqualTo(1);
        assertThat(fromNegotiation.toWon().meanDays()).isEqualTo(Figure.ratio(BigDecimal.ONE, BigDecimal.valueOf(24),
                "x"));
        assertThat(fromNegotiation.toLost().deals()).isZero();
        assertThat(fromNegotiation.toLost().medianDays().undefinedBecause()).contains("an.no_deals");
    }

    @Test
    @Tag("AN-4")
    @DisplayName("AN-4: for an even count the median is the mean of the two middle cycles")
    void evenMedian() {
        clock.advance(Duration.ofHours(1));
        anna.deals().win(gamma.id());
        DealCycle c = anna.analytics().cycle(p.id(), week);
        // Alpha 2 h, Gamma 4 h, Old 13 d 10 h: the median of three is Gamma's 4 hours.
        assertThat(c.toWon().medianDays()).isEqualTo(Figure.ratio(BigDecimal.ONE, BigDecimal.valueOf(6), "x"));
        clock.advance(Duration.ofHours(2));
        anna.deals().win(delta.id());
        // Delta 6 h: the middle two are 4 h and 6 h, so 5 hours.
        assertThat(anna.analytics().cycle(p.id(), week).toWon().medianDays())
                .isEqualTo(Figure.ratio(BigDecimal.valueOf(5), BigDecimal.valueOf(24), "x"));
    }

    @Test
    @Tag("AN-5")
    @DisplayName("AN-5: the summary gives each manager new, won, lost, won sum and share, and each stage its deals")
    void summary() {
        SalesSummary s = anna.analytics().summary(p.id(), week);
        assertThat(s.managers()).extracting(SalesSummary.ManagerRow::name)
                .containsExactly("Boris Manager", "Vera Manager");
        SalesSummary.ManagerRow b = s.manager(borisUser.id());
        assertThat(List.of(b.newDeals(), b.won(), b.lost())).containsExactly(2L, 2L, 1L);
        assertThat(b.wonSum()).isEqualTo(sumRub("6000"));
        assertThat(b.sharePercent()).isEqualTo(exact("100"));
        SalesSummary.ManagerRow v = s.manager(veraUser.id());
        assertThat(List.of(v.newDeals(), v.won(), v.lost())).containsExactly(2L, 0L, 0L);
        assertThat(v.sharePercent()).isEqualTo(exact("0"));
        assertThat(s.stages()).extracting(SalesSummary.StageRow::deals).containsExactly(1L, 1L, 0L, 2L, 1L);
        assertThat(s.stages()).extracting(SalesSummary.StageRow::budget)
                .containsExactly(sumRub("3000"), sumRub("4000"), sumRub("0"), sumRub("6000"), sumRub("2000"));
        assertThat(s.wonSum()).isEqualTo(sumRub("6000"));
    }

    @Test
    @Tag("AN-6")
    @DisplayName("AN-6: the manager report gives each user's open deals, events made and tasks new, overdue, done")
    void managers() {
        Task late = vera.tasks().create(TaskForm.todo("Call Gamma").on(RecordRef.of(gamma.id()))
                .deadline(T0.plus(Duration.ofMinutes(90))));
        Task done = boris.tasks().create(TaskForm.todo("Send the contract").on(RecordRef.of(alpha.id()))
                .deadline(T0.plus(Duration.ofDays(3))));
        boris.tasks().close(done.id(), Optional.of("Sent"));
        ManagerReport r = anna.analytics().managers(week);
        assertThat(r.managers()).extracting(ManagerReport.Row::name)
                .containsExactly("Anna Admin", "Boris Manager", "Vera Manager");
        ManagerReport.Row v = r.manager(veraUser.id());
        assertThat(List.of(v.openDeals(), v.tasksNew(), v.tasksOverdue(), v.tasksDone()))
                .containsExactly(2L, 1L, 1L, 0L);
        ManagerReport.Row b = r.manager(borisUser.id());
        assertThat(List.of(b.openDeals(), b.tasksNew(), b.tasksOverdue(), b.tasksDone()))
                .containsExactly(0L, 1L, 0L, 1L);
        long borisEvents = anna.events().query(dev.crmkit.core.event.EventQuery.all(),
                dev.crmkit.api.query.PageRequest.first(10_000)).items().stream()
                .filter(e -> e.author().equals(Optional.of(borisUser.id()))).count();
        assertThat(b.events()).isEqualTo(borisEvents).isGreaterThanOrEqualTo(9);
        assertThat(late.isOpen()).isTrue();
    }

    @Test
    @Tag("AN-7")
    @DisplayName("AN-7: calls per manager with totals, inbound and outbound, and a minimum duration")
    void calls() {
        RecordRef a = RecordRef.of(alpha.id());
        boris.timeline().logCall(a, NewCall.inbound("+7 901 000-00-01", "+7 495 000-00-00", clock.instant())
                .answered(Duration.ofSeconds(120)));
        boris.timeline().logCall(a, NewCall.outbound("+7 495 000-00-00", "+7 901 000-00-02", clock.instant())
                .answered(Duration.ofSeconds(30)));
        boris.timeline().logCall(a, NewCall.outbound("+7 495 000-00-00", "+7 901 000-00-03", clock.instant())
                .answered(Duration.ofSeconds(300)));
        vera.timeline().logCall(RecordRef.of(gamma.id()), NewCall.inbound("+7 901 000-00-04", "+7 495 000-00-00",
                clock.instant()).answered(Duration.ofSeconds(45)));
        CallReport all = anna.analytics().calls(week, Duration.ZERO);
        assertThat(all.calls()).isEqualTo(4);
        assertThat(all.total()).isEqualTo(Duration.ofSeconds(495));
        CallReport.Row b = all.manager(borisUser.id());
        assertThat(List.of(b.calls(), b.inbound(), b.outbound())).containsExactly(3L, 1L, 2L);
        assertThat(b.total()).isEqualTo(Duration.ofSeconds(450));
        CallReport productive = anna.analytics().calls(week, Duration.ofMinutes(1));
        assertThat(productive.managers()).extracting(CallReport.Row::name).containsExactly("Boris Manager");
        assertThat(productive.manager(borisUser.id()).total()).isEqualTo(Duration.ofSeconds(420));
        assertThat(productive.manager(borisUser.id()).outbound()).isEqualTo(1);
        failsAndChangesNothing(ValidationException.class, () -> anna.analytics().calls(week, Duration.ofSeconds(-1)));
    }

    @Test
    @Tag("AN-8")
    @DisplayName("AN-8: goals by won budget or by deals won show their progress")
    void goals() {
        List<Goal.Progress> g = anna.analytics().goals(List.of(Goal.budget(borisUser.id(), new BigDecimal("12000")),
                Goal.deals(veraUser.id(), 4), Goal.deals(borisUser.id(), 3)), week, Filter.all());
        assertThat(g.get(0).achieved()).isEqualByComparingTo("6000");
        assertThat(g.get(0).percent()).isEqualTo(exact("50"));
        assertThat(g.get(1).achieved()).isEqualByComparingTo("0");
        assertThat(g.get(1).percent()).isEqualTo(exact("0"));
        assertThat(g.get(2).percent()).isEqualTo(Figure.ratio(BigDecimal.valueOf(200), BigDecimal.valueOf(3), "x"));
        assertThat(g.get(2).name()).isEqualTo("Boris Manager");
        failsAndChangesNothing(ValidationException.class, () -> Goal.deals(borisUser.id(), 0));
    }

    @Test
    @Tag("AN-9")
    @DisplayName("AN-9: new deals by source (largest first) and by manager, and the deals won")
    void newDeals() {
        NewDealsReport r = anna.analytics().newDeals(week, Filter.all());
        assertThat(r.newDeals()).isEqualTo(4);
        assertThat(r.newSum()).isEqualTo(sumRub("10000"));
        assertThat(r.bySource()).extracting(NewDealsReport.SourceRow::source)
                .containsExactly(Optional.of(LeadSource.CALL), Optional.of(LeadSource.WEB_FORM), Optional.empty());
        assertThat(r.bySource()).extracting(NewDealsReport.SourceRow::deals).containsExactly(2L, 1L, 1L);
        assertThat(r.bySource().get(0).sum()).isEqualTo(sumRub("3000"));
        assertThat(r.byManager()).extracting(NewDealsReport.ManagerRow::name)
                .containsExactly("Boris Manager", "Vera Manager");
        assertThat(r.byManager()).extracting(NewDealsReport.ManagerRow::sum).containsExactly(sumRub("3000"), sumRub("7000"));
        assertThat(r.won()).isEqualTo(2);
        assertThat(r.wonSum()).isEqualTo(sumRub("6000"));
    }

    @Test
    @Tag("AN-11")
    @DisplayName("AN-11: the tasks closed in the period, by type")
    void tasks() {
        for (String type : List.of("Call", "Call", "Meeting", "Letter")) {
            Task t = boris.tasks().create(TaskForm.todo(type + " Alpha").on(RecordRef.of(alpha.id()))
                    .type(anna.settings().taskTypes().byName(type).orElseThrow().id())
                    .deadline(T0.plus(Duration.ofDays(1))));
            boris.tasks().close(t.id(), Optional.empty());
        }
        boris.tasks().create(TaskForm.todo("Open one").on(RecordRef.of(alpha.id())).deadline(T0.plus(Duration.ofDays(1))));
        TaskActivity a = anna.analytics().tasks(week);
        assertThat(a.closed()).isEqualTo(4);
        assertThat(a.types()).extracting(TaskActivity.Row::name).containsExactly("Call", "Letter", "Meeting");
        assertThat(a.types()).extracting(TaskActivity.Row::closed).containsExactly(2L, 1L, 1L);
        assertThat(anna.analytics().tasks(ReportPeriod.days(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 9)))
                .closed()).isZero();
    }

    @Test
    @Tag("AN-12")
    @DisplayName("AN-12: every deal report narrows to a field, here conversion per product")
    void perProduct() {
        Filter<Deal> gtx = CustomFieldQuery.<Deal>choice(product).eq("gtx");
        FunnelReport f = anna.analytics().funnel(p.id(), week, gtx);
        // Alpha and Beta: both reached First contact and Negotiation-or-later; Alpha won.
        assertThat(f.newDeals()).isEqualTo(2);
        assertThat(f.won()).isEqualTo(1);
        assertThat(f.conversionPercent()).isEqualTo(exact("50"));
        assertThat(f.stage(stage(0)).conversionPercent()).isEqualTo(exact("100"));
        assertThat(anna.analytics().summary(p.id(), week, gtx).wonSum()).isEqualTo(sumRub("1000"));
        assertThat(anna.analytics().forecast(p.id(), week, gtx).open()).isZero();
        Filter<Deal> mg = CustomFieldQuery.<Deal>choice(product).eq("mg");
        assertThat(anna.analytics().cycle(p.id(), Optional.empty(), week, mg).toWon().deals()).isEqualTo(1);
        assertThat(anna.analytics().newDeals(week, mg).newDeals()).isEqualTo(2);
    }

    @Test
    @Tag("AN-13")
    @DisplayName("AN-13: sums in several currencies convert with the admin's rates; a missing rate names the pair")
    void currencies() {
        boris.deals().create(DealForm.in(p.id()).name("Dollars").budget(Money.of("100", "USD")));
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> anna.analytics().forecast(p.id(), week));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("an.rate.missing");
            assertThat(v.messageEn()).contains("USD", "RUB");
            assertThat(v.messageRu()).contains("USD", "RUB");
        });
        ExchangeRates rates = ExchangeRates.in("RUB").rate("USD", "92.3456");
        Forecast f = anna.analytics().in(rates).forecast(p.id(), week);
        assertThat(f.openSum()).as("7000 + 100 × 92.3456").isEqualTo(sumRub("16234.56"));
        assertThat(f.weighted()).as("2300 + 9234.56 × 10 %").isEqualTo(sumRub("3223.456"));
        assertThat(f.weighted().shown(policy().presentation())).isEqualByComparingTo("3223.45");
        Forecast inUsd = anna.analytics().in(ExchangeRates.in("USD").rate("RUB", "0.0125")).forecast(p.id(), week);
        assertThat(inUsd.openSum()).isEqualTo(new Sum(Currency.getInstance("USD"), new BigDecimal("187.5")));
        failsAndChangesNothing(ValidationException.class, () -> ExchangeRates.in("RUB").rate("USD", "-1"));
        failsAndChangesNothing(ValidationException.class, () -> ExchangeRates.in("RUB").rate("RUB", "1"));
        failsAndChangesNothing(ValidationException.class, () -> ExchangeRates.in("RUB").rate("USD", "1.123456789"));
    }

    @Test
    @Tag("AN-14")
    @DisplayName("AN-14: one dashboard call returns every widget for today, yesterday, the week, the month or a range")
    void dashboard() {
        Dashboard week = anna.analytics().dashboard(ReportPeriod.thisWeek());
        assertThat(week.period().firstDay()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(week.period().lastDay()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(week.funnels()).containsExactly(anna.analytics().funnel(p.id(), this.week));
        assertThat(week.summaries()).containsExactly(anna.analytics().summary(p.id(), this.week));
        assertThat(week.forecasts()).containsExactly(anna.analytics().forecast(p.id(), this.week));
        assertThat(week.newDeals().newDeals()).isEqualTo(4);
        assertThat(anna.analytics().dashboard(ReportPeriod.today()).funnels().get(0).newDeals()).isEqualTo(4);
        assertThat(anna.analytics().dashboard(ReportPeriod.yesterday()).funnels().get(0).newDeals()).isZero();
        Dashboard month = anna.analytics().dashboard(ReportPeriod.thisMonth());
        assertThat(month.period().lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(month.funnels().get(0).won()).isEqualTo(2);
        assertThat(anna.analytics().dashboard(ReportPeriod.days(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25)))
                .funnels().get(0).newDeals()).isEqualTo(1);
        failsAndChangesNothing(ValidationException.class, () -> ReportPeriod.days(LocalDate.of(2026, 11, 8),
                LocalDate.of(2026, 11, 2)));
    }

    @Test
    @Tag("AN-2")
    @Tag("AN-6")
    @Tag("AN-7")
    @Tag("AN-11")
    @Tag("AN-14")
    @DisplayName("every report counts only what the acting user may see")
    void visibility() {
        FunnelReport seenByBoris = boris.analytics().funnel(p.id(), week);
        assertThat(seenByBoris.newDeals()).as("Delta is restricted to Vera").isEqualTo(3);
        assertThat(seenByBoris.stage(stage(1)).nowCount()).isZero();
        assertThat(vera.analytics().funnel(p.id(), week).newDeals()).isEqualTo(4);
        assertThat(boris.analytics().forecast(p.id(), week).openSum()).isEqualTo(sumRub("3000"));
        assertThat(boris.analytics().summary(p.id(), week).manager(veraUser.id()).newDeals()).isEqualTo(1);
        assertThat(boris.analytics().newDeals(week, Filter.all()).newDeals()).isEqualTo(3);
        assertThat(boris.analytics().dashboard(ReportPeriod.thisWeek()).funnels()).containsExactly(seenByBoris);
        vera.timeline().logCall(RecordRef.of(delta.id()), NewCall.outbound("+7 495 000-00-00", "+7 901 000-00-05",
                clock.instant()).answered(Duration.ofSeconds(100)));
        vera.tasks().close(vera.tasks().create(TaskForm.todo("Call Delta").on(RecordRef.of(delta.id()))
                .deadline(T0.plus(Duration.ofDays(1)))).id(), Optional.empty());
        assertThat(boris.analytics().calls(week, Duration.ZERO).calls()).as("Delta's call").isZero();
        assertThat(vera.analytics().calls(week, Duration.ZERO).calls()).isEqualTo(1);
        assertThat(boris.analytics().tasks(week).closed()).as("Delta's task").isZero();
        assertThat(vera.analytics().tasks(week).closed()).isEqualTo(1);
        assertThat(boris.analytics().managers(week).manager(veraUser.id()).openDeals()).isEqualTo(1);
        assertThat(vera.analytics().managers(week).manager(veraUser.id()).openDeals()).isEqualTo(2);
    }

    @Test
    @Tag("AN-13")
    @DisplayName("AN-13: an admin stores the rates once, every report converts with them; stale and non-admin changes are refused")
    void storedRates() {
        boris.deals().create(DealForm.in(p.id()).name("Dollars").budget(Money.of("100", "USD")));
        assertThat(anna.analytics().storedRates()).isEmpty();
        failsAndChangesNothing(AccessDeniedException.class,
                () -> boris.analytics().setRates(ExchangeRates.in("RUB").rate("USD", "92.3456"), 0));
        RateTable stored = anna.analytics().setRates(ExchangeRates.in("RUB").rate("USD", "92.3456"), 0);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(boris.analytics().forecast(p.id(), week).openSum()).as("Boris sees 3000 RUB and 100 USD")
                .isEqualTo(sumRub("12234.56"));
        assertThat(crm.as(annaUser.id()).analytics().rates()).isEqualTo(ExchangeRates.in("RUB").rate("USD", "92.3456"));
        failsAndChangesNothing(ConflictException.class,
                () -> anna.analytics().setRates(ExchangeRates.in("RUB").rate("USD", "90"), 0));
        RateTable changed = anna.analytics().setRates(ExchangeRates.in("RUB").rate("USD", "90"), stored.version());
        assertThat(changed.version()).isEqualTo(2);
        assertThat(anna.events().of(RecordRef.of(RateTable.ID))).extracting(e -> e.kind())
                .containsExactly(EventKind.CREATED, EventKind.FIELD_CHANGED);
        assertThat(anna.analytics().forecast(p.id(), week).openSum()).isEqualTo(sumRub("16000"));
        assertThat(anna.analytics().in(ExchangeRates.in("RUB")).rates().rates()).as("a call's own rates come first")
                .isEmpty();
    }

    @Test
    @Tag("AN-8")
    @DisplayName("AN-8: an admin stores goals per manager and period; progress is measured over each goal's own days")
    void storedGoals() {
        SalesGoal budget = anna.analytics().setGoal(borisUser.id(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), GoalMeasure.BUDGET, new BigDecimal("12000"));
        SalesGoal deals = anna.analytics().setGoal(veraUser.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                GoalMeasure.DEALS, BigDecimal.valueOf(2));
        anna.analytics().setGoal(borisUser.id(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
                GoalMeasure.DEALS, BigDecimal.TEN);
        List<Goal.Progress> november = boris.analytics().goalProgress(LocalDate.of(2026, 11, 2));
        assertThat(november).extracting(Goal.Progress::name).containsExactlyInAnyOrder("Boris Manager", "Vera Manager");
        Goal.Progress b = november.stream().filter(g -> g.goal().manager().equals(borisUser.id())).findFirst()
                .orElseThrow();
        assertThat(b.percent()).isEqualTo(exact("50"));
        anna.deals().win(gamma.id());
        SalesGoal raised = anna.analytics().changeGoal(budget.id(), budget.version(), new BigDecimal("6000"));
        assertThat(raised.target()).isEqualByComparingTo("6000");
        assertThat(anna.analytics().goalProgress(LocalDate.of(2026, 11, 30))).extracting(Goal.Progress::percent)
                .containsExactlyInAnyOrder(exact("100"), exact("50"));
        failsAndChangesNothing(ConflictException.class,
                () -> anna.analytics().changeGoal(budget.id(), budget.version(), BigDecimal.ONE));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.analytics().deleteGoal(deals.id(), 1));
        anna.analytics().deleteGoal(deals.id(), deals.version());
        assertThat(anna.analytics().storedGoals()).hasSize(2);
        assertThat(anna.events().of(RecordRef.of(budget.id()))).extracting(e -> e.kind() + " " + e.field().orElse(""))
                .containsExactly("CREATED ", "FIELD_CHANGED target");
        ValidationException e = failsAndChangesNothing(ValidationException.class, () -> anna.analytics().setGoal(
                new dev.crmkit.api.user.UserId(java.util.UUID.randomUUID()), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 1), GoalMeasure.DEALS, new BigDecimal("1.5")));
        assertThat(e.violations()).extracting(dev.crmkit.api.Violation::code)
                .containsExactlyInAnyOrder("goal.manager.unknown", "period.reversed", "an.goal.target");
    }
}
