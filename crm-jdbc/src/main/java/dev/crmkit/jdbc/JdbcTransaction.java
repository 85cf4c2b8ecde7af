package dev.crmkit.jdbc;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.spi.AnalyticsQueries;
import dev.crmkit.spi.DuplicateQueries;
import dev.crmkit.spi.PortsTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One JDBC transaction on one connection, handing out the ports. Confined to the thread that runs it.
 *
 * <p>The database transaction begins lazily (unless {@link PostgresStorage} begins it at once, see there): reads
 * before the first write run in auto-commit, each statement on its own snapshot of committed data, which is what the
 * same statement would see inside a READ COMMITTED transaction (they run at the session's default level, and under
 * the session's lock time-out: see {@link PostgresStorage.Builder#lockTimeout}). The first
 * write, lock or stream turns auto-commit off and sends the set-up statement ({@code SET TRANSACTION …; SET LOCAL …}),
 * in the same round trip as a single write or lock ({@link #update}, {@link #lock}); a transaction that only read has
 * nothing to commit. So a find costs one round trip, and a single-statement write two (the write, the commit).
 */
final class JdbcTransaction extends PortsTransaction {

    /** A JDBC action that may throw {@link SQLException}. */
    interface SqlFunction<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row of a result set. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * How many rows a stream fetches from its server-side cursor at a time: few enough that memory stays
     * flat, many enough that round trips do not dominate.
     */
    static final int STREAM_FETCH_SIZE = 500;

    private final PostgresStorage storage;
    private final Connection connection;
    /** Whether the database transaction has begun: auto-commit off and the set-up statement sent. */
    private boolean begun;
    /** Whether this transaction turned the connection's auto-commit off, so it must be turned back on. */
    private boolean autoCommitChanged;
    /** The statements behind streams not closed yet; closed when the transaction ends, so none outlives it. */
    private final List<PreparedStatement> streams = new ArrayList<>();

    private final JdbcPorts.JdbcUsers users;
    private final JdbcPorts.JdbcContacts contacts;
    private final JdbcPorts.JdbcCompanies companies;
    private final JdbcPorts.JdbcLeads leads;
    private final JdbcPorts.JdbcPipelines pipelines;
    private final JdbcPorts.JdbcCustomFields customFields;
    private final JdbcPorts.JdbcStageTransitions stageTransitions;
    private final JdbcPorts.JdbcSalesGoals salesGoals;
    private final JdbcPorts.JdbcRateTables rateTables;
    private final JdbcPorts.JdbcImportTemplates importTemplates;
    private final JdbcPorts.JdbcDeals deals;
    private final JdbcPorts.JdbcTasks tasks;
    private final JdbcPorts.JdbcTimeline timeline;
    private final Map<ListKind<?>, JdbcPorts.JdbcList<?>> lists = new LinkedHashMap<>();
    private final JdbcEvents events;

    JdbcTransaction(PostgresStorage storage, Connection connection) {
        this.storage = storage;
        this.connection = connection;
        users = new JdbcPorts.JdbcUsers(this);
        contacts = new JdbcPorts.JdbcContacts(this);
        companies = new JdbcPorts.JdbcCompanies(this);
        leads = new JdbcPorts.JdbcLeads(this);
        pipelines = new JdbcPorts.JdbcPipelines(this);
        customFields = new JdbcPorts.JdbcCustomFields(this);
        stageTransitions = new JdbcPorts.JdbcStageTransitions(this);
        salesGoals = new JdbcPorts.JdbcSalesGoals(this);
        rateTables = new JdbcPorts.JdbcRateTables(this);
        importTemplates = new JdbcPorts.JdbcImportTemplates(this);
        deals = new JdbcPorts.JdbcDeals(this);
        tasks = new JdbcPorts.JdbcTasks(this);
        timeline = new JdbcPorts.JdbcTimeline(this);
        for (ListKind<?> kind : ListKind.all()) {
            lists.put(kind, listPort(kind));
        }
        events = new JdbcEvents(this);
        ports(new PortSet(users, contacts, companies, leads, pipelines, customFields, stageTransitions, salesGoals, rateTables,
                importTemplates, deals, tasks, timeline, events, Map.copyOf(lists)));
    }

    /** The report facts computed in SQL (an optional capability every PostgreSQL transaction has). */
    @Override
    public Optional<AnalyticsQueries> analytics() {
        checkOpen();
        return Optional.of(new JdbcAnalytics(this));
    }

    /** The first step of a duplicate scan in SQL (an optional capability every PostgreSQL transaction has). */
    @Override
    public Optional<DuplicateQueries> duplicates() {
        checkOpen();
        return Optional.of(new JdbcDuplicates(this, contacts));
    }

    Connection connection() {
        return connection;
    }

    /** Whether the database transaction has begun, so there is something to commit or roll back. */
    boolean begun() {
        return begun;
    }

    /** Whether this transaction turned the connection's auto-commit off (and it must be turned back on). */
    boolean autoCommitChanged() {
        return autoCommitChanged;
    }

    /**
     * Begins the database transaction now if it has not begun: auto-commit off, then the set-up statement in its own
     * round trip. For what cannot carry the set-up statement in front of it: a batch, a {@code COPY}, a savepoint, a
     * stream's cursor.
     */
    void begin() {
        if (begun) {
            return;
        }
        String setUp = beginning();
        try (Statement st = connection.createStatement()) {
            st.execute(setUp);
        } catch (SQLException e) {
            throw translate(e, "beginning a transaction on " + storage.quotedSchema());
        }
    }

    /**
     * Marks the transaction begun and returns the set-up statement to send before anything else, turning auto-commit
     * off first (the driver then sends {@code BEGIN} with the next statement).
     */
    private String beginning() {
        checkOpen();
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                autoCommitChanged = true;
            }
        } catch (SQLException e) {
            throw translate(e, "beginning a transaction on " + storage.quotedSchema());
        }
        begun = true;
        return storage.setUpStatement();
    }

    /**
     * A single statement that writes or locks, with the set-up statement in front of it when the transaction has not
     * begun: the driver sends both in one round trip, and the statement's own result is the last one.
     */
    private <T> T writing(String sql, SqlFunction<T> action) {
        return withStatement(begun ? sql : beginning() + "; " + sql, action);
    }

    JsonCodec codec() {
        return storage.codec();
    }

    String qualified(String table) {
        return storage.quotedSchema() + "." + table;
    }

    /** The statements of a table, built once for the storage. */
    JdbcStore.Sql sql(TableSpec<?, ?> spec) {
        return storage.sql(spec);
    }

    /** Translates a database error of a port call and remembers it (see {@link #failed}). */
    CrmException translate(SQLException e, String what) {
        return failed(Errors.translate(e, what));
    }

    void end() {
        ended();
        for (PreparedStatement ps : streams) {
            closeQuietly(ps);
        }
        streams.clear();
    }

    /**
     * Runs one statement. A statement that is not a {@code SELECT} begins the transaction first if it has not begun
     * (only reads may run in auto-commit); a {@code SELECT} that locks must go through {@link #writing}.
     */
    <T> T withStatement(String sql, SqlFunction<T> action) {
        checkOpen();
        if (!begun && !sql.startsWith("SELECT ")) {
            begin();
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return action.apply(ps);
        } catch (SQLException e) {
            throw translate(e, "a statement on " + storage.quotedSchema());
        } catch (ConflictException | StorageException e) {
            // Thrown while reading the rows (a stored document that cannot be read): a failed port call too.
            throw failed(e);
        }
    }

    /**
     * Streams the rows of a query through a server-side cursor: the driver fetches
     * {@link #STREAM_FETCH_SIZE} rows at a time (it does so because the connection is not in auto-commit),
     * so memory stays flat however many rows there are. The stream must be closed; whatever is still open
     * when the transaction ends is closed then, and reading it afterwards throws IllegalStateException.
     */
    <T> Stream<T> stream(String sql, RowReader<T> reader, String what) {
        checkOpen();
        begin();
        PreparedStatement ps;
        ResultSet rs;
        try {
            ps = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw translate(e, what);
        }
        try {
            ps.setFetchSize(STREAM_FETCH_SIZE);
            rs = ps.executeQuery();
        } catch (SQLException e) {
            closeQuietly(ps);
            throw translate(e, what);
        }
        streams.add(ps);
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                checkOpen();
                T row;
                try {
                    if (!rs.next()) {
                        return false;
                    }
                    row = reader.read(rs);
                } catch (SQLException e) {
                    throw translate(e, what);
                } catch (ConflictException | StorageException e) {
                    throw failed(e);
                }
                action.accept(row);
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            streams.remove(ps);
            closeQuietly(ps);
        });
    }

    /** Runs one writing statement and gives its row count (the last count, after any set-up statement's). */
    int update(String sql, List<SqlValues.Param> params) {
        return writing(sql, ps -> {
            for (int i = 0; i < params.size(); i++) {
                SqlValues.bind(connection, ps, i + 1, params.get(i));
            }
            return lastUpdateCount(ps, ps.execute());
        });
    }

    /**
     * The update count of the last of a statement's results (a set-up statement in front gives counts too); -1 when
     * the last result is rows, not a count.
     */
    private static int lastUpdateCount(PreparedStatement ps, boolean resultSet) throws SQLException {
        int count = -1;
        boolean isResultSet = resultSet;
        while (true) {
            if (isResultSet) {
                count = -1;
            } else {
                int c = ps.getUpdateCount();
                if (c == -1) {
                    return count;
                }
                count = c;
            }
            isResultSet = ps.getMoreResults();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a statement of a transaction that is ending anyway
        }
    }

    void flushEvents() {
        events.flush();
    }

    /**
     * {@inheritDoc}
     *
     * <p>All keys in one statement, one round trip: each key (named with the schema, see {@link #advisoryLock})
     * becomes the 64-bit hash PostgreSQL's advisory locks take, and the distinct hashes are locked in ascending order.
     * Ordering by the hash rather than by the key is what makes the order one for every transaction: two keys may
     * share a hash, and sorted as strings two sets could then take the same two locks in opposite orders.
     */
    @Override
    public void lock(Collection<String> keys) {
        Set<String> named = new TreeSet<>();
        for (String key : keys) {
            named.add("crmkit:lock:" + storage.schema() + ":" + Objects.requireNonNull(key, "key"));
        }
        if (named.isEmpty()) {
            return;
        }
        writing("SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h"
                + " FROM unnest(?::text[]) AS k ORDER BY h) AS hashes", ps -> {
                    ps.setArray(1, connection.createArrayOf("text", named.toArray()));
                    ps.execute();
                    return null;
                });
    }

    /** Takes the lock that orders event numbering in this schema (see {@link JdbcEvents}). */
    void lockEventLog() {
        advisoryLock("crmkit:events:" + storage.schema());
    }

    /**
     * Takes a transaction-scoped advisory lock. Advisory locks are shared by the whole database, and
     * tenants share a database, so every key names its schema: otherwise one tenant's transaction would
     * make another's wait (and the wait would tell it which keys, such as phone numbers, the other is
     * locking). A schema name has no colon, so "schema:key" names one pair only.
     */
    private void advisoryLock(String key) {
        writing("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ps -> {
            ps.setString(1, key);
            ps.execute();
            return null;
        });
    }

    private <I extends ListItemId> JdbcPorts.JdbcList<I> listPort(ListKind<I> kind) {
        return new JdbcPorts.JdbcList<>(this, Tables.list(kind));
    }
}
