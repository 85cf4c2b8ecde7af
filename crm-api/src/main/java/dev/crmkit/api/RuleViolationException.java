package dev.crmkit.api;

import java.util.List;

/**
 * A business rule forbids the operation, though each value on its own is well-formed: a field that is
 * required from a stage on, a deal closed as Lost without a reason, the last admin demoted. It carries
 * the violations like any {@link ValidationException}.
 */
public class RuleViolationException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations the rules that were broken, at least one
     */
    public RuleViolationException(List<Violation> violations) {
        super(violations);
    }

    /**
     * Creates the exception from one or more violations.
     *
     * @param violations the rules that were broken
     * @return the exception
     */
    public static RuleViolationException of(Violation... violations) {
        return new RuleViolationException(List.of(violations));
    }
}
