package dev.crmkit.jdbc;

import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.spi.Companies;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.Deals;
import dev.crmkit.spi.Events;
import dev.crmkit.spi.Leads;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Pipelines;
import dev.crmkit.spi.Settings;
import dev.crmkit.spi.Tasks;
import dev.crmkit.spi.Timeline;
import dev.crmkit.spi.Transaction;
import dev.crmkit.spi.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;

/** One JDBC transaction on one connection, handing out the ports. Confined to the thread that runs it. */
final class JdbcTransaction implements Transaction, Settings {

    /** A JDBC action that may throw {@link SQLException}. */
    interface SqlFunction<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }

    private final PostgresStorage storage;
    private final Connection connection;
    private final Thread owner = Thread.currentThread();
    private boolean open = true;

    private final JdbcPorts.JdbcUsers users;
    private final JdbcPorts.JdbcContacts contacts;
    private final JdbcPorts.JdbcCompanies companies;
    private final JdbcPorts.JdbcLeads leads;
    private final JdbcPorts.JdbcPipelines pipelines;
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
        deals = new JdbcPorts.JdbcDeals(this);
        tasks = new JdbcPorts.JdbcTasks(this);
        timeline = new JdbcPorts.JdbcTimeline(this);
        for (ListKind<?> kind : ListKind.all()) {
            lists.put(kind, listPort(kind));
        }
        events = new JdbcEvents(this);
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

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a transaction is confined to the thread that runs it");
        }
    }

    void end() {
        open = false;
    }

    <T> T withStatement(String sql, SqlFunction<T> action) {
        checkOpen();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return action.apply(ps);
        } catch (SQLException e) {
            throw Errors.translate(e, "a statement on " + storage.quotedSchema());
        }
    }

    PreparedStatement prepare(String sql) {
        checkOpen();
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw Errors.translate(e, "preparing a statement");
        }
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
            withStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ps -> {
                ps.setString(1, key);
                ps.execute();
                return null;
            });
        }
    }

    @Override
    public Users users() {
        checkOpen();
        return users;
    }

    @Override
    public Contacts contacts() {
        checkOpen();
        return contacts;
    }

    @Override
    public Companies companies() {
        checkOpen();
        return companies;
    }

    @Override
    public Leads leads() {
        checkOpen();
        return leads;
    }

    @Override
    public Pipelines pipelines() {
        checkOpen();
        return pipelines;
    }

    @Override
    public Deals deals() {
        checkOpen();
        return deals;
    }

    @Override
    public Tasks tasks() {
        checkOpen();
        return tasks;
    }

    @Override
    public Timeline timeline() {
        checkOpen();
        return timeline;
    }

    @Override
    public Events events() {
        checkOpen();
        return events;
    }

    @Override
    public Settings settings() {
        checkOpen();
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I extends ListItemId> ListStore<I> list(ListKind<I> kind) {
        checkOpen();
        return (ListStore<I>) lists.get(java.util.Objects.requireNonNull(kind, "kind"));
    }

    private <I extends ListItemId> JdbcPorts.JdbcList<I> listPort(ListKind<I> kind) {
        return new JdbcPorts.JdbcList<>(this, Tables.list(kind));
    }
}
