package dev.crmkit.core.support;

import dev.crmkit.api.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks the field constraints on command objects with Hibernate Validator. A constraint's message is
 * its stable code in braces, such as {@code message = "{deal.name.blank}"}; the texts come from
 * crm-core's own English and Russian messages, so both validators and rule objects speak with one voice.
 * Thread-safe.
 */
public final class CommandValidator {

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final Validator validator = FACTORY.getValidator();

    /**
     * Validates a command.
     *
     * @param command the command object
     * @return its violations, by path
     */
    public List<Violation> validate(Object command) {
        return validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(CommandValidator::toViolation)
                .collect(Collectors.toList());
    }

    private static Violation toViolation(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (!template.startsWith("{") || !template.endsWith("}")) {
            throw new IllegalStateException("constraint on " + v.getPropertyPath() + " has no code: " + template);
        }
        return CoreMessages.violation(v.getPropertyPath().toString(), template.substring(1, template.length() - 1),
                v.getInvalidValue());
    }
}
