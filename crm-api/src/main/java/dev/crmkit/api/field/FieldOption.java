package dev.crmkit.api.field;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One option of a list or multi-list custom field (DEAL-3): a stable key that values store
 * ({@link FieldValue.Choice#option()}) and a label people see, which may be renamed without touching values.
 *
 * @param key the key: a code of at most {@value Limits#CODE} code points, no invisible characters inside
 * @param label the label: at most {@value Limits#NAME} code points, one line, not blank
 */
public record FieldOption(String key, String label) {

    /**
     * Normalizes and checks both parts.
     *
     * @throws NullPointerException if a part is null
     * @throws ValidationException listing {@code field.choice.blank}, {@code field.option.label.blank} and the
     *         {@code text.*} codes
     */
    public FieldOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        key = Text.normalize(key);
        label = Text.normalize(label).strip();
        List<Violation> violations = new ArrayList<>(0);
        if (Text.isBlank(key)) {
            violations.add(Violation.of("key", "field.choice.blank"));
        }
        violations.addAll(Text.checkCode("key", key, Limits.CODE));
        if (Text.isBlank(label)) {
            violations.add(Violation.of("label", "field.option.label.blank"));
        }
        violations.addAll(Text.check("label", label, Limits.NAME, false));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * An option.
     *
     * @param key its key
     * @param label its label
     * @return the option
     */
    public static FieldOption of(String key, String label) {
        return new FieldOption(key, label);
    }
}
