package dev.crmkit.core.support;

import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem of an input before failing, so the caller learns all of them at once.
 * Not thread-safe; one per operation.
 */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();

    /**
     * Adds a violation with one of crm-core's codes.
     *
     * @param path the field path
     * @param code the code
     * @param args placeholder values
     * @return this collector
     */
    public Violations add(String path, String code, Object... args) {
        list.add(CoreMessages.violation(path, code, args));
        return this;
    }

    /**
     * Adds violations found elsewhere.
     *
     * @param violations the violations
     * @return this collector
     */
    public Violations addAll(Collection<Violation> violations) {
        list.addAll(violations);
        return this;
    }

    /**
     * Runs a parse that may throw a {@link ValidationException} and keeps its violations under a path.
     *
     * @param path the path of the parsed value
     * @param parse the parse
     * @param <T> the parsed type
     * @return the value, or null when it failed (its violations are recorded)
     */
    public <T> T parse(String path, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                list.add(new Violation(path, v.code(), v.messageEn(), v.messageRu()));
            }
            return null;
        }
    }

    /**
     * Whether nothing was found.
     *
     * @return true when there are no violations
     */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * The violations so far.
     *
     * @return a copy of the list
     */
    public List<Violation> list() {
        return List.copyOf(list);
    }

    /**
     * Throws a {@link ValidationException} with everything found, if anything was.
     *
     * @throws ValidationException when there are violations
     */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }

    /**
     * Throws a {@link RuleViolationException} with everything found, if anything was.
     *
     * @throws RuleViolationException when there are violations
     */
    public void throwRuleIfAny() {
        if (!list.isEmpty()) {
            throw new RuleViolationException(list);
        }
    }
}
