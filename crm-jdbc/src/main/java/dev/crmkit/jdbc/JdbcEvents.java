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

/**
 * The event log on PostgreSQL. Appended events wait in the transaction; when it commits they are
 * numbered under a transaction-scoped advisory lock held through the commit, so numbers are dense (after
 * those a restore kept) and rise in commit order, and a reader that saw number N has seen every number below
 * it. The lock is the schema's own (see {@link JdbcTransaction#lockEventLog()}): tenants in other schemas never
 * wait for it. A restore (IO-6) takes the same lock at its first event and inserts its events at once.
 */
final class JdbcEvents implements Events {

    private static final String COLUMNS = "sequence, at, author, entity_type, entity_id, entity_name, kind, field, before, after";

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

    /**
     * Inserts a restored event at once, so that memory stays flat however long the restored log is. The first
     * one takes the lock that orders numbering and holds it to the end of the transaction: no other transaction
     * can number events meanwhile, so the log found empty under it is still empty at commit.
     */
    @Override
    public void restore(Event event) {
        Objects.requireNonNull(event, "event");
        tx.checkOpen();
        if (restoredUpTo == 0) {
            tx.lockEventLog();
            if (lastSequence() != 0) {
                throw tx.failed(new ConflictException("the event log of " + table
                        + " holds events: a backup's events are restored into an empty log only", null,
                        ConflictException.Reason.ALREADY_EXISTS, null));
            }
        } else if (event.sequence() <= restoredUpTo) {
            throw new IllegalArgumentException("restored events rise: " + event.sequence() + " comes after "
                    + restoredUpTo);
        }
        tx.withStatement(insert, ps -> {
            bind(ps, event.sequence(), new NewEvent(event.at(), event.author(), event.entity(), event.entityName(),
                    event.kind(), event.field(), event.before(), event.after()));
            return ps.executeUpdate();
        });
        restoredUpTo = event.sequence();
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        tx.lockEventLog();
        long last = lastSequence();
        tx.withStatement(insert, ps -> {
            long sequence = last;
            for (NewEvent e : pending) {
                bind(ps, ++sequence, e);
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
        pending.clear();
    }

    private static void bind(PreparedStatement ps, long sequence, NewEvent e) throws SQLException {
        ps.setLong(1, sequence);
        ps.setObject(2, SqlValues.toJdbc(e.at()));
        ps.setObject(3, e.author().map(UserId::value).orElse(null));
        ps.setString(4, e.entity().type().name());
        ps.setObject(5, e.entity().id());
        ps.setString(6, e.entityName());
        ps.setString(7, e.kind().name());
        ps.setString(8, e.field().orElse(null));
        ps.setString(9, e.before().orElse(null));
        ps.setString(10, e.after().orElse(null));
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
