package dev.crmkit.core.field;

import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The custom-field values a form carries (DEAL-3): typed {@link FieldValue}s, or text such as a web form or an
 * import gives, parsed by the field's type when the form is checked. Part of every form of a record with custom
 * fields; not thread-safe, like the forms.
 */
public final class CustomFieldInput {

    private final Map<CustomFieldId, Object> values = new LinkedHashMap<>();

    /** An empty input. */
    public CustomFieldInput() {
    }

    /**
     * Starts from a record's stored values.
     *
     * @param stored the values
     */
    public void load(CustomFieldValues stored) {
        values.clear();
        values.putAll(stored.values());
    }

    /**
     * Sets a typed value.
     *
     * @param field the field
     * @param value the value
     */
    public void put(CustomFieldId field, FieldValue value) {
        values.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Sets a value as text, parsed by the field's type when the form is checked.
     *
     * @param field the field
     * @param text the value's text
     */
    public void put(CustomFieldId field, String text) {
        values.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(text, "text"));
    }

    /**
     * Removes a value.
     *
     * @param field the field
     */
    public void remove(CustomFieldId field) {
        values.remove(Objects.requireNonNull(field, "field"));
    }

    /**
     * The values as given: {@link FieldValue}s and strings.
     *
     * @return a read-only view
     */
    public Map<CustomFieldId, Object> entries() {
        return Collections.unmodifiableMap(values);
    }
}
