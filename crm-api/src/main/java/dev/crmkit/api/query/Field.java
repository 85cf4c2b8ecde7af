package dev.crmkit.api.query;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.field.CustomFieldId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A standard field of an entity that filters and sorts may name, with its value type and how to read it.
 *
 * <p>The constants live in {@link ContactFields}, {@link DealFields} and their siblings. An adapter
 * maps a field to its own storage by {@link #name()} and may use {@link #values(Object)} to evaluate it in
 * memory. A field is single-valued (possibly absent) or many-valued (tags, a deal's contacts).
 *
 * <p>Order: ids compare as unsigned UUIDs ({@link EntityId#ORDER}), enums by their names, currencies by
 * their codes, strings by code point (the byte order of UTF-8, PostgreSQL's {@code "C"} collation; not
 * {@link String#compareTo}, which puts U+10000 and above before U+E000 to U+FFFF), other values naturally.
 * An absent value sorts after every present one. Fields are immutable and thread-safe.
 *
 * @param <E> the entity type
 * @param <V> the value type
 */
public final class Field<E, V> {

    private final String name;
    private final Class<V> type;
    private final Function<? super E, ?> reader;
    private final boolean many;
    private final Comparator<Object> order;
    private final CustomFieldQuery.Kind customKind;
    private final CustomFieldId customField;

    private Field(String name, Class<V> type, Function<? super E, ?> reader, boolean many) {
        this(name, type, reader, many, null, null);
    }

    private Field(String name, Class<V> type, Function<? super E, ?> reader, boolean many,
                  CustomFieldQuery.Kind customKind, CustomFieldId customField) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.many = many;
        this.order = orderOf(type);
        this.customKind = customKind;
        this.customField = customField;
    }

    /** A field reading a custom field's values; made by {@link CustomFieldQuery}. */
    static <E, V> Field<E, V> custom(CustomFieldQuery.Kind kind, CustomFieldId id, Class<V> type,
                                     Function<? super E, ?> reader, boolean many) {
        return new Field<>("custom." + id.value(), type, reader, many, kind, id);
    }

    /**
     * A field that always has a value.
     *
     * @param name the stable field name
     * @param type the value type
     * @param reader reads the value
     * @param <E> the entity type
     * @param <V> the value type
     * @return the field
     */
    public static <E, V> Field<E, V> of(String name, Class<V> type, Function<? super E, ? extends V> reader) {
        return new Field<>(name, type, reader, false);
    }

    /**
     * A field that may be absent.
     *
     * @param name the stable field name
     * @param type the value type
     * @param reader reads the value
     * @param <E> the entity type
     * @param <V> the value type
     * @return the field
     */
    public static <E, V> Field<E, V> optional(String name, Class<V> type,
                                              Function<? super E, ? extends Optional<? extends V>> reader) {
        return new Field<>(name, type, e -> reader.apply(e).orElse(null), false);
    }

    /**
     * A field with any number of values.
     *
     * @param name the stable field name
     * @param type the type of each value
     * @param reader reads the values
     * @param <E> the entity type
     * @param <V> the value type
     * @return the field
     */
    public static <E, V> Field<E, V> many(String name, Class<V> type,
                                          Function<? super E, ? extends Collection<? extends V>> reader) {
        return new Field<>(name, type, reader, true);
    }

    /**
     * The custom field this field reads, for fields made by {@link CustomFieldQuery}; empty for standard fields.
     *
     * @return the custom field's id
     */
    public Optional<CustomFieldId> customField() {
        return Optional.ofNullable(customField);
    }

    /**
     * Which values of a custom field this field reads, for fields made by {@link CustomFieldQuery}.
     *
     * @return the kind, empty for standard fields
     */
    public Optional<CustomFieldQuery.Kind> customKind() {
        return Optional.ofNullable(customKind);
    }

    /**
     * The stable name adapters map to their storage, such as {@code budget.amount}; {@code custom.<uuid>} for
     * a custom field.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The type of the field's values.
     *
     * @return the value class
     */
    public Class<V> type() {
        return type;
    }

    /**
     * Whether the field holds any number of values.
     *
     * @return true for a many-valued field
     */
    public boolean many() {
        return many;
    }

    /**
     * Whether values of the field can be compared by order (and so sorted and compared with
     * {@code <}, {@code >}).
     *
     * @return true when the value type has an order
     */
    public boolean ordered() {
        return order != null;
    }

    /**
     * Reads the field's values from an entity.
     *
     * @param entity the entity
     * @return the values: none when absent, one for a single-valued field
     */
    public List<V> values(E entity) {
        Object raw = reader.apply(entity);
        if (raw == null) {
            return List.of();
        }
        if (many) {
            return ((Collection<?>) raw).stream().map(type::cast).collect(java.util.stream.Collectors.toList());
        }
        return List.of(type.cast(raw));
    }

    /**
     * Whether some value of the field on an entity satisfies a condition, without collecting the values:
     * what {@code values(entity).stream().anyMatch(condition)} answers.
     *
     * @param entity the entity
     * @param condition the condition on one value
     * @return true when a value satisfies it; false when none does or there is none
     */
    boolean anyValue(E entity, java.util.function.Predicate<? super V> condition) {
        Object raw = reader.apply(entity);
        if (raw == null) {
            return false;
        }
        if (!many) {
            return condition.test(type.cast(raw));
        }
        for (Object v : (Collection<?>) raw) {
            if (condition.test(type.cast(v))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a single-valued field for sorting.
     *
     * @param entity the entity
     * @return the value, or null when absent (sorted last)
     */
    public Object sortKey(E entity) {
        if (many) {
            throw new IllegalStateException("a many-valued field cannot be sorted on: " + name);
        }
        return reader.apply(entity);
    }

    /**
     * Compares two values of this field in its order, an absent (null) value after every present one.
     *
     * @param a a value or null
     * @param b a value or null
     * @return negative, zero or positive
     * @throws IllegalStateException if the field has no order
     */
    public int compare(Object a, Object b) {
        if (order == null) {
            throw new IllegalStateException("field " + name + " has no order");
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return order.compare(a, b);
    }

    /**
     * Matches records whose field has a value equal to {@code value}.
     *
     * @param value the value
     * @return the filter
     */
    public Filter<E> eq(V value) {
        return new Filter.Compare<>(this, Filter.Op.EQ, value);
    }

    /**
     * Matches records whose field has no value equal to {@code value}, including records without a value.
     *
     * @param value the value
     * @return the filter
     */
    public Filter<E> ne(V value) {
        return new Filter.Compare<>(this, Filter.Op.NE, value);
    }

    /**
     * Matches records with a value below {@code value}.
     *
     * @param value the bound
     * @return the filter
     */
    public Filter<E> lt(V value) {
        return new Filter.Compare<>(this, Filter.Op.LT, value);
    }

    /**
     * Matches records with a value at most {@code value}.
     *
     * @param value the bound
     * @return the filter
     */
    public Filter<E> le(V value) {
        return new Filter.Compare<>(this, Filter.Op.LE, value);
    }

    /**
     * Matches records with a value above {@code value}.
     *
     * @param value the bound
     * @return the filter
     */
    public Filter<E> gt(V value) {
        return new Filter.Compare<>(this, Filter.Op.GT, value);
    }

    /**
     * Matches records with a value at least {@code value}.
     *
     * @param value the bound
     * @return the filter
     */
    public Filter<E> ge(V value) {
        return new Filter.Compare<>(this, Filter.Op.GE, value);
    }

    /**
     * Matches records whose field has a value from {@code low} to {@code high}, both included.
     *
     * @param low the least value
     * @param high the greatest value
     * @return the filter
     */
    public Filter<E> between(V low, V high) {
        return Filter.and(ge(low), le(high));
    }

    /**
     * Matches records whose text field has a value containing {@code text}, compared code point by code
     * point (case matters; texts are stored in Unicode NFC, and so is {@code text} before comparing).
     *
     * @param text the text to look for
     * @return the filter
     * @throws dev.crmkit.api.ValidationException {@code filter.value.type} on a field that is not text
     */
    @SuppressWarnings("unchecked")
    public Filter<E> contains(String text) {
        if (type != String.class) {
            String quoted = Text.excerpt(name);
            throw ValidationException.of(Violation.of(quoted, "filter.value.type", quoted, type.getSimpleName(),
                    "String"));
        }
        return new Filter.Compare<>(this, Filter.Op.CONTAINS, (V) Text.normalize(Objects.requireNonNull(text, "text")));
    }

    /**
     * Matches records with a value equal to one of {@code values}.
     *
     * @param values the values, at least one
     * @return the filter
     */
    public Filter<E> in(Collection<? extends V> values) {
        return new Filter.In<>(this, new LinkedHashSet<>(values));
    }

    /**
     * Matches records where the field has at least one value.
     *
     * @return the filter
     */
    public Filter<E> present() {
        return new Filter.Present<>(this);
    }

    void checkValue(Object value, boolean needsOrder) {
        Objects.requireNonNull(value, "value");
        if (!type.isInstance(value)) {
            String quoted = Text.excerpt(name);
            throw ValidationException.of(Violation.of(quoted, "filter.value.type", quoted, type.getSimpleName(),
                    Text.excerpt(value.getClass().getSimpleName())));
        }
        if (needsOrder && order == null) {
            String quoted = Text.excerpt(name);
            throw ValidationException.of(Violation.of(quoted, "filter.field.unordered", quoted));
        }
    }

    boolean equal(Object a, Object b) {
        return order != null ? order.compare(a, b) == 0 : a.equals(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> orderOf(Class<?> type) {
        if (EntityId.class.isAssignableFrom(type)) {
            return (a, b) -> EntityId.ORDER.compare((EntityId) a, (EntityId) b);
        }
        if (type.isEnum()) {
            return Comparator.comparing(v -> ((Enum<?>) v).name());
        }
        if (type == Currency.class) {
            return Comparator.comparing(v -> ((Currency) v).getCurrencyCode());
        }
        if (type == String.class) {
            return (a, b) -> compareCodePoints((String) a, (String) b);
        }
        if (Comparable.class.isAssignableFrom(type)) {
            return (a, b) -> ((Comparable) a).compareTo(b);
        }
        return null;
    }

    /**
     * Compares strings by code point. Where two strings first differ, a surrogate (the half of a code point
     * above U+FFFF) is moved above U+E000 to U+FFFF, where its code point belongs; below U+D800 code units
     * and code points agree.
     */
    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }

    static <T> Set<T> copyOf(Set<T> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override
    public String toString() {
        return name;
    }
}
