package dev.crmkit.core.support;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of a command checked by the rules of {@link dev.crmkit.api.Text}: at most {@code max} code points
 * (a constant of {@link dev.crmkit.api.Limits}), no control characters (tabs and line breaks only when
 * {@code multiLine}), no unpaired surrogates, and for a {@code code} no invisible format characters. A null
 * value is not checked; whether a text is required is the command's own rule. Every problem gets its own
 * violation with the stable codes of {@code Text}.
 */
@Documented
@Constraint(validatedBy = TextValueValidator.class)
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TextValue {

    /**
     * The longest the text may be, in code points.
     *
     * @return the limit
     */
    int max();

    /**
     * Whether tabs and line breaks are allowed.
     *
     * @return true for descriptions, comments and bodies
     */
    boolean multiLine() default false;

    /**
     * Whether the text is an identifier (a call id, an address, a number as typed), where invisible
     * characters can only hide something.
     *
     * @return true for codes
     */
    boolean code() default false;

    /**
     * Unused: the violations carry their own codes.
     *
     * @return the message template
     */
    String message() default "{text}";

    /**
     * Validation groups; unused.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Payload; unused.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};
}
