package dev.crmkit.jdbc;

import dev.crmkit.api.EntityId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;

/** Binds crmkit's Java values to statement parameters. */
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
