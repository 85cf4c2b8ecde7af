package dev.crmkit.api.field;

import java.util.Objects;

/**
 * The type of a custom field (DEAL-3), which decides the one kind of {@link FieldValue} its values are.
 * Text fields hold one line, textarea fields several; a birthday is a date that is not in the future.
 */
public enum FieldType {
    /** One line of text: {@link FieldValue.Text} without line breaks. */
    TEXT(FieldValue.Text.class),
    /** Several lines of text: {@link FieldValue.Text}. */
    TEXTAREA(FieldValue.Text.class),
    /** A number: {@link FieldValue.Number}. */
    NUMBER(FieldValue.Number.class),
    /** An amount of money: {@link FieldValue.Amount}. */
    MONEY(FieldValue.Amount.class),
    /** A date: {@link FieldValue.Date}. */
    DATE(FieldValue.Date.class),
    /** A moment: {@link FieldValue.DateTime}. */
    DATE_TIME(FieldValue.DateTime.class),
    /** A birthday, a date not in the future: {@link FieldValue.Date}. */
    BIRTHDAY(FieldValue.Date.class),
    /** A checkbox: {@link FieldValue.Flag}. */
    CHECKBOX(FieldValue.Flag.class),
    /** One option of the field's list: {@link FieldValue.Choice}. */
    LIST(FieldValue.Choice.class),
    /** Any number of the field's options: {@link FieldValue.Choices}. */
    MULTI_LIST(FieldValue.Choices.class),
    /** A web address: {@link FieldValue.Url}. */
    URL(FieldValue.Url.class),
    /** A phone number: {@link FieldValue.Phone}. */
    PHONE(FieldValue.Phone.class),
    /** An e-mail address: {@link FieldValue.Mail}. */
    EMAIL(FieldValue.Mail.class);

    private final Class<? extends FieldValue> valueType;

    FieldType(Class<? extends FieldValue> valueType) {
        this.valueType = valueType;
    }

    /**
     * The kind of value fields of this type hold.
     *
     * @return the value class
     */
    public Class<? extends FieldValue> valueType() {
        return valueType;
    }

    /**
     * Whether fields of this type choose among the field's options.
     *
     * @return true for {@link #LIST} and {@link #MULTI_LIST}
     */
    public boolean hasOptions() {
        return this == LIST || this == MULTI_LIST;
    }

    /**
     * Whether a value is of the kind this type holds (the options and other rules of a field are checked
     * by crm-core, which knows the field).
     *
     * @param value a value
     * @return true when the value's kind fits
     */
    public boolean fits(FieldValue value) {
        return valueType.isInstance(Objects.requireNonNull(value, "value"));
    }
}
