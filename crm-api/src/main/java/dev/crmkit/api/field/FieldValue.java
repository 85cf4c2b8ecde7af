package dev.crmkit.api.field;

import dev.crmkit.api.contact.Email;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * A typed value of a custom field (DEAL-3). Each field type has its own value type, so a value can be
 * checked against its field's type.
 */
public sealed interface FieldValue {

    /**
     * Text (for text and textarea fields).
     *
     * @param value the text
     */
    record Text(String value) implements FieldValue {
        /** Rejects null. */
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A number.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements FieldValue {
        /** Rejects null. */
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An amount of money.
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
     * A date (for date and birthday fields).
     *
     * @param value the date
     */
    record Date(LocalDate value) implements FieldValue {
        /** Rejects null. */
        public Date {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A moment in time.
     *
     * @param value the instant
     */
    record DateTime(Instant value) implements FieldValue {
        /** Rejects null. */
        public DateTime {
            Objects.requireNonNull(value, "value");
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
     * One choice of a list field, by the option's key.
     *
     * @param option the chosen option
     */
    record Choice(String option) implements FieldValue {
        /** Rejects null. */
        public Choice {
            Objects.requireNonNull(option, "option");
        }
    }

    /**
     * Several choices of a multi-list field.
     *
     * @param options the chosen options
     */
    record Choices(Set<String> options) implements FieldValue {
        /** Rejects null and copies the set, keeping its order. */
        public Choices {
            options = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(options, "options")));
        }
    }

    /**
     * A URL.
     *
     * @param value the URL
     */
    record Url(URI value) implements FieldValue {
        /** Rejects null. */
        public Url {
            Objects.requireNonNull(value, "value");
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
}
