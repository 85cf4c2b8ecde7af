package dev.crmkit.api.field;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A typed value of a custom field (DEAL-3). Each field type has its own value type, so a value can be
 * checked against its field's type. Every value is bounded by {@link Limits} and texts follow the rules
 * of {@link dev.crmkit.api.Text}, so every adapter stores it exactly; a violation is a
 * {@link ValidationException} whose path is the component's name.
 */
public sealed interface FieldValue {

    /**
     * Text (for text and textarea fields): normalized, at most {@value Limits#TEXT_FIELD} code points,
     * tabs and line breaks allowed (whether a text field must be one line is the field definition's
     * business, checked by crm-core), not blank.
     *
     * @param value the text
     */
    record Text(String value) implements FieldValue {
        /**
         * Normalizes and checks the text.
         *
         * @throws NullPointerException if value is null
         * @throws ValidationException {@code field.text.blank} or the {@code text.*} codes
         */
        public Text {
            Objects.requireNonNull(value, "value");
            value = dev.crmkit.api.Text.normalize(value);
            List<Violation> violations = new ArrayList<>(0);
            if (dev.crmkit.api.Text.isBlank(value)) {
                violations.add(Violation.of("value", "field.text.blank"));
            }
            violations.addAll(dev.crmkit.api.Text.check("value", value, Limits.TEXT_FIELD, true));
            throwIfAny(violations);
        }
    }

    /**
     * A number with at most {@value Limits#NUMBER_INTEGER_DIGITS} digits before the decimal point and
     * {@value Limits#NUMBER_SCALE} decimals, kept without trailing zeros ({@code 1.50} is {@code 1.5},
     * {@code 1E+2} is {@code 100}), so every adapter gives back an equal value.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements FieldValue {
        /**
         * Checks the bounds (before any rescaling) and drops trailing zeros.
         *
         * @throws NullPointerException if value is null
         * @throws ValidationException listing {@code field.number.too_large} and {@code field.number.scale}
         */
        public Number {
            Objects.requireNonNull(value, "value");
            List<Violation> violations = new ArrayList<>(0);
            if (Limits.integerDigits(value) > Limits.NUMBER_INTEGER_DIGITS) {
                violations.add(Violation.of("value", "field.number.too_large", dev.crmkit.api.Text.excerpt(value),
                        Limits.NUMBER_INTEGER_DIGITS));
            }
            if (!Limits.hasAtMostDecimals(value, Limits.NUMBER_SCALE)) {
                violations.add(Violation.of("value", "field.number.scale", dev.crmkit.api.Text.excerpt(value),
                        Limits.NUMBER_SCALE));
            }
            throwIfAny(violations);
            value = value.signum() == 0 ? BigDecimal.ZERO
                    : value.setScale(Limits.NUMBER_SCALE, RoundingMode.UNNECESSARY).stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
    }

    /**
     * An amount of money (bounded as every {@link Money} is).
     *
     * @param value the amount
     */
    record Amount(Money value) implements FieldValue {
        /** Rejects null. */
        public Amount {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A date (for date and birthday fields), from {@link Limits#EARLIEST_DATE} to {@link Limits#LATEST_DATE}.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements FieldValue {
        /**
         * Checks the range.
         *
         * @throws NullPointerException if value is null
         * @throws ValidationException {@code date.range}
         */
        public Date {
            Objects.requireNonNull(value, "value");
            if (!Limits.isStorable(value)) {
                throw ValidationException.of(Violation.of("value", "date.range", value, Limits.EARLIEST_DATE,
                        Limits.LATEST_DATE));
            }
        }
    }

    /**
     * A moment in time, from {@link Limits#EARLIEST_INSTANT} to {@link Limits#LATEST_INSTANT}.
     *
     * @param value the instant
     */
    record DateTime(Instant value) implements FieldValue {
        /**
         * Checks the range.
         *
         * @throws NullPointerException if value is null
         * @throws ValidationException {@code datetime.range}
         */
        public DateTime {
            Objects.requireNonNull(value, "value");
            if (!Limits.isStorable(value)) {
                throw ValidationException.of(Violation.of("value", "datetime.range", value,
                        Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT));
            }
        }
    }

    /**
     * A checkbox.
     *
     * @param value checked or not
     */
    record Flag(boolean value) implements FieldValue {
    }

    /**
     * One choice of a list field, by the option's key: a code (normalized, at most
     * {@value Limits#CODE} code points, no invisible characters inside), not blank.
     *
     * @param option the chosen option
     */
    record Choice(String option) implements FieldValue {
        /**
         * Normalizes and checks the key.
         *
         * @throws NullPointerException if option is null
         * @throws ValidationException {@code field.choice.blank} or the {@code text.*} codes
         */
        public Choice {
            option = optionKey("option", Objects.requireNonNull(option, "option"), new ArrayList<>(0), true);
        }
    }

    /**
     * Several choices of a multi-list field: at most {@value Limits#CHOICES} option keys, each a code as
     * in {@link Choice}.
     *
     * @param options the chosen options
     */
    record Choices(Set<String> options) implements FieldValue {
        /**
         * Rejects null, normalizes and checks the keys and copies the set, keeping its order.
         *
         * @throws NullPointerException if options or one of them is null
         * @throws ValidationException listing {@code field.choices.too_many}, and {@code field.choice.blank}
         *         or the {@code text.*} codes per key (path {@code options[i]})
         */
        public Choices {
            Objects.requireNonNull(options, "options");
            if (options.size() > Limits.CHOICES) {
                throw ValidationException.of(Violation.of("options", "field.choices.too_many", Limits.CHOICES,
                        options.size()));
            }
            List<Violation> violations = new ArrayList<>(0);
            Set<String> copy = new LinkedHashSet<>();
            int i = 0;
            for (String o : options) {
                copy.add(optionKey("options[" + i++ + "]", Objects.requireNonNull(o, "option"), violations, false));
            }
            throwIfAny(violations);
            options = Collections.unmodifiableSet(copy);
        }
    }

    /**
     * A URL of at most {@value Limits#URL} characters, with no invisible characters inside.
     *
     * @param value the URL
     */
    record Url(URI value) implements FieldValue {
        /**
         * Checks the URL's text.
         *
         * @throws NullPointerException if value is null
         * @throws ValidationException the {@code text.*} codes
         */
        public Url {
            Objects.requireNonNull(value, "value");
            throwIfAny(dev.crmkit.api.Text.checkCode("value", value.toString(), Limits.URL));
        }
    }

    /**
     * A phone number.
     *
     * @param value the number
     */
    record Phone(PhoneNumber value) implements FieldValue {
        /** Rejects null. */
        public Phone {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An e-mail address.
     *
     * @param value the address
     */
    record Mail(Email value) implements FieldValue {
        /** Rejects null. */
        public Mail {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Normalizes and checks an option key; throws at once when {@code alone}, else collects. */
    private static String optionKey(String path, String raw, List<Violation> violations, boolean alone) {
        String key = dev.crmkit.api.Text.normalize(raw);
        if (dev.crmkit.api.Text.isBlank(key)) {
            violations.add(Violation.of(path, "field.choice.blank"));
        }
        violations.addAll(dev.crmkit.api.Text.checkCode(path, key, Limits.CODE));
        if (alone) {
            throwIfAny(violations);
        }
        return key;
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
