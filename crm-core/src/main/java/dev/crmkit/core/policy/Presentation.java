package dev.crmkit.core.policy;

import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a report shows a figure (AN-1): the number of decimals and the rounding, applied only when a figure is
 * shown, never to the figures it is computed from.
 *
 * @param scale the decimals shown, 0 to 10
 * @param rounding how the last shown decimal is rounded
 */
public record Presentation(int scale, RoundingMode rounding) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a scale outside 0 to 10 or {@link RoundingMode#UNNECESSARY}
     */
    public Presentation {
        Objects.requireNonNull(rounding, "rounding");
        if (scale < 0 || scale > 10) {
            throw new IllegalArgumentException("a presentation shows 0 to 10 decimals, not " + scale);
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("a presentation rounds; UNNECESSARY would throw on 10000 / 70");
        }
    }

    /**
     * Two decimals, cut off as amoCRM shows money figures: 142.857… is shown as 142.85.
     *
     * @return the presentation
     */
    public static Presentation truncatedCents() {
        return new Presentation(2, RoundingMode.DOWN);
    }

    /**
     * Two decimals, rounded half up: 142.857… is shown as 142.86.
     *
     * @return the presentation
     */
    public static Presentation roundedCents() {
        return new Presentation(2, RoundingMode.HALF_UP);
    }
}
