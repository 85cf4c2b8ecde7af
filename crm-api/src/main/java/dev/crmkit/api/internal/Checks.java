package dev.crmkit.api.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The invariants crm-api's records share, so each record states them in one line. Not exported: crm-api's
 * own use only.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks that values are present, naming the first that is not.
     *
     * @param names the values' names, separated by commas, in the order of {@code values}
     * @param values the values
     * @throws NullPointerException naming the first null value
     */
    public static void present(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(names.split(",")[i].strip());
            }
        }
    }

    /**
     * Checks an optimistic-locking version.
     *
     * @param version the version
     * @throws IllegalArgumentException below 1
     */
    public static void version(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /**
     * Checks that a text is present and not blank.
     *
     * @param value the text
     * @param name the component's name, for the message
     * @return the text
     * @throws NullPointerException when it is null
     * @throws IllegalArgumentException when it is blank
     */
    public static String notBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * An unmodifiable copy of a set that keeps its iteration order (tags are shown as they were given). Most records
     * hold no tags or managers, or one: those get the JDK's shared empty set or a singleton, not a linked hash set
     * of their own (about 90 bytes each, which at a million contacts with two such sets is 170 MiB of heap).
     *
     * @param values the values
     * @param <T> the element type
     * @return the copy
     * @throws NullPointerException when the set or an element is null
     */
    public static <T> Set<T> orderedCopy(Collection<T> values) {
        values.forEach(v -> Objects.requireNonNull(v, "element"));
        if (values.isEmpty()) {
            return Collections.emptySet();
        }
        if (values.size() == 1) {
            return Collections.singleton(values.iterator().next());
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>(values);
        return copy.size() == 1 ? Collections.singleton(copy.iterator().next()) : Collections.unmodifiableSet(copy);
    }
}
