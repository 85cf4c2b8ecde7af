package dev.crmkit.api.deal;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.money.Percent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A stage of a pipeline with its success probability (DEAL-2).
 *
 * @param id the stage's id
 * @param name the stage's name, normalized, never blank
 * @param kind open, Won or Lost
 * @param probability the chance that a deal at this stage is won, used by forecasts
 */
public record Stage(StageId id, String name, StageKind kind, Percent probability) {

    /**
     * Rejects nulls, normalizes the name and checks it by the rules of {@link Text} (one line, at most
     * {@value Limits#NAME} code points, something visible).
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException {@code stage.name.blank}, or the {@code text.*} codes of {@link Text#check}
     *         (path {@code name})
     */
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(probability, "probability");
        name = Text.normalize(name);
        List<Violation> violations = new ArrayList<>(0);
        if (Text.isBlank(name)) {
            violations.add(Violation.of("name", "stage.name.blank"));
        }
        violations.addAll(Text.check("name", name, Limits.NAME, false));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Whether deals at this stage are closed (Won or Lost).
     *
     * @return true for Won and Lost
     */
    public boolean isClosed() {
        return kind != StageKind.OPEN;
    }

    /**
     * Checks that stages form a valid pipeline: at least one open stage, then exactly one Won and one
     * Lost stage as the last two; ids and names (ignoring case) unique.
     *
     * @param stages the stages in order
     * @throws ValidationException listing every problem ({@code pipeline.stages.closing},
     *         {@code pipeline.stages.open}, {@code pipeline.stages.duplicate})
     */
    public static void checkOrder(List<Stage> stages) {
        List<Violation> violations = new ArrayList<>();
        int n = stages.size();
        if (n < 3 || stages.get(n - 2).kind() != StageKind.WON || stages.get(n - 1).kind() != StageKind.LOST) {
            violations.add(Violation.of("stages", "pipeline.stages.closing"));
        }
        for (int i = 0; i < n - 2; i++) {
            if (stages.get(i).kind() != StageKind.OPEN) {
                violations.add(Violation.of("stages[" + i + "]", "pipeline.stages.closing"));
            }
        }
        if (n < 3) {
            violations.add(Violation.of("stages", "pipeline.stages.open"));
        }
        Set<StageId> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Stage s = stages.get(i);
            if (!ids.add(s.id()) || !names.add(s.name().strip().toLowerCase(Locale.ROOT))) {
                violations.add(Violation.of("stages[" + i + "]", "pipeline.stages.duplicate", s.name()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
