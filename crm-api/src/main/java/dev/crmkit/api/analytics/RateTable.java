package dev.crmkit.api.analytics;

import dev.crmkit.api.Entity;
import dev.crmkit.api.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The exchange rates an admin set for reports (AN-13): the report currency and, for each other currency, how much
 * of the report currency one unit of it is worth. There is one table, under {@link #ID}.
 *
 * @param id always {@link #ID}
 * @param version the version, from 1
 * @param created when the rates were first set
 * @param updated when they last changed
 * @param currency the report currency
 * @param rates the rates, one per other currency, sorted by currency code
 */
public record RateTable(RateTableId id, long version, Instant created, Instant updated, Currency currency,
                        List<Rate> rates) implements Entity<RateTableId> {

    /** The id of the one rate table. */
    public static final RateTableId ID = new RateTableId(new UUID(0L, 1L));

    /** Checks the invariants and sorts the rates. */
    public RateTable {
        Checks.present("id, created, updated, currency, rates", id, created, updated, currency, rates);
        Checks.version(version);
        Set<Currency> seen = new HashSet<>();
        for (Rate r : rates) {
            if (Objects.requireNonNull(r, "rates[]").currency().equals(currency) || !seen.add(r.currency())) {
                throw new IllegalArgumentException("a rate per other currency, once: " + r.currency());
            }
        }
        rates = rates.stream().sorted(Comparator.comparing(r -> r.currency().getCurrencyCode())).toList();
    }

    @Override
    public RateTable revised(Instant at) {
        return new RateTable(id, version + 1, created, at, currency, rates);
    }

    /**
     * One rate.
     *
     * @param currency the other currency
     * @param rate how much of the report currency one unit of it is worth; positive
     */
    public record Rate(Currency currency, BigDecimal rate) {

        /** Rejects nulls and a rate that is not positive; strips trailing zeros. */
        public Rate {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(rate, "rate");
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("a rate must be positive, was " + rate);
            }
            rate = rate.stripTrailingZeros();
        }
    }
}
