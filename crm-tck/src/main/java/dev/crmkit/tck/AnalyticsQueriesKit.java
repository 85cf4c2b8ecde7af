package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.analytics.PortableAnalytics;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.spi.AnalyticsQueries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An adapter's own {@link AnalyticsQueries} (an optional capability) against crm-core's portable facts on the
 * {@linkplain AnalyticsFixture week of sales}: for several periods and deal selections, every fact must be
 * identical. An adapter without the capability skips this group: its reports are the portable ones.
 */
abstract class AnalyticsQueriesKit extends AnalyticsFixture {

    /** Skips a test when the adapter has no {@link AnalyticsQueries}: its reports are the portable ones. */
    private void requireOwnFacts() {
        boolean offered = storage.inTransaction(tx -> tx.analytics().isPresent());
        Assumptions.assumeTrue(offered, "the adapter has no AnalyticsQueries; its reports are the portable ones");
    }

    @Test
    @Tag("AN-2")
    @Tag("AN-3")
    @Tag("AN-4")
    @Tag("AN-5")
    @DisplayName("the adapter's funnel, cycle, summary and forecast facts equal the portable ones")
    void nativeFactsEqualPortable() {
        requireOwnFacts();
        List<ReportPeriod.Range> periods = List.of(week.resolve(clock.instant(), ZoneOffset.UTC),
                ReportPeriod.days(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30))
                        .resolve(clock.instant(), ZoneOffset.UTC),
                ReportPeriod.days(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 20))
                        .resolve(clock.instant(), ZoneOffset.UTC),
                ReportPeriod.today().resolve(clock.instant().plusSeconds(86_400 * 30), ZoneOffset.UTC));
        Filter<Deal> inPipeline = DealFields.PIPELINE.eq(p.id());
        List<Filter<Deal>> selections = List.of(inPipeline,
                Filter.and(inPipeline, CustomFieldQuery.<Deal>choice(product).eq("gtx")),
                new Filter.Within<>(Filter.or(Filter.not(DealFields.RESTRICTED_TO.present()),
                        DealFields.RESPONSIBLE.eq(borisUser.id())), inPipeline));
        storage.run(tx -> {
            AnalyticsQueries own = tx.analytics().orElseThrow();
            PortableAnalytics portable = PortableAnalytics.over(tx);
            for (ReportPeriod.Range r : periods) {
                for (Filter<Deal> deals : selections) {
                    String where = r + " " + deals;
                    assertThat(own.funnel(p, deals, r.from(), r.to())).as(where)
                            .isEqualTo(portable.funnel(p, deals, r.from(), r.to()));
                    for (Optional<dev.crmkit.api.deal.StageId> start : List.of(Optional.<dev.crmkit.api.deal.StageId>empty(),
                            Optional.of(stage(1)))) {
                        assertThat(own.cycle(p, deals, r.from(), r.to(), start)).as(where)
                                .isEqualTo(portable.cycle(p, deals, r.from(), r.to(), start));
                    }
                    AnalyticsQueries.SummaryFacts mine = own.summary(p, deals, r.from(), r.to());
                    AnalyticsQueries.SummaryFacts theirs = portable.summary(p, deals, r.from(), r.to());
                    assertThat(mine.managers()).as(where).containsExactlyInAnyOrderElementsOf(theirs.managers());
                    assertThat(mine.stages()).as(where).isEqualTo(theirs.stages());
                    assertThat(own.forecast(p, deals, r.firstDay(), r.lastDay())).as(where)
                            .isEqualTo(portable.forecast(p, deals, r.firstDay(), r.lastDay()));
                }
            }
        });
    }

    @Test
    @Tag("AN-2")
    @Tag("AN-4")
    @Tag("AN-5")
    @DisplayName("on seeded random histories, the adapter's facts equal the portable ones for random periods and selections")
    void randomHistoriesAgree() {
        requireOwnFacts();
        Pipeline other = anna.pipelines().create(NewPipeline.named("Service").stage("Call", 20).stage("Visit", 60));
        List<CrmSession> who = List.of(anna, boris, vera);
        List<Deal> deals = new ArrayList<>();
        for (long seed : new long[] {11, 12, 13}) {
            Random random = new Random(seed);
            Instant start = clock.instant();
            for (int i = 0; i < 25; i++) {
                Pipeline in = random.nextInt(4) == 0 ? other : p;
                DealForm form = DealForm.in(in.id()).name("Deal " + seed + "-" + i)
                        .stage(in.stages().get(random.nextInt(in.stages().size() - 2)).id())
                        .responsible(who.get(random.nextInt(3)).me().id());
                switch (random.nextInt(4)) {
                    case 0 -> form.budget(Money.of(BigDecimal.valueOf(random.nextInt(100_000), 2), "USD"));
                    case 1 -> { }
                    default -> form.budget(Money.of(BigDecimal.valueOf(random.nextInt(1_000_000), 2), "RUB"));
                }
                if (random.nextBoolean()) {
                    form.customField(product, random.nextBoolean() ? "gtx" : "mg");
                }
                if (random.nextInt(5) == 0) {
                    form.restrictedTo(List.of(veraUser.id()));
                }
                deals.add(anna.deals().create(form));
            }
            for (int step = 0; step < 150; step++) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
                dev.crmkit.api.deal.DealId id = deals.get(random.nextInt(deals.size())).id();
                Deal d = storage.inTransaction(tx -> tx.deals().find(id)).orElse(null);
                if (d == null) {
                    continue;
                }
                Pipeline in = anna.pipelines().get(d.pipeline());
                try {
                    switch (random.nextInt(10)) {
                        case 0 -> anna.deals().win(d.id());
                        case 1 -> anna.deals().lose(d.id(), reason("Too expensive").id());
                        case 2 -> anna.deals().moveToPipeline(d.id(), in.id().equals(p.id()) ? other.id() : p.id(),
                                Optional.empty());
                        case 3 -> anna.deals().backfill(d.id(), random.nextBoolean() ? Optional.empty()
                                        : Optional.of(in.stages().get(0).id()),
                                in.stages().get(random.nextInt(in.stages().size())).id(),
                                start.minus(Duration.ofHours(random.nextInt(2000))));
                        case 4 -> {
                            if (random.nextInt(4) == 0) {
                                anna.deals().delete(d.id(), d.version());
                            }
                        }
                        default -> anna.deals().move(d.id(),
                                in.stages().get(random.nextInt(in.stages().size() - 2)).id());
                    }
                } catch (RuleViolationException e) {
                    // A move the rules refuse (a Lost deal reopened where the policy says no, say): no transition.
                }
            }
            Instant end = clock.instant();
            List<Filter<Deal>> selections = List.of(DealFields.PIPELINE.eq(p.id()), DealFields.PIPELINE.eq(other.id()),
                    Filter.and(DealFields.PIPELINE.eq(p.id()), CustomFieldQuery.<Deal>choice(product).eq("mg")),
                    new Filter.Within<>(Filter.or(Filter.not(DealFields.RESTRICTED_TO.present()),
                            DealFields.RESPONSIBLE.eq(borisUser.id())), DealFields.PIPELINE.eq(p.id())));
            long span = Duration.between(start.minus(Duration.ofDays(90)), end).toMinutes();
            storage.run(tx -> {
                AnalyticsQueries own = tx.analytics().orElseThrow();
                PortableAnalytics portable = PortableAnalytics.over(tx);
                AnalyticsQueries.FunnelFacts whole = portable.funnel(p, DealFields.PIPELINE.eq(p.id()),
                        start.minus(Duration.ofDays(90)), end);
                assertThat(whole.won()).as("the history wins deals").isPositive();
                assertThat(whole.stages().get(whole.stages().size() - 1).reached()).as("and loses some").isPositive();
                assertThat(portable.funnel(other, DealFields.PIPELINE.eq(other.id()), start.minus(Duration.ofDays(90)),
                        end).newDeals()).as("and moves some to the other pipeline").isPositive();
                for (int k = 0; k < 4; k++) {
                    Instant from = start.minus(Duration.ofDays(90)).plus(Duration.ofMinutes(random.nextInt((int) span)));
                    Instant to = from.plus(Duration.ofMinutes(random.nextInt((int) span)));
                    for (Pipeline in : List.of(p, other)) {
                        for (Filter<Deal> f : selections) {
                            Filter<Deal> sel = Filter.and(f, DealFields.PIPELINE.eq(in.id()));
                            String where = "seed " + seed + ", " + in.name() + ", [" + from + ", " + to + "), " + f;
                            assertThat(own.funnel(in, sel, from, to)).as(where)
                                    .isEqualTo(portable.funnel(in, sel, from, to));
                            assertThat(own.cycle(in, sel, from, to, Optional.of(in.stages().get(1).id()))).as(where)
                                    .isEqualTo(portable.cycle(in, sel, from, to, Optional.of(in.stages().get(1).id())));
                            assertThat(own.cycle(in, sel, from, to, Optional.empty())).as(where)
                                    .isEqualTo(portable.cycle(in, sel, from, to, Optional.empty()));
                            assertThat(own.summary(in, sel, from, to).managers()).as(where)
                                    .containsExactlyInAnyOrderElementsOf(portable.summary(in, sel, from, to).managers());
                            LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
                            assertThat(own.forecast(in, sel, day, day.plusDays(30))).as(where)
                                    .isEqualTo(portable.forecast(in, sel, day, day.plusDays(30)));
                        }
                    }
                }
            });
        }
    }
}
