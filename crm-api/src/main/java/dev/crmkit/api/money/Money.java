package dev.crmkit.api.money;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
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
 * <p>Amounts are bounded ({@link Limits#AMOUNT_INTEGER_DIGITS} digits before the decimal point, at most
 * {@link Limits#AMOUNT_SCALE} decimals and never more than the currency's), so every adapter stores them
 * exactly. The bounds are checked before the amount is rescaled, so {@code 1E+999999999} is a violation,
 * not an {@code ArithmeticException} or an exhausted heap; sums and products beyond them are violations too.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /**
     * Checks the bounds and normalizes the amount to the currency's scale.
     *
     * @throws ValidationException listing {@code money.amount.too_large} (more than
     *         {@link Limits#AMOUNT_INTEGER_DIGITS} digits before the decimal point) and
     *         {@code money.amount.scale} (more decimals than the currency or {@link Limits#AMOUNT_SCALE} allow)
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = normalize(amount, currency, null);
    }

    /**
     * Money from a decimal amount and a currency code.
     *
     * @param amount a decimal such as {@code 15000.00}, at most {@link Limits#AMOUNT_INPUT} characters
     * @param currencyCode an ISO 4217 code such as {@code RUB}
     * @return the money
     * @throws NullPointerException if either argument is null
     * @throws ValidationException listing every problem: {@code text.too_long} (checked before parsing),
     *         {@code money.amount.invalid}, {@code money.currency.unknown}, {@code money.amount.too_large},
     *         {@code money.amount.scale}
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        List<Violation> violations = new ArrayList<>();
        BigDecimal value = null;
        if (amount.length() > Limits.AMOUNT_INPUT) {
            violations.add(Violation.of("amount", "text.too_long", Limits.AMOUNT_INPUT, Text.length(amount)));
        } else {
            try {
                value = new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                violations.add(Violation.of("amount", "money.amount.invalid", Text.excerpt(amount.strip())));
            }
        }
        Currency currency = null;
        try {
            currency = currency(currencyCode);
        } catch (ValidationException e) {
            e.violations().forEach(v -> violations.add(v.under("currency")));
        }
        if (value != null && currency != null) {
            try {
                value = normalize(value, currency, amount.strip());
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        } else if (value != null && Limits.integerDigits(value) > Limits.AMOUNT_INTEGER_DIGITS) {
            violations.add(Violation.of("amount", "money.amount.too_large", Text.excerpt(amount.strip()),
                    Limits.AMOUNT_INTEGER_DIGITS));
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
     * @throws ValidationException {@code money.currency.unknown}, {@code money.amount.too_large} or
     *         {@code money.amount.scale}
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
     * @throws ValidationException {@code money.amount.too_large} or {@code money.amount.scale}
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
        Objects.requireNonNull(code, "code");
        String text = code.strip();
        try {
            if (text.length() == 3) {
                return Currency.getInstance(text.toUpperCase(java.util.Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ValidationException.of(Violation.of("", "money.currency.unknown", Text.excerpt(code)));
    }

    /**
     * The sum of this and another amount of the same currency.
     *
     * @param other an amount of the same currency
     * @return the sum
     * @throws ValidationException {@code money.currency.mismatch} when the currencies differ,
     *         {@code money.amount.too_large} when the sum exceeds the bounds
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
     * @throws ValidationException {@code money.currency.mismatch} when the currencies differ,
     *         {@code money.amount.too_large} when the difference exceeds the bounds
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * This amount times a factor, rounded half-even to the currency's scale, or to
     * {@link Limits#AMOUNT_SCALE} for a currency without decimals of its own (for quantities and rates;
     * the one place money is rounded outside presentation). The bounds are checked before the product is
     * computed, so a factor such as {@code 1E+999999999} is a violation, never an exhausted heap.
     *
     * @param factor the factor
     * @return the product
     * @throws ValidationException {@code money.amount.too_large} when the product exceeds
     *         {@link Limits#AMOUNT_INTEGER_DIGITS} digits before the decimal point
     */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        int scale = allowedScale(currency);
        if (amount.signum() == 0 || factor.signum() == 0) {
            return new Money(BigDecimal.ZERO, currency);
        }
        // |x| < 10^(precision - scale) for any x, so these exponents bound the product without computing it.
        long exponent = (long) amount.precision() - amount.scale() + (long) factor.precision() - factor.scale();
        if (exponent - 1 > Limits.AMOUNT_INTEGER_DIGITS) {
            throw tooLarge(Text.excerpt(amount) + " × " + Text.excerpt(factor));
        }
        if (exponent < -(long) scale - 1) {
            // Below half of the smallest unit: rounds to zero.
            return new Money(BigDecimal.ZERO, currency);
        }
        BigDecimal product = amount.multiply(factor).setScale(scale, RoundingMode.HALF_EVEN);
        return new Money(currency.getDefaultFractionDigits() < 0 ? product.stripTrailingZeros() : product, currency);
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

    /** The most decimals an amount of a currency may have: its own, within the bound of {@link Limits}. */
    private static int allowedScale(Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        return scale < 0 ? Limits.AMOUNT_SCALE : Math.min(scale, Limits.AMOUNT_SCALE);
    }

    private static ValidationException tooLarge(String quoted) {
        return ValidationException.of(Violation.of("amount", "money.amount.too_large", quoted,
                Limits.AMOUNT_INTEGER_DIGITS));
    }

    /**
     * Checks the bounds, then rescales: the bounds are checked on precision and scale alone, so no huge
     * exponent is ever expanded.
     *
     * @param written the amount as the user wrote it, quoted in a violation; null to quote the number
     */
    private static BigDecimal normalize(BigDecimal amount, Currency currency, String written) {
        int scale = allowedScale(currency);
        List<Violation> violations = new ArrayList<>(1);
        boolean tooLarge = Limits.integerDigits(amount) > Limits.AMOUNT_INTEGER_DIGITS;
        boolean tooPrecise = !Limits.hasAtMostDecimals(amount, scale);
        if (tooLarge || tooPrecise) {
            String quoted = written == null ? Text.excerpt(amount) : Text.excerpt(written);
            if (tooLarge) {
                violations.add(Violation.of("amount", "money.amount.too_large", quoted, Limits.AMOUNT_INTEGER_DIGITS));
            }
            if (tooPrecise) {
                violations.add(Violation.of("amount", "money.amount.scale", quoted, currency.getCurrencyCode(), scale));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        BigDecimal exact = amount.signum() == 0 ? BigDecimal.ZERO.setScale(scale)
                : amount.setScale(scale, RoundingMode.UNNECESSARY);
        return currency.getDefaultFractionDigits() < 0 ? exact.stripTrailingZeros() : exact;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
