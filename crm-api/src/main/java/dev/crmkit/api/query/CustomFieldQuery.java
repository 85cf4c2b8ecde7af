package dev.crmkit.api.query;

import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.field.HasCustomFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Query fields over custom-field values (DEAL-11): filters and sorts of leads, contacts, companies and deals
 * by a custom field, like their standard fields.
 * {@code Filter.and(DealFields.PIPELINE.eq(p), CustomFieldQuery.<Deal>choice(region).in(List.of("north", "south")))}.
 * crm-core checks that the field exists for the queried entity type and that the query field's kind fits its
 * type ({@code filter.field.unknown}, {@code filter.field.kind}).
 *
 * <p>Text fields, URLs, phones (as entered) and e-mails (as entered) are read as text; numbers as numbers;
 * money fields by their amount, whatever the currency; date and birthday fields as dates; date-time fields as
 * instants; checkboxes as booleans; list and multi-list fields as their chosen option keys (many-valued, so
 * {@code eq} means "has this option" and {@code in} "has any of them"). A record without a value has none.
 */
public final class CustomFieldQuery {

    /** Which values of a custom field a query field reads. */
    public enum Kind {
        /** Text, textarea, URL, phone and e-mail fields, as text. */
        TEXT,
        /** Number fields. */
        NUMBER,
        /** Money fields, by amount. */
        MONEY,
        /** Date and birthday fields. */
        DATE,
        /** Date-time fields. */
        DATE_TIME,
        /** Checkboxes. */
        FLAG,
        /** List and multi-list fields, by option key (many-valued). */
        CHOICE;

        /**
         * The kind that reads fields of a type.
         *
         * @param type a field type
         * @return its kind
         */
        public static Kind of(FieldType type) {
            switch (Objects.requireNonNull(type, "type")) {
                case NUMBER:
                    return NUMBER;
                case MONEY:
                    return MONEY;
                case DATE:
                case BIRTHDAY:
                    return DATE;
                case DATE_TIME:
                    return DATE_TIME;
                case CHECKBOX:
                    return FLAG;
                case LIST:
                case MULTI_LIST:
                    return CHOICE;
                default:
                    return TEXT;
            }
        }
    }

    private CustomFieldQuery() {
    }

    /**
     * A text, textarea, URL, phone or e-mail field.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, String> text(CustomFieldId id) {
        return single(Kind.TEXT, id, String.class, CustomFieldQuery::textOf);
    }

    /**
     * A number field.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, BigDecimal> number(CustomFieldId id) {
        return single(Kind.NUMBER, id, BigDecimal.class,
                v -> v instanceof FieldValue.Number ? ((FieldValue.Number) v).value() : null);
    }

    /**
     * A money field, by amount.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, BigDecimal> money(CustomFieldId id) {
        return single(Kind.MONEY, id, BigDecimal.class,
                v -> v instanceof FieldValue.Amount ? ((FieldValue.Amount) v).value().amount() : null);
    }

    /**
     * A date or birthday field.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, LocalDate> date(CustomFieldId id) {
        return single(Kind.DATE, id, LocalDate.class,
                v -> v instanceof FieldValue.Date ? ((FieldValue.Date) v).value() : null);
    }

    /**
     * A date-time field.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, Instant> dateTime(CustomFieldId id) {
        return single(Kind.DATE_TIME, id, Instant.class,
                v -> v instanceof FieldValue.DateTime ? ((FieldValue.DateTime) v).value() : null);
    }

    /**
     * A checkbox.
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, Boolean> flag(CustomFieldId id) {
        return single(Kind.FLAG, id, Boolean.class,
                v -> v instanceof FieldValue.Flag ? ((FieldValue.Flag) v).value() : null);
    }

    /**
     * A list or multi-list field, by option key (many-valued).
     *
     * @param id the field
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, String> choice(CustomFieldId id) {
        Objects.requireNonNull(id, "id");
        return Field.custom(Kind.CHOICE, id, String.class, (E e) -> {
            FieldValue v = e.customFields().values().get(id);
            if (v instanceof FieldValue.Choice) {
                return List.of(((FieldValue.Choice) v).option());
            }
            return v instanceof FieldValue.Choices ? List.copyOf(((FieldValue.Choices) v).options()) : List.of();
        }, true);
    }

    /**
     * The query field that reads a defined field, of the kind its type calls for.
     *
     * @param field the field's definition
     * @param <E> the entity type
     * @return the query field
     */
    public static <E extends HasCustomFields> Field<E, ?> of(CustomField field) {
        CustomFieldId id = field.id();
        switch (Kind.of(field.type())) {
            case NUMBER:
                return number(id);
            case MONEY:
                return money(id);
            case DATE:
                return date(id);
            case DATE_TIME:
                return dateTime(id);
            case FLAG:
                return flag(id);
            case CHOICE:
                return choice(id);
            default:
                return text(id);
        }
    }

    private static String textOf(FieldValue v) {
        if (v instanceof FieldValue.Text) {
            return ((FieldValue.Text) v).value();
        }
        if (v instanceof FieldValue.Url) {
            return ((FieldValue.Url) v).value().toString();
        }
        if (v instanceof FieldValue.Phone) {
            return ((FieldValue.Phone) v).value().raw();
        }
        return v instanceof FieldValue.Mail ? ((FieldValue.Mail) v).value().value() : null;
    }

    private static <E extends HasCustomFields, V> Field<E, V> single(Kind kind, CustomFieldId id, Class<V> type,
                                                                     Function<FieldValue, V> read) {
        Objects.requireNonNull(id, "id");
        return Field.custom(kind, id, type, (E e) -> {
            FieldValue v = e.customFields().values().get(id);
            return v == null ? null : read.apply(v);
        }, false);
    }
}
