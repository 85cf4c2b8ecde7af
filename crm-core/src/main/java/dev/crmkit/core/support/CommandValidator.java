package dev.crmkit.core.support;

import dev.crmkit.api.Violation;
import dev.crmkit.api.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
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
        List<Violation> result = new ArrayList<>();
        validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> result.addAll(toViolations(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> toViolations(ConstraintViolation<?> v) {
        String path = path(v.getPropertyPath());
        List<Violation> carried = (List<Violation>) v.unwrap(HibernateConstraintViolation.class)
                .getDynamicPayload(List.class);
        if (carried != null) {
            return carried.stream().map(x -> new Violation(path, x.code(), x.messageEn(), x.messageRu()))
                    .collect(Collectors.toList());
        }
        String template = v.getMessageTemplate();
        if (!template.startsWith("{") || !template.endsWith("}")) {
            throw new IllegalStateException("constraint on " + path + " has no code: " + template);
        }
        Object max = v.getConstraintDescriptor().getAttributes().get("max");
        // A collection or map is reported by its size, never quoted whole.
        Object invalid = v.getInvalidValue();
        Object actual = invalid instanceof Collection<?> c ? c.size()
                : invalid instanceof Map<?, ?> m ? m.size() : invalid;
        return List.of(CoreMessages.violation(path, template.substring(1, template.length() - 1),
                actual instanceof String s ? Text.excerpt(s) : actual, max));
    }

    /** A property path as the violations write it: {@code tags}, {@code phones[2]}, {@code products[0].product}. */
    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
