package dev.crmkit.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of query fields over custom-field values (DEAL-11). A value lives in the record's document at
 * {@code data -> 'customFields' -> 'values' -> '<field id>'} as {@code {"type": …, "value": …}} (see
 * {@link JsonCodec}); each kind of query field reads it as a typed SQL expression that is NULL (or an empty
 * array) when the record has no value of that kind, so every filter keeps the semantics of a standard column. Equality and any-of
 * filters also get a containment condition on the document, implied by the filter, which the GIN index of the
 * V3 migration answers. The field id is a UUID, the only caller-provided part of the SQL text.
 */
final class CustomColumns {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<CustomFieldQuery.Kind, String[]> SCALARS = Map.of(
            CustomFieldQuery.Kind.NUMBER, new String[] {"number", " ->> 'value'", "numeric"},
            CustomFieldQuery.Kind.MONEY, new String[] {"amount", " -> 'value' ->> 'amount'", "numeric"},
            CustomFieldQuery.Kind.DATE, new String[] {"date", " ->> 'value'", "date"},
            CustomFieldQuery.Kind.DATE_TIME, new String[] {"dateTime", " ->> 'value'", "timestamptz"},
            CustomFieldQuery.Kind.FLAG, new String[] {"flag", " ->> 'value'", "boolean"});

    private CustomColumns() {
    }

    /** The column-like expression of a custom query field. */
    static Column<Object> of(Field<?, ?> field) {
        UUID id = field.customField().orElseThrow().value();
        String v = "(data -> 'customFields' -> 'values' -> '" + id + "')";
        String type = "(" + v + " ->> 'type')";
        CustomFieldQuery.Kind kind = field.customKind().orElseThrow();
        if (kind == CustomFieldQuery.Kind.CHOICE) {
            return column(field, "((CASE " + type + " WHEN 'choice' THEN ARRAY[" + v + " ->> 'option'] "
                    + "WHEN 'choices' THEN ARRAY(SELECT jsonb_array_elements_text(" + v + " -> 'options')) "
                    + "ELSE '{}'::text[] END) COLLATE \"C\")", "text", true);
        }
        if (kind == CustomFieldQuery.Kind.TEXT) {
            return column(field, "((CASE WHEN " + type + " IN ('text', 'url', 'phone', 'mail') THEN " + v
                    + " ->> 'value' END) COLLATE \"C\")", "text", false);
        }
        // The stored value's JSON type name, where its scalar sits, and the SQL type it is read as.
        String[] how = SCALARS.get(kind);
        return column(field, "(CASE WHEN " + type + " = '" + how[0] + "' THEN (" + v + how[1] + ")::" + how[2]
                + " END)", how[2], false);
    }

    /**
     * A condition the GIN index answers that every record an equality or any-of filter on a custom field
     * matches also meets: the record's document contains one of the values. Adds its parameters.
     *
     * @return the condition, or null for kinds whose stored form is not compared by containment
     */
    static String containing(Field<?, ?> field, Collection<?> values, List<SqlValues.Param> params) {
        CustomFieldQuery.Kind kind = field.customKind().orElseThrow();
        if (kind == CustomFieldQuery.Kind.MONEY || kind == CustomFieldQuery.Kind.DATE_TIME || values.isEmpty()) {
            return null;
        }
        String id = field.customField().orElseThrow().value().toString();
        List<String> any = new ArrayList<>();
        for (Object value : values) {
            if (kind == CustomFieldQuery.Kind.CHOICE) {
                any.add(pattern(id, JSON.objectNode().put("option", (String) value), params));
                ObjectNode many = JSON.objectNode();
                many.putArray("options").add((String) value);
                any.add(pattern(id, many, params));
            } else {
                ObjectNode one = JSON.objectNode();
                if (value instanceof BigDecimal) {
                    one.put("value", (BigDecimal) value);
                } else if (value instanceof Boolean) {
                    one.put("value", (Boolean) value);
                } else {
                    one.put("value", value.toString());
                }
                any.add(pattern(id, one, params));
            }
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    private static String pattern(String id, ObjectNode value, List<SqlValues.Param> params) {
        ObjectNode doc = JSON.objectNode();
        doc.putObject("values").set(id, value);
        params.add(SqlValues.Param.of(doc.toString(), "jsonb"));
        return "(data -> 'customFields') @> ?::jsonb";
    }

    private static Column<Object> column(Field<?, ?> field, String expression, String sqlType, boolean many) {
        return new Column<>(field.name(), expression, sqlType, many, e -> null);
    }
}
