package dev.crmkit.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every problem found, not just the first, so a user can fix them all at once.
 * The operation that threw it changed nothing.
 */
public class ValidationException extends CrmException {

    private static final long serialVersionUID = 1L;

    /** The problems; a List.copyOf result, which is serializable. */
    @SuppressWarnings("serial")
    private final List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param violations the problems, at least one
     * @throws IllegalArgumentException if there are none
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Creates the exception from one or more problems.
     *
     * @param violations the problems, at least one
     * @return the exception
     */
    public static ValidationException of(Violation... violations) {
        return new ValidationException(List.of(violations));
    }

    /**
     * Every problem found.
     *
     * @return the violations, never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The stable codes of the violations, in order.
     *
     * @return the codes
     */
    public List<String> codes() {
        return violations.stream().map(Violation::code).collect(Collectors.toList());
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return violations.size() + " problem(s): "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
