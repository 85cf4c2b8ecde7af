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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** One JDBC transaction on one connection, handing out the ports. Confined to the thread that runs it. */
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
        return Optional.of(new JdbcDuplicates(this));
    }

    Connection connection() {
        return connection;
    }

    JsonCodec codec() {
        return storage.codec();
    }

    String qualified(String table) {
        return storage.quotedSchema() + "." + table;
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

    <T> T withStatement(String sql, SqlFunction<T> action) {
        checkOpen();
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

    int update(String sql, List<SqlValues.Param> params) {
        return withStatement(sql, ps -> {
            for (int i = 0; i < params.size(); i++) {
                SqlValues.bind(connection, ps, i + 1, params.get(i));
            }
            return ps.executeUpdate();
        });
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

    @Override
    public void lock(Collection<String> keys) {
        // Keys are taken in one order (sorted), so two transactions locking overlapping sets cannot deadlock.
        for (String key : new TreeSet<>(keys)) {
            advisoryLock("crmkit:lock:" + storage.schema() + ":" + key);
        }
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
        withStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ps -> {
            ps.setString(1, key);
            ps.execute();
            return null;
        });
    }

    private <I extends ListItemId> JdbcPorts.JdbcList<I> listPort(ListKind<I> kind) {
        return new JdbcPorts.JdbcList<>(this, Tables.list(kind));
    }
}
