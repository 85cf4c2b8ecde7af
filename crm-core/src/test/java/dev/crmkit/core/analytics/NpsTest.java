package dev.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.ValidationException;
import dev.crmkit.core.policy.Presentation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("AN-10 net promoter score")
class NpsTest {

    @Test
    @Tag("AN-10")
    @DisplayName("% promoters (9–10) minus % detractors (0–6): 5 promoters, 3 passives, 4 detractors of 12 → 8.33")
    void score() {
        Nps nps = Nps.of(List.of(10, 9, 9, 10, 9, 7, 8, 8, 0, 6, 5, 3));
        assertThat(nps.promoters()).isEqualTo(5);
        assertThat(nps.passives()).isEqualTo(3);
        assertThat(nps.detractors()).isEqualTo(4);
        assertThat(nps.score()).isEqualTo(Figure.ratio(BigDecimal.valueOf(100), BigDecimal.valueOf(12), "x"));
        assertThat(nps.score().shown(Presentation.roundedCents())).contains(new BigDecimal("8.33"));
        assertThat(Nps.of(List.of(10, 10)).score()).isEqualTo(Figure.of(BigDecimal.valueOf(100)));
        assertThat(Nps.of(List.of(0, 6, 7)).score().shown(Presentation.truncatedCents())).contains(new BigDecimal("-66.66"));
        assertThat(Nps.of(List.of(7, 8)).score()).isEqualTo(Figure.of(BigDecimal.ZERO));
    }

    @Test
    @Tag("AN-10")
    @DisplayName("no answers give an undefined score; an answer outside 0–10 is refused naming it")
    void edges() {
        assertThat(Nps.of(List.of()).score().undefinedBecause()).contains("an.no_answers");
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Nps.of(List.of(5, 11)));
        assertThat(e.codes()).containsExactly("an.nps.range");
        assertThat(e.violations().get(0).path()).isEqualTo("answers[1]");
    }
}
