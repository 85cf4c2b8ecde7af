package dev.crmkit.core.analytics;

import dev.crmkit.api.Limits;
import dev.crmkit.core.support.Violations;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The currency reports are in and the rates that convert other currencies to it (AN-13), set by an admin
 * ({@code analytics().setRates}). A rate says how much of the report currency one unit of another currency is
 * worth; conversion is exact ({@code 100 USD × 92.3456 = 9234.56 RUB}), and rounding is left to presentation.
 * Reports convert every sum they add up; a currency without a rate is a
 * {@link dev.crmkit.api.RuleViolationException} {@code an.rate.missing} naming the pair, never a silent sum.
 * Immutable and thread-safe.
 */
public final class ExchangeRates {

    private final Currency currency;
    private final Map<Currency, BigDecimal> rates;

    private ExchangeRates(Currency currency, Map<Currency, BigDecimal> rates) {
        this.currency = currency;
        this.rates = Map.copyOf(rates);
    }

    /**
     * Reports in a currency, with no rates yet.
     *
     * @param currency the report currency
     * @return the rates
     */
    public static ExchangeRates in(Currency currency) {
        return new ExchangeRates(Objects.requireNonNull(currency, "currency"), Map.of());
    }

    /**
     * Reports in a currency, by ISO 4217 code.
     *
     * @param currencyCode such as {@code RUB}
     * @return the rates
     * @throws dev.crmkit.api.ValidationException {@code money.currency.unknown} for an unknown code
     */
    public static ExchangeRates in(String currencyCode) {
        return in(dev.crmkit.api.money.Money.currency(currencyCode));
    }

    /**
     * These rates with one more, or one replaced.
     *
     * @param from the other currency
     * @param rate how much of the report currency one unit of it is worth; positive, at most
     *        {@value Limits#AMOUNT_INTEGER_DIGITS} digits before the point and {@value Limits#RATE_SCALE} after it
     * @return the new rates
     * @throws dev.crmkit.api.ValidationException listing {@code an.rate.invalid} for a rate that is not positive,
     *         too large or too precise, and {@code an.rate.self} for the report currency itself
     */
    public ExchangeRates rate(Currency from, BigDecimal rate) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(rate, "rate");
        Violations v = new Violations();
        if (rate.signum() <= 0 || Limits.integerDigits(rate) > Limits.AMOUNT_INTEGER_DIGITS
                || rate.stripTrailingZeros().scale() > Limits.RATE_SCALE) {
            v.add("rates." + from.getCurrencyCode(), "an.rate.invalid", rate.toPlainString(),
                    Limits.AMOUNT_INTEGER_DIGITS, Limits.RATE_SCALE);
        }
        if (from.equals(currency)) {
            v.add("rates." + from.getCurrencyCode(), "an.rate.self", from.getCurrencyCode());
        }
        v.throwIfAny();
        Map<Currency, BigDecimal> next = new HashMap<>(rates);
        next.put(from, rate.stripTrailingZeros());
        Violations count = new Violations().count("rates", next.size(), Limits.EXCHANGE_RATES);
        count.throwIfAny();
        return new ExchangeRates(currency, next);
    }

    /**
     * These rates with one more, by currency code and decimal text.
     *
     * @param fromCode the other currency's code
     * @param rate the rate, such as {@code 92.3456}
     * @return the new rates
     * @throws dev.crmkit.api.ValidationException as {@link #rate(Currency, BigDecimal)}, or
     *         {@code money.currency.unknown} and {@code an.rate.invalid} for text that is no currency or number
     */
    public ExchangeRates rate(String fromCode, String rate) {
        Objects.requireNonNull(fromCode, "fromCode");
        Objects.requireNonNull(rate, "rate");
        Currency from = dev.crmkit.api.money.Money.currency(fromCode);
        BigDecimal value;
        try {
            value = rate.length() > Limits.AMOUNT_INPUT ? null : new BigDecimal(rate.strip());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            new Violations().add("rates." + from.getCurrencyCode(), "an.rate.invalid",
                    rate.length() > Limits.AMOUNT_INPUT ? rate.substring(0, Limits.AMOUNT_INPUT) + "…" : rate,
                    Limits.AMOUNT_INTEGER_DIGITS, Limits.RATE_SCALE).throwIfAny();
        }
        return rate(from, value);
    }

    /**
     * The report currency.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * The rates, by currency code order.
     *
     * @return how much of the report currency one unit of each other currency is worth
     */
    public Map<Currency, BigDecimal> rates() {
        Map<Currency, BigDecimal> sorted = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        sorted.putAll(rates);
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /**
     * Sums per currency as one sum in the report currency.
     *
     * @param sums the amounts per currency
     * @return their total, exact
     * @throws dev.crmkit.api.RuleViolationException {@code an.rate.missing} listing every currency without a rate
     */
    public Sum convert(Map<Currency, BigDecimal> sums) {
        Objects.requireNonNull(sums, "sums");
        BigDecimal total = BigDecimal.ZERO;
        Violations missing = new Violations();
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(withCodes(sums.keySet(), sums)).entrySet()) {
            total = total.add(convert(missing, e.getKey(), e.getValue()));
        }
        missing.throwRuleIfAny();
        return new Sum(currency, total);
    }

    private BigDecimal convert(Violations missing, String code, BigDecimal amount) {
        Currency from = Currency.getInstance(code);
        if (from.equals(currency)) {
            return amount;
        }
        BigDecimal rate = rates.get(from);
        if (rate == null) {
            missing.add("rates." + code, "an.rate.missing", code, currency.getCurrencyCode());
            return BigDecimal.ZERO;
        }
        return amount.multiply(rate);
    }

    private static Map<String, BigDecimal> withCodes(Collection<Currency> currencies, Map<Currency, BigDecimal> sums) {
        Map<String, BigDecimal> byCode = new HashMap<>();
        for (Currency c : currencies) {
            byCode.put(c.getCurrencyCode(), sums.get(c));
        }
        return byCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExchangeRates r && currency.equals(r.currency) && rates.equals(r.rates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, rates);
    }

    @Override
    public String toString() {
        return "rates into " + currency.getCurrencyCode() + " " + rates();
    }
}
