package dev.crmkit.spi;

import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.RateTableId;

/** The exchange rates of reports (AN-13): one table, under {@link RateTable#ID}. */
public interface RateTables extends Store<RateTableId, RateTable> {
}
