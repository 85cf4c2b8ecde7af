package dev.crmkit.jdbc;

import dev.crmkit.api.EntityId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Binds crmkit's Java values to statement parameters, and writes the same values as rows of PostgreSQL's
 * {@code COPY} text format: both go through {@link #toJdbc}, so a value stored by a batch is the one an INSERT
 * of it stores.
 */
final class SqlValues {

    private SqlValues() {
    }

    static Object toJdbc(Object v) {
        if (v instanceof EntityId) {
            return ((EntityId) v).value();
        }
        if (v instanceof Enum<?>) {
            return ((Enum<?>) v).name();
        }
        if (v instanceof Currency) {
            return ((Currency) v).getCurrencyCode();
        }
        if (v instanceof Instant) {
            return OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
        }
        return v;
    }

    static void bind(Connection c, PreparedStatement ps, int index, Param p) throws SQLException {
        Object v = p.value();
        if (p.array()) {
            Collection<?> values = (Collection<?>) v;
            Object[] converted = values.stream().map(SqlValues::toJdbc).toArray();
            ps.setArray(index, c.createArrayOf(p.sqlType(), converted));
        } else if (v == null) {
            ps.setNull(index, jdbcType(p.sqlType()));
        } else if ("jsonb".equals(p.sqlType())) {
            ps.setObject(index, v, Types.OTHER);
        } else {
            ps.setObject(index, toJdbc(v));
        }
    }

    /**
     * Appends one row of {@code COPY ... FROM STDIN} in text format: the parameters' values in order, separated by
     * tabs, ended by a line break; null is {@code \N}, an array is an array literal, and backslashes, tabs and line
     * breaks in a value are escaped.
     *
     * @param out where the row goes
     * @param params the row's values, as an INSERT of the row binds them
     */
    static void copyRow(StringBuilder out, List<Param> params) {
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            Param p = params.get(i);
            if (p.value() == null) {
                out.append("\\N");
            } else if (p.array()) {
                StringBuilder literal = new StringBuilder("{");
                boolean first = true;
                for (Object element : (Collection<?>) p.value()) {
                    if (!first) {
                        literal.append(',');
                    }
                    first = false;
                    if (element == null) {
                        literal.append("NULL");
                        continue;
                    }
                    literal.append('"');
                    String text = copyText(toJdbc(element));
                    for (int k = 0; k < text.length(); k++) {
                        char c = text.charAt(k);
                        if (c == '"' || c == '\\') {
                            literal.append('\\');
                        }
                        literal.append(c);
                    }
                    literal.append('"');
                }
                escape(out, literal.append('}').toString());
            } else {
                escape(out, copyText(toJdbc(p.value())));
            }
        }
        out.append('\n');
    }

    /** The text PostgreSQL reads back as a value {@link #toJdbc} gives. */
    private static String copyText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof UUID || v instanceof LocalDate) {
            return v.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        throw new IllegalArgumentException("no COPY text for a value of " + v.getClass().getName());
    }

    /** Appends a value's text with COPY's escapes: backslash, tab, line feed and carriage return. */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static int jdbcType(String sqlType) {
        return switch (sqlType) {
            case "text" -> Types.VARCHAR;
            case "numeric" -> Types.NUMERIC;
            case "timestamptz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "date" -> Types.DATE;
            case "boolean" -> Types.BOOLEAN;
            case "integer" -> Types.INTEGER;
            case "bigint" -> Types.BIGINT;
            default -> Types.OTHER;
        };
    }

    /**
     * A statement parameter.
     *
     * @param value the value (a collection for an array)
     * @param sqlType its PostgreSQL type (of the elements for an array)
     * @param array whether it is bound as an array
     */
    record Param(Object value, String sqlType, boolean array) {
        static Param of(Object value, String sqlType) {
            return new Param(value, sqlType, false);
        }

        static Param array(Collection<?> values, String sqlType) {
            return new Param(values, sqlType, true);
        }
    }
}
