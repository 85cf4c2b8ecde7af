package dev.crmkit.api.money;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A percentage from 0 to 100 inclusive, exact, with at most {@link Limits#PERCENT_SCALE} decimals (stage
 * probabilities, discounts, rates). Trailing zeros are dropped, so {@code 50.0} and {@code 50} are one value.
 *
 * @param value the percentage, 0 to 100
 */
public record Percent(BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Rejects values outside 0–100 and values with too many decimals, both checked before the value is
     * rescaled (so {@code 1E-999999999} is a violation, never an exhausted heap).
     *
     * @throws ValidationException listing {@code percent.range} and {@code percent.scale}
     */
    public Percent {
        Objects.requireNonNull(value, "value");
        List<Violation> violations = new ArrayList<>(1);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            violations.add(Violation.of("", "percent.range", Text.excerpt(value)));
        }
        if (!Limits.hasAtMostDecimals(value, Limits.PERCENT_SCALE)) {
            violations.add(Violation.of("", "percent.scale", Text.excerpt(value), Limits.PERCENT_SCALE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        value = value.signum() == 0 ? BigDecimal.ZERO
                : value.setScale(Limits.PERCENT_SCALE, RoundingMode.UNNECESSARY).stripTrailingZeros();
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
     * @param value 0 to 100, at most {@link Limits#PERCENT_SCALE} decimals
     * @return the percent
     * @throws ValidationException {@code percent.range}, {@code percent.scale}
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
