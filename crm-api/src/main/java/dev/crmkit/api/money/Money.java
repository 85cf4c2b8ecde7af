package dev.crmkit.api.money;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of one currency (ISO 4217).
 *
 * <p>The amount is kept at the currency's scale ({@code 15000} RUB is {@code 15000.00}), so equal sums
 * are equal values. An amount with more decimals than the currency allows is rejected rather than
 * rounded; arithmetic across two currencies is an error, never a silent sum.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /**
     * Checks the scale and normalizes the amount to the currency's scale.
     *
     * @throws ValidationException {@code money.amount.scale} when the amount has more decimals than the currency allows
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = normalize(amount, currency);
    }

    /**
     * Money from a decimal amount and a currency code.
     *
     * @param amount a plain decimal such as {@code 15000.00}
     * @param currencyCode an ISO 4217 code such as {@code RUB}
     * @return the money
     * @throws ValidationException listing every problem: {@code money.amount.invalid},
     *         {@code money.currency.unknown}, {@code money.amount.scale}
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        List<Violation> violations = new ArrayList<>();
        BigDecimal value = null;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            violations.add(Violation.of("amount", "money.amount.invalid", amount));
        }
        Currency currency = null;
        try {
            currency = currency(currencyCode);
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Money(value, currency);
    }

    /**
     * Money from an amount and a currency code.
     *
     * @param amount the amount
     * @param currencyCode an ISO 4217 code
     * @return the money
     * @throws ValidationException {@code money.currency.unknown} or {@code money.amount.scale}
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Money from an amount and a currency.
     *
     * @param amount the amount
     * @param currency the currency
     * @return the money
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Zero of a currency.
     *
     * @param currency the currency
     * @return zero at the currency's scale
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Looks up an ISO 4217 currency.
     *
     * @param code the code, such as {@code USD}
     * @return the currency
     * @throws ValidationException {@code money.currency.unknown} for an unknown code
     */
    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(Violation.of("currency", "money.currency.unknown", code));
        }
    }

    /**
     * The sum of this and another amount of the same currency.
     *
     * @param other an amount of the same currency
     * @return the sum
     * @throws ValidationException {@code money.currency.mismatch} when the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * The difference of this and another amount of the same currency.
     *
     * @param other an amount of the same currency
     * @return the difference
     * @throws ValidationException {@code money.currency.mismatch} when the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * This amount times a factor, rounded half-even to the currency's scale (for quantities and rates;
     * the one place money is rounded outside presentation).
     *
     * @param factor the factor
     * @return the product
     */
    public Money times(BigDecimal factor) {
        BigDecimal product = amount.multiply(factor);
        int scale = currency.getDefaultFractionDigits();
        return new Money(scale < 0 ? product : product.setScale(scale, RoundingMode.HALF_EVEN), currency);
    }

    /**
     * Whether the amount is below zero.
     *
     * @return true for a negative amount
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Compares with another amount of the same currency.
     *
     * @param other an amount of the same currency
     * @return negative, zero or positive
     * @throws ValidationException {@code money.currency.mismatch} when the currencies differ
     */
    public int compareAmount(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw ValidationException.of(Violation.of("currency", "money.currency.mismatch",
                    currency.getCurrencyCode(), other.currency.getCurrencyCode()));
        }
    }

    private static BigDecimal normalize(BigDecimal amount, Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        if (scale < 0) {
            return amount.stripTrailingZeros();
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw ValidationException.of(Violation.of("amount", "money.amount.scale",
                    amount.toPlainString(), currency.getCurrencyCode(), scale));
        }
        return stripped.setScale(scale, RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
