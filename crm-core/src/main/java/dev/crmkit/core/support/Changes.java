package dev.crmkit.core.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two states of a record: one comparison over every component of the record type,
 * so a new field can never be changed without its event. Pure and thread-safe.
 *
 * <p>Only the components crmkit maintains itself are skipped ({@link #SYSTEM}): the id, the version, the
 * creation and update times, and when a deal entered its stage — their changes are the event's own time
 * and its stage change.
 */
public final class Changes {

    /** The components no event is written for. */
    public static final Set<String> SYSTEM = Set.of("id", "version", "created", "updated", "stageEntered");

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            return type.getRecordComponents();
        }
    };

    private Changes() {
    }

    /**
     * One changed component.
     *
     * @param field the component's name
     * @param before its value before
     * @param after its value after
     */
    public record Change(String field, Object before, Object after) {
    }

    /**
     * The components whose values differ, in the record's order.
     *
     * @param before the stored state
     * @param after the next state, of the same record type
     * @return the changes; empty when the two states are the same
     * @throws IllegalArgumentException when the two are not of the same record type
     */
    public static List<Change> between(Object before, Object after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("cannot compare a " + before.getClass().getSimpleName() + " with a "
                    + after.getClass().getSimpleName());
        }
        List<Change> changes = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.get(before.getClass())) {
            if (SYSTEM.contains(c.getName())) {
                continue;
            }
            Object a = value(c, before);
            Object b = value(c, after);
            if (!Objects.equals(a, b)) {
                changes.add(new Change(c.getName(), a, b));
            }
        }
        return changes;
    }

    /**
     * A new record's values as changes from nothing: every component with a value, compared with the empty
     * value of its type (an empty {@code Optional} or collection, otherwise null).
     *
     * @param record the new record
     * @return the changes, in the record's order
     */
    public static List<Change> initial(Object record) {
        List<Change> changes = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.get(record.getClass())) {
            if (SYSTEM.contains(c.getName())) {
                continue;
            }
            Object value = value(c, record);
            Object empty = value instanceof Optional ? Optional.empty() : value instanceof List ? List.of()
                    : value instanceof Set ? Set.of() : null;
            if (!Objects.equals(value, empty)) {
                changes.add(new Change(c.getName(), empty, value));
            }
        }
        return changes;
    }

    /**
     * The names of a record type's components that events are written for.
     *
     * @param type a record type
     * @return the names, in the record's order
     */
    public static List<String> fields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : COMPONENTS.get(type)) {
            if (!SYSTEM.contains(c.getName())) {
                names.add(c.getName());
            }
        }
        return names;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }
}
