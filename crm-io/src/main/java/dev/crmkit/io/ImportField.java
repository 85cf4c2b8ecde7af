package dev.crmkit.io;

import dev.crmkit.api.field.CustomFieldId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a column is imported into: a standard field or a custom field (whose text is parsed by the field's type,
 * as {@code form.customField(id, text)} does). Exactly one of the two is present.
 *
 * @param standard the standard field
 * @param custom the custom field
 */
public record ImportField(Optional<StandardField> standard, Optional<CustomFieldId> custom) {

    /**
     * Checks that exactly one is present.
     *
     * @throws IllegalArgumentException when both or neither are
     */
    public ImportField {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(custom, "custom");
        if (standard.isPresent() == custom.isPresent()) {
            throw new IllegalArgumentException("a column goes into one standard or one custom field");
        }
    }

    /**
     * A standard field.
     *
     * @param field the field
     * @return the target
     */
    public static ImportField of(StandardField field) {
        return new ImportField(Optional.of(Objects.requireNonNull(field, "field")), Optional.empty());
    }

    /**
     * A custom field.
     *
     * @param field the field's id
     * @return the target
     */
    public static ImportField of(CustomFieldId field) {
        return new ImportField(Optional.empty(), Optional.of(Objects.requireNonNull(field, "field")));
    }

    @Override
    public String toString() {
        return standard.map(StandardField::key).orElseGet(() -> "custom field " + custom.orElseThrow());
    }
}
