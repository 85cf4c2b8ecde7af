package dev.crmkit.api.money;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A percentage from 0 to 100 inclusive, exact (stage probabilities, discounts, rates).
 *
 * @param value the percentage, 0 to 100
 */
public record Percent(BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Rejects values outside 0–100.
     *
     * @throws ValidationException {@code percent.range}
     */
    public Percent {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw ValidationException.of(Violation.of("", "percent.range", value.toPlainString()));
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /**
     * A whole percentage.
     *
     * @param value 0 to 100
     * @return the percent
     * @throws ValidationException {@code percent.range}
     */
    public static Percent of(int value) {
        return new Percent(BigDecimal.valueOf(value));
    }

    /**
     * A decimal percentage.
     *
     * @param value 0 to 100
     * @return the percent
     * @throws ValidationException {@code percent.range}
     */
    public static Percent of(BigDecimal value) {
        return new Percent(value);
    }

    /**
     * The share this percentage stands for, from 0 to 1 (exact: a division by 100).
     *
     * @return value / 100
     */
    public BigDecimal fraction() {
        return value.divide(HUNDRED, MathContext.DECIMAL128);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " %";
    }
}
