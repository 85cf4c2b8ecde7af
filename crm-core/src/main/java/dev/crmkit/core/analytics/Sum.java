package dev.crmkit.core.analytics;

import dev.crmkit.core.policy.Presentation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in a report (AN-3, AN-5, AN-13): sums and weighted sums keep every decimal, so a
 * sum converted at a rate of 92.3456 is not rounded until it is shown ({@link #shown}). Unlike
 * {@link dev.crmkit.api.money.Money} it has no bound on digits or scale. Two sums are equal when they are the same
 * amount in the same currency, whatever the scale.
 *
 * @param currency the currency
 * @param amount the amount, kept without trailing zeros
 */
public record Sum(Currency currency, BigDecimal amount) {

    /** Rejects nulls and strips trailing zeros. */
    public Sum {
        Objects.requireNonNull(currency, "currency");
        amount = Objects.requireNonNull(amount, "amount").stripTrailingZeros();
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return the sum
     */
    public static Sum zero(Currency currency) {
        return new Sum(currency, BigDecimal.ZERO);
    }

    /**
     * This sum plus another in the same currency.
     *
     * @param other the other sum
     * @return the total
     * @throws IllegalArgumentException for another currency
     */
    public Sum plus(Sum other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Sum(currency, amount.add(other.amount));
    }

    /**
     * The amount as a report shows it.
     *
     * @param presentation the decimals and rounding
     * @return the rounded amount
     */
    public BigDecimal shown(Presentation presentation) {
        return amount.setScale(presentation.scale(), presentation.rounding());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
