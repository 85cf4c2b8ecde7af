package dev.crmkit.core.support;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a query an application sends before any adapter sees it, so every adapter answers the same: its
 * filter and sort name only the entity's own fields ({@code DealFields.ALL}, …), its values are ones a
 * storage can compare (bounded texts without control characters, dates and instants in the storable
 * range, bounded numbers), its sort is on ordered single-valued fields, and its cursor is one this query
 * handed out. The cursors of the pages it returns are marked with the query's order, so a cursor of
 * another query is refused. Thread-safe.
 *
 * @param <E> the entity type
 */
public final class Queries<E> {

    private static final int MAX_SORT_FIELDS = 4;

    private final String entity;
    private final List<Field<E, ?>> fields;
    private final Field<E, ?> key;
    /** The entity type whose custom fields queries may use, or null when it has none. */
    private final EntityType customFields;

    private Queries(String entity, List<Field<E, ?>> fields, Field<E, ?> key, EntityType customFields) {
        this.entity = entity;
        this.fields = fields;
        this.key = key;
        this.customFields = customFields;
    }

    /**
     * The queries of one entity type.
     *
     * @param entity the entity type's name, for marking cursors
     * @param fields every field its queries may use, such as {@code DealFields.ALL}
     * @param key the field that orders its records last, its id (or sequence for events)
     * @param <E> the entity type
     * @return the checker
     */
    public static <E> Queries<E> of(String entity, List<Field<E, ?>> fields, Field<E, ?> key) {
        return new Queries<>(entity, List.copyOf(fields), Objects.requireNonNull(key, "key"), null);
    }

    /**
     * The same queries, which may also filter and sort by the custom fields of an entity type (DEAL-11), made
     * with {@link CustomFieldQuery}: each must be a field of that type, read by the kind its type calls for.
     *
     * @param type the entity type whose custom fields may be used
     * @return the checker
     */
    public Queries<E> withCustomFields(EntityType type) {
        return new Queries<>(entity, fields, key, Objects.requireNonNull(type, "type"));
    }

    /**
     * Checks a filter, a sort and a page together.
     *
     * @param filter the filter
     * @param sort the order
     * @param page the page
     * @throws ValidationException listing every problem
     */
    public void check(Filter<E> filter, Sort<E> sort, PageRequest page) {
        Violations v = new Violations();
        filter(v, filter);
        // Sort.Order itself refuses many-valued and unordered fields.
        for (Sort.Order<E> o : sort.orders()) {
            if (!known(o.field())) {
                String name = Text.excerpt(o.field().name());
                v.addAll(List.of(Violation.of("sort." + name, "filter.field.unknown", name)));
            }
        }
        if (sort.orders().size() > MAX_SORT_FIELDS) {
            v.add("sort", "sort.size", MAX_SORT_FIELDS);
        }
        page.after().ifPresent(c -> cursor(v, c, sort));
        v.throwIfAny();
    }

    /** One page of a store's records, as {@code Store.query} reads it. */
    @FunctionalInterface
    public interface Pager<E> {
        /**
         * Reads a page.
         *
         * @param filter which records
         * @param sort their order
         * @param page which page
         * @return the page
         */
        Slice<E> query(Filter<E> filter, Sort<E> sort, PageRequest page);
    }

    /**
     * Runs a query of a store for a service: checks its arguments, then reads one page with a marked cursor.
     *
     * @param context the session's context
     * @param store the store's query in a transaction, {@code tx -> tx.leads()::query}
     * @param filter which records
     * @param sort their order
     * @param page which page
     * @return the page
     * @throws NullPointerException naming a null argument
     * @throws ValidationException listing every problem of the query
     */
    public Slice<E> run(Context context, Function<Transaction, Pager<E>> store, Filter<E> filter, Sort<E> sort,
                        PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        check(filter, sort, page);
        return marked(context.read(unit -> {
            checkCustomFields(unit.tx(), filter, sort);
            return store.apply(unit.tx()).query(filter, sort, page);
        }), sort);
    }

    /**
     * A page as handed back to the application: its cursor marked with the query's order.
     *
     * @param slice the adapter's page
     * @param sort the query's order
     * @param <T> the record type
     * @return the page with a marked cursor
     */
    public <T> Slice<T> marked(Slice<T> slice, Sort<E> sort) {
        return new Slice<>(slice.items(), slice.next().map(c -> c.forQuery(fingerprint(sort))));
    }

    private String fingerprint(Sort<E> sort) {
        return entity + " by " + sort.orders().stream().map(o -> o.field().name() + (o.descending() ? " desc" : ""))
                .collect(Collectors.joining(", ")) + (sort.orders().isEmpty() ? key.name() : ", " + key.name());
    }

    private void cursor(Violations v, Cursor c, Sort<E> sort) {
        if (c.query().isPresent() && !c.query().get().equals(fingerprint(sort))) {
            v.add("page.after", "page.cursor.foreign", entity);
            return;
        }
        List<Object> keys = c.keys();
        boolean fits = keys.size() == sort.orders().size() + 1 && key.type().isInstance(keys.get(keys.size() - 1));
        for (int i = 0; fits && i < sort.orders().size(); i++) {
            Object k = keys.get(i);
            fits = k == null || sort.orders().get(i).field().type().isInstance(k);
        }
        if (!fits) {
            v.add("page.after", "page.cursor.invalid", entity);
            return;
        }
        // An application may rebuild a cursor from a client's request: its keys reach the adapter as
        // filter values do, so they are bounded alike.
        for (Object k : keys) {
            value(v, "page.after", k);
        }
    }

    private boolean known(Field<?, ?> field) {
        return field.customField().isPresent() ? customFields != null : fields.stream().anyMatch(f -> f == field);
    }

    /**
     * Checks, in the query's transaction, that every custom field a query names is one of the entity type's and
     * is read by the kind its type calls for.
     *
     * @param tx the transaction
     * @param filter the filter
     * @param sort the order
     * @throws ValidationException {@code filter.field.unknown} or {@code filter.field.kind}
     */
    public void checkCustomFields(Transaction tx, Filter<E> filter, Sort<E> sort) {
        Map<CustomFieldId, Field<E, ?>> used = new LinkedHashMap<>();
        customFieldsOf(filter, used);
        sort.orders().forEach(o -> o.field().customField().ifPresent(id -> used.putIfAbsent(id, o.field())));
        if (used.isEmpty()) {
            return;
        }
        Map<CustomFieldId, CustomField> defined = new LinkedHashMap<>();
        tx.customFields().findAll(used.keySet()).forEach(f -> defined.put(f.id(), f));
        Violations v = new Violations();
        used.forEach((id, field) -> {
            CustomField def = defined.get(id);
            String path = "filter." + field.name();
            if (def == null || def.entity() != customFields) {
                v.addAll(List.of(Violation.of(path, "filter.field.unknown", field.name())));
            } else if (CustomFieldQuery.Kind.of(def.type()) != field.customKind().orElseThrow()) {
                v.add(path, "filter.field.kind", def.name(), def.type().name().toLowerCase(java.util.Locale.ROOT),
                        field.customKind().orElseThrow().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        v.throwIfAny();
    }

    private static <E> void customFieldsOf(Filter<E> filter, Map<CustomFieldId, Field<E, ?>> used) {
        if (filter instanceof Filter.Compare<E, ?> c) {
            c.field().customField().ifPresent(id -> used.putIfAbsent(id, c.field()));
        } else if (filter instanceof Filter.In<E, ?> in) {
            in.field().customField().ifPresent(id -> used.putIfAbsent(id, in.field()));
        } else if (filter instanceof Filter.Present<E> p) {
            p.field().customField().ifPresent(id -> used.putIfAbsent(id, p.field()));
        } else if (filter instanceof Filter.And<E> and) {
            and.filters().forEach(f -> customFieldsOf(f, used));
        } else if (filter instanceof Filter.Or<E> or) {
            or.filters().forEach(f -> customFieldsOf(f, used));
        } else if (filter instanceof Filter.Not<E> not) {
            customFieldsOf(not.filter(), used);
        } else if (filter instanceof Filter.Within<E> within) {
            customFieldsOf(within.scope(), used);
            customFieldsOf(within.filter(), used);
        }
    }

    private void filter(Violations v, Filter<E> filter) {
        if (filter instanceof Filter.Compare<E, ?> c) {
            condition(v, c.field(), List.of(c.value()));
        } else if (filter instanceof Filter.In<E, ?> in) {
            condition(v, in.field(), List.copyOf(in.values()));
        } else if (filter instanceof Filter.Present<E> p) {
            condition(v, p.field(), List.of());
        } else if (filter instanceof Filter.And<E> and) {
            and.filters().forEach(f -> filter(v, f));
        } else if (filter instanceof Filter.Or<E> or) {
            or.filters().forEach(f -> filter(v, f));
        } else if (filter instanceof Filter.Not<E> not) {
            filter(v, not.filter());
        } else if (filter instanceof Filter.Within<E> within) {
            filter(v, within.scope());
            filter(v, within.filter());
        }
    }

    private void condition(Violations v, Field<E, ?> field, List<?> values) {
        String path = "filter." + Text.excerpt(field.name());
        if (!known(field)) {
            v.addAll(List.of(Violation.of(path, "filter.field.unknown", Text.excerpt(field.name()))));
            return;
        }
        for (Object value : values) {
            value(v, path, value);
        }
    }

    /** A value every storage can compare: bounded text without control characters, storable dates and numbers. */
    private static void value(Violations v, String path, Object value) {
        if (value instanceof String s) {
            v.text(path, s, Limits.QUERY_TEXT, false);
        } else if (value instanceof LocalDate d) {
            v.date(path, d);
        } else if (value instanceof Instant t) {
            v.instant(path, t);
        } else if (value instanceof BigDecimal n && (Limits.integerDigits(n) > Limits.NUMBER_INTEGER_DIGITS
                || !Limits.hasAtMostDecimals(n, Limits.NUMBER_SCALE))) {
            v.add(path, "query.value.number", Text.excerpt(n), Limits.NUMBER_INTEGER_DIGITS, Limits.NUMBER_SCALE);
        }
    }
}
