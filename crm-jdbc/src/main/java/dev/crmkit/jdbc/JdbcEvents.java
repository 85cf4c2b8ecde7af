package dev.crmkit.jdbc;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.spi.Events;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;

import dev.crmkit.api.StorageException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The event log on PostgreSQL. Appended events wait in the transaction; when it commits they are
 * numbered under a transaction-scoped advisory lock held through the commit, so numbers are dense (after
 * those a restore kept) and rise in commit order, and a reader that saw number N has seen every number below
 * it. The lock is the schema's own (see {@link JdbcTransaction#lockEventLog()}): tenants in other schemas never
 * wait for it. A restore (IO-6) takes the same lock at its first event and inserts its events at once.
 */
final class JdbcEvents implements Events {

    private static final String COLUMNS = "sequence, at, author, entity_type, entity_id, entity_name, kind, field, before, after";

    /** From how many appended events on the commit stores them with one COPY rather than a batch of INSERTs. */
    private static final int COPY_FROM = 16;

    private final JdbcTransaction tx;
    private final String table;
    /** The statement that stores one event. */
    private final String insert;
    private final List<NewEvent> pending = new ArrayList<>();
    /** The number of the last event restored in this transaction, 0 before the first. */
    private long restoredUpTo;

    JdbcEvents(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.qualified("events");
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public void append(NewEvent event) {
        // Appending touches no database until commit, so it checks by itself that it can still be stored.
        tx.checkOpen();
        pending.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public void appendAll(List<NewEvent> events) {
        Events.checkBatch(events);
        tx.checkOpen();
        pending.addAll(events);
    }

    /**
     * Copies restored events into the log at once, with one {@code COPY}; the first batch (or event) of the
     * transaction takes the lock that orders numbering and checks the log is empty, as {@link #restore} does.
     */
    @Override
    public void restoreAll(List<Event> events) {
        Events.checkBatch(events);
        tx.checkOpen();
        startRestoring(events.get(0).sequence());
        StringBuilder rows = new StringBuilder();
        for (Event e : events) {
            SqlValues.copyRow(rows, row(e.sequence(), asNew(e)));
        }
        copy(rows, "copying restored events");
        restoredUpTo = events.get(events.size() - 1).sequence();
    }

    /** Before restoring an event: the lock and the empty log at the first one, rising numbers after it. */
    private void startRestoring(long sequence) {
        if (restoredUpTo == 0) {
            tx.lockEventLog();
            if (lastSequence() != 0) {
                throw tx.failed(new ConflictException("the event log of " + table
                        + " holds events: a backup's events are restored into an empty log only", null,
                        ConflictException.Reason.ALREADY_EXISTS, null));
            }
        } else if (sequence <= restoredUpTo) {
            throw new IllegalArgumentException("restored events rise: " + sequence + " comes after " + restoredUpTo);
        }
    }

    private static NewEvent asNew(Event event) {
        return new NewEvent(event.at(), event.author(), event.entity(), event.entityName(), event.kind(),
                event.field(), event.before(), event.after());
    }

    /** Runs {@code COPY events FROM STDIN} over rows of {@link SqlValues#copyRow}. */
    private void copy(StringBuilder rows, String what) {
        tx.checkOpen();
        tx.begin();
        try {
            tx.connection().unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + COLUMNS
                    + ") FROM STDIN", new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw tx.translate(e, what);
        } catch (IOException e) {
            throw tx.failed(new StorageException(what + " failed", e));
        }
    }

    /**
     * Inserts a restored event at once, so that memory stays flat however long the restored log is. The first
     * one takes the lock that orders numbering and holds it to the end of the transaction: no other transaction
     * can number events meanwhile, so the log found empty under it is still empty at commit.
     */
    @Override
    public void restore(Event event) {
        Objects.requireNonNull(event, "event");
        tx.checkOpen();
        startRestoring(event.sequence());
        tx.withStatement(insert, ps -> {
            bind(ps, event.sequence(), asNew(event));
            return ps.executeUpdate();
        });
        restoredUpTo = event.sequence();
    }

    /**
     * Stores the appended events under the numbering lock: one by one for a few, with one {@code COPY} for many
     * (an import's chunk appends hundreds).
     */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        tx.lockEventLog();
        long last = lastSequence();
        if (pending.size() >= COPY_FROM) {
            StringBuilder rows = new StringBuilder();
            long sequence = last;
            for (NewEvent e : pending) {
                SqlValues.copyRow(rows, row(++sequence, e));
            }
            copy(rows, "copying the appended events");
        } else {
            tx.withStatement(insert, ps -> {
                long sequence = last;
                for (NewEvent e : pending) {
                    bind(ps, ++sequence, e);
                    ps.addBatch();
                }
                ps.executeBatch();
                return null;
            });
        }
        pending.clear();
    }

    /** The values of an event's row, in the order of {@link #COLUMNS}, for an INSERT and a COPY alike. */
    private static List<SqlValues.Param> row(long sequence, NewEvent e) {
        return List.of(SqlValues.Param.of(sequence, "bigint"), SqlValues.Param.of(e.at(), "timestamptz"),
                SqlValues.Param.of(e.author().map(UserId::value).orElse(null), "uuid"),
                SqlValues.Param.of(e.entity().type().name(), "text"), SqlValues.Param.of(e.entity().id(), "uuid"),
                SqlValues.Param.of(e.entityName(), "text"), SqlValues.Param.of(e.kind().name(), "text"),
                SqlValues.Param.of(e.field().orElse(null), "text"), SqlValues.Param.of(e.before().orElse(null), "text"),
                SqlValues.Param.of(e.after().orElse(null), "text"));
    }

    private void bind(PreparedStatement ps, long sequence, NewEvent e) throws SQLException {
        List<SqlValues.Param> row = row(sequence, e);
        for (int i = 0; i < row.size(); i++) {
            SqlValues.bind(tx.connection(), ps, i + 1, row.get(i));
        }
    }

    private List<Event> read(String sql, List<SqlValues.Param> params) {
        return tx.withStatement(sql, ps -> {
            for (int i = 0; i < params.size(); i++) {
                SqlValues.bind(tx.connection(), ps, i + 1, params.get(i));
            }
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs));
                }
            }
            return events;
        });
    }

    private static Event event(ResultSet rs) throws SQLException {
        UUID author = rs.getObject(3, UUID.class);
        return new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(author).map(UserId::new),
                new RecordRef(EntityType.valueOf(rs.getString(4)), rs.getObject(5, UUID.class)), rs.getString(6),
                EventKind.valueOf(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)));
    }

    @Override
    public List<Event> after(long sequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return read("SELECT " + COLUMNS + " FROM " + table + " WHERE sequence > ? ORDER BY sequence LIMIT ?",
                List.of(SqlValues.Param.of(sequence, "bigint"), SqlValues.Param.of(limit, "integer")));
    }

    @Override
    public Slice<Event> query(Filter<Event> filter, PageRequest page) {
        SqlQuery q = new SqlQuery(fields(), "sequence", "bigint");
        String where = q.where(filter);
        if (page.after().isPresent()) {
            where = where + " AND " + q.after(Sort.<Event>byId(), page.after().get());
        }
        List<Event> rows = read("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where
                + " ORDER BY sequence LIMIT " + (page.size() + 1), q.params);
        boolean more = rows.size() > page.size();
        List<Event> items = more ? rows.subList(0, page.size()) : rows;
        Optional<Cursor> next = more ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).sequence())))
                : Optional.empty();
        return new Slice<>(items, next);
    }

    private static Map<String, Column<?>> fields() {
        Map<String, Column<?>> map = new LinkedHashMap<>();
        map.put("sequence", Column.extra("sequence", "bigint", e -> null));
        map.put("at", Column.extra("at", "timestamptz", e -> null));
        map.put("author", Column.extra("author", "uuid", e -> null));
        map.put("entityType", Column.extra("entity_type", "text", e -> null));
        map.put("entityId", Column.extra("entity_id", "uuid", e -> null));
        map.put("kind", Column.extra("kind", "text", e -> null));
        return map;
    }

    @Override
    public long lastSequence() {
        return tx.withStatement("SELECT coalesce(max(sequence), 0) FROM " + table, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Stream<Event> streamAll() {
        return tx.stream("SELECT " + COLUMNS + " FROM " + table + " ORDER BY sequence", JdbcEvents::event,
                "reading the events");
    }

}
