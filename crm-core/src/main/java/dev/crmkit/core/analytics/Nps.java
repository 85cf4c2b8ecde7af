package dev.crmkit.core.analytics;

import dev.crmkit.api.ValidationException;
import dev.crmkit.core.support.CoreMessages;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * Net promoter score (AN-10) from answers 0 to 10: the percentage of promoters (9 and 10) minus the percentage
 * of detractors (0 to 6), from -100 to 100. Without answers it is undefined ({@code an.no_answers}).
 *
 * @param promoters the answers of 9 or 10
 * @param passives the answers of 7 or 8
 * @param detractors the answers of 0 to 6
 * @param score the score, an exact figure
 */
public record Nps(long promoters, long passives, long detractors, Figure score) {

    /** Rejects a null score. */
    public Nps {
        Objects.requireNonNull(score, "score");
    }

    /**
     * Scores answers.
     *
     * @param answers the answers, each 0 to 10
     * @return the score
     * @throws ValidationException {@code an.nps.range} for an answer outside 0 to 10 (path {@code answers[i]})
     */
    public static Nps of(Collection<Integer> answers) {
        Objects.requireNonNull(answers, "answers");
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        int i = 0;
        for (Integer a : answers) {
            Objects.requireNonNull(a, "answers[]");
            if (a < 0 || a > 10) {
                throw ValidationException.of(CoreMessages.violation("answers[" + i + "]", "an.nps.range", a));
            }
            if (a >= 9) {
                promoters++;
            } else if (a >= 7) {
                passives++;
            } else {
                detractors++;
            }
            i++;
        }
        long all = promoters + passives + detractors;
        return new Nps(promoters, passives, detractors, Figure.ratio(BigDecimal.valueOf(promoters - detractors),
                BigDecimal.valueOf(all), "an.no_answers").times(BigDecimal.valueOf(100)));
    }
}
