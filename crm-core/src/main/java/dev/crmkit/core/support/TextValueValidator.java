package dev.crmkit.core.support;

import dev.crmkit.api.Text;
import dev.crmkit.api.Violation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks a {@link TextValue}: it hands the violations of {@link Text#check} or {@link Text#checkCode} to
 * {@link CommandValidator} as the constraint's payload, so each keeps its own code and texts.
 */
public final class TextValueValidator implements ConstraintValidator<TextValue, String> {

    private int max;
    private boolean multiLine;
    private boolean code;

    /** Used by Hibernate Validator. */
    public TextValueValidator() {
    }

    @Override
    public void initialize(TextValue annotation) {
        max = annotation.max();
        multiLine = annotation.multiLine();
        code = annotation.code();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        List<Violation> found = code ? Text.checkCode("", value, max) : Text.check("", value, max, multiLine);
        if (found.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(List.copyOf(found))
                .buildConstraintViolationWithTemplate("{text}").addConstraintViolation();
        return false;
    }
}
