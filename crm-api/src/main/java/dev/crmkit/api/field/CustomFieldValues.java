package dev.crmkit.api.field;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The custom-field values of a record, by field id: at most {@value Limits#CUSTOM_FIELDS} of them.
 *
 * @param values the values; a field without a value is absent
 */
public record CustomFieldValues(Map<CustomFieldId, FieldValue> values) {

    private static final CustomFieldValues EMPTY = new CustomFieldValues(Map.of());

    /**
     * Checks the count and copies the map.
     *
     * @throws NullPointerException if the map, a key or a value is null
     * @throws ValidationException {@code field.values.too_many}
     */
    public CustomFieldValues {
        Objects.requireNonNull(values, "values");
        if (values.size() > Limits.CUSTOM_FIELDS) {
            throw ValidationException.of(Violation.of("customFields", "field.values.too_many", Limits.CUSTOM_FIELDS,
                    values.size()));
        }
        values = Map.copyOf(values);
    }

    /**
     * No values.
     *
     * @return the empty value set
     */
    public static CustomFieldValues empty() {
        return EMPTY;
    }

    /**
     * The value of one field.
     *
     * @param field the field
     * @return its value, if set
     */
    public Optional<FieldValue> get(CustomFieldId field) {
        return Optional.ofNullable(values.get(field));
    }

    /**
     * A copy with one value set.
     *
     * @param field the field
     * @param value its value
     * @return the changed copy
     * @throws ValidationException {@code field.values.too_many} when the record would hold too many values
     */
    public CustomFieldValues with(CustomFieldId field, FieldValue value) {
        Map<CustomFieldId, FieldValue> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
        return new CustomFieldValues(copy);
    }

    /**
     * A copy without one value.
     *
     * @param field the field
     * @return the changed copy
     */
    public CustomFieldValues without(CustomFieldId field) {
        Map<CustomFieldId, FieldValue> copy = new LinkedHashMap<>(values);
        copy.remove(field);
        return new CustomFieldValues(copy);
    }
}
