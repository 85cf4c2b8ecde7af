package dev.crmkit.jdbc;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Store;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A store on one table, inside one {@link JdbcTransaction}. */
class JdbcStore<I extends EntityId, E extends Entity<I>> implements Store<I, E> {

    final JdbcTransaction tx;
    final TableSpec<I, E> spec;
    private final String table;
    private final String select;
    private final Sql sql;

    /**
     * The statements of one table, the same for every transaction of a storage: built once per storage
     * ({@link PostgresStorage#sql}), not per transaction or per call.
     */
    record Sql(String table, String select, String insert, String update, String delete, String version, String copy) {

        static Sql of(String table, TableSpec<?, ?> spec) {
            String names = spec.columns().stream().map(Column::name).collect(Collectors.joining(", "));
            String rowColumns = "id, version, data" + (names.isEmpty() ? "" : ", " + names);
            String marks = spec.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
            String sets = spec.columns().stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "));
            return new Sql(table, "SELECT data" + (spec.hasKind() ? ", kind" : "") + " FROM " + table,
                    "INSERT INTO " + table + " (" + rowColumns + ") VALUES (?, ?, ?" + (marks.isEmpty() ? "" : ", " + marks)
                            + ") ON CONFLICT DO NOTHING",
                    "UPDATE " + table + " SET version = ?, data = ?" + (sets.isEmpty() ? "" : ", " + sets)
                            + " WHERE id = ? AND version = ?",
                    "DELETE FROM " + table + " WHERE id = ? AND version = ?",
                    "SELECT version FROM " + table + " WHERE id = ?",
                    "COPY " + table + " (" + rowColumns + ") FROM STDIN");
        }
    }

    JdbcStore(JdbcTransaction tx, TableSpec<I, E> spec) {
        this.tx = tx;
        this.spec = spec;
        this.sql = tx.sql(spec);
        this.table = sql.table();
        this.select = sql.select();
    }

    private E decode(ResultSet rs) throws SQLException {
        return tx.codec().read(rs.getString(1), spec.typeOf().apply(spec.hasKind() ? rs.getString(2) : null));
    }

    /** Runs a query that returns rows of {@code data} (and {@code kind}). */
    final List<E> list(String sql, List<SqlValues.Param> params) {
        return tx.withStatement(sql, ps -> {
            bindAll(ps, params);
            List<E> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(decode(rs));
                }
            }
            return result;
        });
    }

    private void bindAll(PreparedStatement ps, List<SqlValues.Param> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            SqlValues.bind(tx.connection(), ps, i + 1, params.get(i));
        }
    }

    /** The records where a condition on lookup columns holds, in a given order. */
    final List<E> where(String condition, String orderBy, SqlValues.Param... params) {
        return list(select + " WHERE " + condition + " ORDER BY " + orderBy, List.of(params));
    }

    @Override
    public Optional<E> find(I id) {
        Objects.requireNonNull(id, "id");
        return where("id = ?", "id", SqlValues.Param.of(id, "uuid")).stream().findFirst();
    }

    @Override
    public List<E> findAll(Collection<I> ids) {
        LinkedHashSet<I> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<I, E> found = new LinkedHashMap<>();
        for (E e : where("id = ANY(?)", "id", SqlValues.Param.array(wanted, "uuid"))) {
            found.put(e.id(), e);
        }
        return wanted.stream().map(found::get).filter(Objects::nonNull).collect(Collectors.toList());
    }

    private List<SqlValues.Param> rowParams(E entity) {
        List<SqlValues.Param> params = new ArrayList<>();
        params.add(SqlValues.Param.of(entity.version(), "bigint"));
        String json;
        try {
            json = tx.codec().write(entity);
        } catch (StorageException e) {
            throw tx.failed(e);
        }
        params.add(SqlValues.Param.of(json, "jsonb"));
        for (Column<E> c : spec.columns()) {
            Object value = c.value().apply(entity);
            params.add(c.many() ? SqlValues.Param.array((Collection<?>) value, c.sqlType())
                    : SqlValues.Param.of(value, c.sqlType()));
        }
        return params;
    }

    @Override
    public E insert(E entity) {
        Store.checkNew(entity);
        return add(entity);
    }

    @Override
    public E restore(E entity) {
        Store.checkRestored(entity);
        return add(entity);
    }

    @Override
    public void insertAll(List<E> entities) {
        Store.checkBatch(entities, false);
        addAll(entities);
    }

    @Override
    public void restoreAll(List<E> entities) {
        Store.checkBatch(entities, true);
        addAll(entities);
    }

    /** The values of a new row, for an INSERT and a COPY alike. */
    private List<SqlValues.Param> newRow(E entity) {
        List<SqlValues.Param> params = new ArrayList<>();
        params.add(SqlValues.Param.of(entity.id(), "uuid"));
        params.addAll(rowParams(entity));
        return params;
    }

    /** How many characters of rows a {@code COPY} is sent at a time, so the server works while the rest is built. */
    private static final int COPY_PIECE = 1 << 16;

    /**
     * Inserts rows for records that must not exist yet with one {@code COPY ... FROM STDIN}, under a savepoint. The
     * rows go to the server in pieces as they are built, so that it stores the first while the last are written.
     * When the server refuses the COPY (a taken id or unique key), the transaction goes back to the savepoint and
     * the records are inserted one by one, so the caller gets exactly the single insert's error, naming the
     * record; if every single insert succeeds, the COPY's own error is thrown.
     */
    private void addAll(List<E> entities) {
        tx.checkOpen();
        String sql = this.sql.copy();
        tx.begin();
        Connection connection = tx.connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw tx.translate(e, "a savepoint before copying into " + spec.table());
        }
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            StringBuilder rows = new StringBuilder(COPY_PIECE + 4096);
            for (E e : entities) {
                SqlValues.copyRow(rows, newRow(e));
                if (rows.length() >= COPY_PIECE) {
                    send(copy, rows);
                }
            }
            send(copy, rows);
            copy.endCopy();
        } catch (SQLException refused) {
            cancel(copy, refused);
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                e.addSuppressed(refused);
                throw tx.translate(e, "rolling back a refused copy into " + spec.table());
            }
            if (Errors.connectionLost(refused)) {
                throw tx.translate(refused, "copying into " + spec.table());
            }
            for (E e : entities) {
                add(e);
            }
            throw tx.translate(refused, "copying into " + spec.table());
        } catch (RuntimeException | Error e) {
            cancel(copy, e);
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw tx.translate(e, "releasing the savepoint of a copy into " + spec.table());
        }
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        if (rows.length() > 0) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    /** Ends a copy still in progress, so the connection can go on (to the rollback, or back to the pool). */
    private static void cancel(CopyIn copy, Throwable cause) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Inserts a row for a record that must not exist yet, at whatever version it is. */
    private E add(E entity) {
        int rows = tx.update(sql.insert(), newRow(entity));
        if (rows == 0) {
            // ON CONFLICT DO NOTHING does not say which key conflicted: the id, or else a unique key.
            RecordRef ref = RecordRef.of(entity.id());
            throw tx.failed(versionOf(entity.id()).isPresent() ? ConflictException.alreadyExists(ref)
                    : new ConflictException(spec.table() + ": a unique key of " + ref + " is taken by another record",
                            ref, ConflictException.Reason.UNIQUE_KEY, null));
        }
        return entity;
    }

    @Override
    public E update(E entity, long expectedVersion) {
        Store.checkNext(entity, expectedVersion);
        List<SqlValues.Param> params = rowParams(entity);
        params.add(SqlValues.Param.of(entity.id(), "uuid"));
        params.add(SqlValues.Param.of(expectedVersion, "bigint"));
        if (tx.update(sql.update(), params) == 0) {
            throw missingOrStale(entity.id(), expectedVersion);
        }
        return entity;
    }

    @Override
    public void delete(I id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        int rows = tx.update(sql.delete(),
                List.of(SqlValues.Param.of(id, "uuid"), SqlValues.Param.of(expectedVersion, "bigint")));
        if (rows == 0) {
            throw missingOrStale(id, expectedVersion);
        }
    }

    private RuntimeException missingOrStale(I id, long expectedVersion) {
        Optional<Long> stored = versionOf(id);
        // A missing record ran no failing statement and does not fail the transaction; a stale one does.
        return stored.isEmpty() ? NotFoundException.of(id)
                : tx.failed(ConflictException.staleVersion(RecordRef.of(id), expectedVersion, stored.get()));
    }

    private Optional<Long> versionOf(I id) {
        return tx.withStatement(sql.version(), ps -> {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    @Override
    public Slice<E> query(Filter<E> filter, Sort<E> sort, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        SqlQuery q = new SqlQuery(spec.byField(), "id", "uuid");
        String where = q.where(filter);
        if (page.after().isPresent()) {
            where = where + " AND " + q.after(sort, page.after().get());
        }
        String sql = select + " WHERE " + where + " ORDER BY " + q.orderBy(sort) + " LIMIT " + (page.size() + 1);
        List<E> rows = list(sql, q.params);
        boolean more = rows.size() > page.size();
        List<E> items = more ? rows.subList(0, page.size()) : rows;
        Optional<Cursor> next = Optional.empty();
        if (more) {
            E last = items.get(items.size() - 1);
            List<Object> keys = new ArrayList<>();
            for (Sort.Order<E> o : sort.orders()) {
                keys.add(o.field().sortKey(last));
            }
            keys.add(last.id());
            next = Optional.of(Cursor.of(keys));
        }
        return new Slice<>(items, next);
    }

    @Override
    public long count(Filter<E> filter) {
        SqlQuery q = new SqlQuery(spec.byField(), "id", "uuid");
        String sql = "SELECT count(*) FROM " + table + " WHERE " + q.where(filter);
        return tx.withStatement(sql, ps -> {
            bindAll(ps, q.params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Stream<E> streamAll() {
        return tx.stream(select + " ORDER BY id", this::decode, "reading " + spec.table());
    }

    /**
     * The records where a condition holds, streamed from a cursor in no particular order (the condition is SQL of
     * this class's callers, never user text).
     */
    final Stream<E> streamWhere(String condition) {
        return tx.stream(select + " WHERE " + condition, this::decode, "reading " + spec.table());
    }

}
