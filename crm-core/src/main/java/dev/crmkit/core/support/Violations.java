package dev.crmkit.core.support;

import dev.crmkit.api.Limits;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.time.Instant;
import java.time.LocalDate;
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
                list.add(v.under(path));
            }
            return null;
        }
    }

    /**
     * Checks a text with the rules of {@link Text#check}.
     *
     * @param path the text's path
     * @param value the normalized text, or null for none
     * @param max the longest it may be, from {@link dev.crmkit.api.Limits}
     * @param multiLine whether tabs and line breaks are allowed
     * @return this collector
     */
    public Violations text(String path, String value, int max, boolean multiLine) {
        if (value != null) {
            list.addAll(Text.check(path, value, max, multiLine));
        }
        return this;
    }

    /**
     * Checks that a date is one every storage keeps ({@link Limits#isStorable(LocalDate)}).
     *
     * @param path the date's path
     * @param value the date, or null for none
     * @return this collector
     */
    public Violations date(String path, LocalDate value) {
        if (value != null && !Limits.isStorable(value)) {
            list.add(Violation.of(path, "date.range", value, Limits.EARLIEST_DATE, Limits.LATEST_DATE));
        }
        return this;
    }

    /**
     * Checks that an instant is one every storage keeps ({@link Limits#isStorable(Instant)}).
     *
     * @param path the instant's path
     * @param value the instant, or null for none
     * @return this collector
     */
    public Violations instant(String path, Instant value) {
        if (value != null && !Limits.isStorable(value)) {
            list.add(Violation.of(path, "datetime.range", value, Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT));
        }
        return this;
    }

    /**
     * Checks that a collection holds at most as many values as its limit.
     *
     * @param path the collection's path
     * @param size how many values it holds
     * @param max the limit, from {@link Limits}
     * @return this collector
     */
    public Violations count(String path, int size, int max) {
        if (size > max) {
            add(path, "collection.too_many", size, max);
        }
        return this;
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
