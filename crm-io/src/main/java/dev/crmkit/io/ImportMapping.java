package dev.crmkit.io;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.field.CustomFieldId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which records an import makes and which column goes into which field (IO-1): columns are named by their
 * header text (compared without surrounding spaces and case), so one mapping fits every file with the same
 * header and can be saved as a template ({@link ImportTemplates}). Columns the mapping does not name are not
 * imported. Immutable; {@link #column} returns a new mapping.
 *
 * @param entity {@code CONTACT}, {@code COMPANY}, {@code LEAD} or {@code DEAL}
 * @param columns the header text of each imported column and its field, in order
 */
public record ImportMapping(EntityType entity, Map<String, ImportField> columns) {

    /**
     * Checks the entity type and copies the columns.
     *
     * @throws IllegalArgumentException when the entity type cannot be imported
     */
    public ImportMapping {
        Objects.requireNonNull(entity, "entity");
        if (entity != EntityType.CONTACT && entity != EntityType.COMPANY && entity != EntityType.LEAD
                && entity != EntityType.DEAL) {
            throw new IllegalArgumentException("contacts, companies, leads and deals are imported, not " + entity);
        }
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
    }

    /**
     * A mapping with no columns yet.
     *
     * @param entity the records to make
     * @return the mapping
     * @throws IllegalArgumentException when the entity type cannot be imported
     */
    public static ImportMapping of(EntityType entity) {
        return new ImportMapping(entity, Map.of());
    }

    /**
     * This mapping with one more column into a standard field.
     *
     * @param header the column's header text
     * @param field the field
     * @return the new mapping
     */
    public ImportMapping column(String header, StandardField field) {
        return column(header, ImportField.of(field));
    }

    /**
     * This mapping with one more column into a custom field.
     *
     * @param header the column's header text
     * @param field the custom field's id
     * @return the new mapping
     */
    public ImportMapping column(String header, CustomFieldId field) {
        return column(header, ImportField.of(field));
    }

    /**
     * This mapping with one more column (replacing what the same header went into).
     *
     * @param header the column's header text
     * @param field the field
     * @return the new mapping
     */
    public ImportMapping column(String header, ImportField field) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(field, "field");
        Map<String, ImportField> next = new LinkedHashMap<>(columns);
        next.put(header, field);
        return new ImportMapping(entity, next);
    }
}
