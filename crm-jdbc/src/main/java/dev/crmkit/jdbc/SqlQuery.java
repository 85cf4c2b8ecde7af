package dev.crmkit.jdbc;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates filters, sorts and cursors into SQL with parameters. Every field is resolved by name
 * against the table's known columns, so no caller text ever reaches the SQL; values are always
 * parameters. The semantics are those {@link Filter} documents (two-valued logic), kept with
 * {@code COALESCE(…, FALSE)} and {@code IS DISTINCT FROM}.
 */
final class SqlQuery {

    private final Map<String, Column<?>> columns;
    private final String idColumn;
    private final String idType;
    final List<SqlValues.Param> params = new ArrayList<>();

    SqlQuery(Map<String, Column<?>> columns, String idColumn, String idType) {
        this.columns = columns;
        this.idColumn = idColumn;
        this.idType = idType;
    }

    Column<?> column(Field<?, ?> field) {
        if (field.customField().isPresent()) {
            return CustomColumns.of(field);
        }
        Column<?> c = columns.get(field.name());
        if (c == null) {
            throw ValidationException.of(Violation.of(field.name(), "filter.field.unknown", field.name()));
        }
        return c;
    }

    <E> String where(Filter<E> f) {
        if (f instanceof Filter.All) {
            return "TRUE";
        }
        if (f instanceof Filter.And) {
            List<Filter<E>> parts = ((Filter.And<E>) f).filters();
            return parts.isEmpty() ? "TRUE" : parts.stream().map(this::where).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (f instanceof Filter.Or) {
            List<Filter<E>> parts = ((Filter.Or<E>) f).filters();
            return parts.isEmpty() ? "FALSE" : parts.stream().map(this::where).collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (f instanceof Filter.Within) {
            Filter.Within<E> within = (Filter.Within<E>) f;
            return "(" + where(within.scope()) + " AND " + where(within.filter()) + ")";
        }
        if (f instanceof Filter.Not) {
            return "(NOT " + where(((Filter.Not<E>) f).filter()) + ")";
        }
        if (f instanceof Filter.Present) {
            Column<?> c = column(((Filter.Present<E>) f).field());
            return c.many() ? "(cardinality(" + c.name() + ") > 0)" : "(" + c.name() + " IS NOT NULL)";
        }
        if (f instanceof Filter.In) {
            Filter.In<E, ?> in = (Filter.In<E, ?>) f;
            Column<?> c = column(in.field());
            String indexed = indexed(in.field(), in.values());
            params.add(SqlValues.Param.array(in.values(), c.sqlType()));
            return indexed + (c.many() ? "COALESCE(" + c.name() + " && ?, FALSE)"
                    : "COALESCE(" + c.name() + " = ANY(?), FALSE)") + (indexed.isEmpty() ? "" : ")");
        }
        Filter.Compare<E, ?> cmp = (Filter.Compare<E, ?>) f;
        Column<?> c = column(cmp.field());
        String indexed = cmp.op() == Filter.Op.EQ ? indexed(cmp.field(), List.of(cmp.value())) : "";
        params.add(SqlValues.Param.of(cmp.value(), c.sqlType()));
        String op = operator(cmp.op());
        if (cmp.op() == Filter.Op.CONTAINS) {
            return c.many() ? "EXISTS (SELECT 1 FROM unnest(" + c.name() + ") AS v WHERE strpos(v, ?) > 0)"
                    : "COALESCE(strpos(" + c.name() + ", ?) > 0, FALSE)";
        }
        if (c.many()) {
            switch (cmp.op()) {
                case EQ:
                    return indexed + "COALESCE(? = ANY(" + c.name() + "), FALSE)" + (indexed.isEmpty() ? "" : ")");
                case NE:
                    return "(NOT COALESCE(? = ANY(" + c.name() + "), FALSE))";
                default:
                    String element = "text".equals(c.sqlType()) ? "v COLLATE \"C\"" : "v";
                    return "EXISTS (SELECT 1 FROM unnest(" + c.name() + ") AS v WHERE " + element + " " + op + " ?)";
            }
        }
        if (!indexed.isEmpty()) {
            return indexed + "COALESCE(" + c.name() + " " + op + " ?, FALSE))";
        }
        if (cmp.op() == Filter.Op.NE) {
            return "(" + c.name() + " IS DISTINCT FROM ?)";
        }
        return "COALESCE(" + c.name() + " " + op + " ?, FALSE)";
    }

    /**
     * For an equality or any-of filter on a custom field, the opening of "(condition the index answers AND"
     * (with its parameters added); empty otherwise.
     */
    private String indexed(Field<?, ?> field, java.util.Collection<?> values) {
        if (field.customField().isEmpty()) {
            return "";
        }
        String condition = CustomColumns.containing(field, values, params);
        return condition == null ? "" : "(" + condition + " AND ";
    }

    private static String operator(Filter.Op op) {
        switch (op) {
            case EQ:
                return "=";
            case NE:
                return "<>";
            case LT:
                return "<";
            case LE:
                return "<=";
            case GT:
                return ">";
            default:
                return ">=";
        }
    }

    <E> String orderBy(Sort<E> sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order<E> o : sort.orders()) {
            Column<?> c = column(o.field());
            parts.add(c.name() + (o.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
        }
        parts.add(idColumn + " ASC");
        return String.join(", ", parts);
    }

    /**
     * The rows strictly after a cursor in the sort's order (keyset paging): a disjunction over the sort
     * keys, each "equal on the keys before it, after it on this one", with absent values last ascending
     * and first descending.
     */
    <E> String after(Sort<E> sort, Cursor cursor) {
        List<Object> keys = cursor.keys();
        if (keys.size() != sort.orders().size() + 1) {
            throw new IllegalArgumentException("the cursor does not belong to a query with this sort");
        }
        List<String> disjuncts = new ArrayList<>();
        int n = sort.orders().size();
        for (int i = 0; i <= n; i++) {
            if (i < n && !sort.orders().get(i).descending() && keys.get(i) == null) {
                continue; // ascending, absent values come last: nothing is after an absent value
            }
            List<String> conjuncts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                Column<?> c = column(sort.orders().get(j).field());
                conjuncts.add(c.name() + " IS NOT DISTINCT FROM ?");
                params.add(SqlValues.Param.of(keys.get(j), c.sqlType()));
            }
            if (i == n) {
                conjuncts.add(idColumn + " > ?");
                params.add(SqlValues.Param.of(keys.get(i), idType));
            } else {
                Sort.Order<E> o = sort.orders().get(i);
                Column<?> c = column(o.field());
                Object key = keys.get(i);
                if (!o.descending()) {
                    conjuncts.add("(" + c.name() + " > ? OR " + c.name() + " IS NULL)");
                    params.add(SqlValues.Param.of(key, c.sqlType()));
                } else if (key == null) {
                    conjuncts.add(c.name() + " IS NOT NULL");
                } else {
                    conjuncts.add(c.name() + " < ?");
                    params.add(SqlValues.Param.of(key, c.sqlType()));
                }
            }
            disjuncts.add("(" + String.join(" AND ", conjuncts) + ")");
        }
        return "(" + String.join(" OR ", disjuncts) + ")";
    }
}
