package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.core.analytics.PortableAnalytics;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.spi.AnalyticsQueries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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

    @Test
    @Tag("AN-2")
    @Tag("AN-3")
    @Tag("AN-4")
    @Tag("AN-5")
    @DisplayName("the adapter's funnel, cycle, summary and forecast facts equal the portable ones")
    void nativeFactsEqualPortable() {
        boolean offered = storage.inTransaction(tx -> tx.analytics().isPresent());
        Assumptions.assumeTrue(offered, "the adapter has no AnalyticsQueries; its reports are the portable ones");
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
}
