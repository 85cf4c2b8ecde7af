package dev.crmkit.core.analytics;

import dev.crmkit.core.policy.Presentation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure of a report (AN-1, AN-10): an exact quotient of two decimals, or undefined with the reason (no
 * clicks, no leads, no answers) — never an exception, NaN or infinity. The quotient is kept as it is, so
 * {@code 10000 / 70} stays exact; it becomes a decimal only when asked for, at a precision or through a
 * {@link Presentation}. Immutable and thread-safe; two figures are equal when they are the same number (or
 * both undefined for the same reason).
 */
public final class Figure implements Comparable<Figure> {

    private final BigDecimal dividend;
    private final BigDecimal divisor;
    private final String undefinedBecause;

    private Figure(BigDecimal dividend, BigDecimal divisor, String undefinedBecause) {
        this.dividend = dividend;
        this.divisor = divisor;
        this.undefinedBecause = undefinedBecause;
    }

    /**
     * A quotient, undefined when the divisor is zero.
     *
     * @param dividend the dividend
     * @param divisor the divisor
     * @param whenZero the reason the figure is undefined when the divisor is zero, a stable code such as
     *        {@code an.no_clicks}
     * @return the figure
     */
    public static Figure ratio(BigDecimal dividend, BigDecimal divisor, String whenZero) {
        Objects.requireNonNull(dividend, "dividend");
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(whenZero, "whenZero");
        if (divisor.signum() == 0) {
            return new Figure(null, null, whenZero);
        }
        return divisor.signum() < 0 ? new Figure(dividend.negate(), divisor.negate(), null)
                : new Figure(dividend, divisor, null);
    }

    /**
     * An exact decimal.
     *
     * @param value the value
     * @return the figure
     */
    public static Figure of(BigDecimal value) {
        return new Figure(Objects.requireNonNull(value, "value"), BigDecimal.ONE, null);
    }

    /**
     * This figure times a decimal, such as 100 for a percentage.
     *
     * @param factor the factor
     * @return the product, undefined when this is
     */
    public Figure times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return defined() ? new Figure(dividend.multiply(factor), divisor, null) : this;
    }

    /**
     * Whether the figure has a value.
     *
     * @return false when it is undefined
     */
    public boolean defined() {
        return undefinedBecause == null;
    }

    /**
     * Why the figure has no value.
     *
     * @return the reason's code, empty when it is defined
     */
    public Optional<String> undefinedBecause() {
        return Optional.ofNullable(undefinedBecause);
    }

    /**
     * The value at a precision.
     *
     * @param precision the precision, such as {@link MathContext#DECIMAL128}
     * @return the value, empty when undefined
     */
    public Optional<BigDecimal> value(MathContext precision) {
        Objects.requireNonNull(precision, "precision");
        return defined() ? Optional.of(dividend.divide(divisor, precision)) : Optional.empty();
    }

    /**
     * The value as a report shows it: rounded by the presentation, to its scale, from the exact quotient.
     *
     * @param presentation how figures are shown, such as the policy's
     * @return the value, empty when undefined
     */
    public Optional<BigDecimal> shown(Presentation presentation) {
        Objects.requireNonNull(presentation, "presentation");
        return defined() ? Optional.of(dividend.divide(divisor, presentation.scale(), presentation.rounding()))
                : Optional.empty();
    }

    @Override
    public int compareTo(Figure other) {
        if (!defined() || !other.defined()) {
            return Boolean.compare(other.defined(), defined());
        }
        return dividend.multiply(other.divisor).compareTo(other.dividend.multiply(divisor));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Figure)) {
            return false;
        }
        Figure f = (Figure) o;
        if (!defined() || !f.defined()) {
            return Objects.equals(undefinedBecause, f.undefinedBecause);
        }
        return compareTo(f) == 0;
    }

    @Override
    public int hashCode() {
        return defined() ? dividend.divide(divisor, MathContext.DECIMAL64).stripTrailingZeros().hashCode()
                : undefinedBecause.hashCode();
    }

    @Override
    public String toString() {
        return defined() ? dividend.toPlainString() + "/" + divisor.toPlainString() : "undefined (" + undefinedBecause + ")";
    }
}
