package dev.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source wrapper that can kill the connection it handed out at a chosen step of a transaction:
 * before a chosen statement is executed, or before the commit. Killing is real: the backend is
 * terminated with {@code pg_terminate_backend} from a second connection (see {@link Backends}), and the
 * step then runs against the dead connection. It also records the steps and the backend pid of every
 * connection it handed out, so a test can tell that the next call ran on a fresh one.
 *
 * <p>For one test thread at a time: the armed fault and the trace are not meant to be shared.
 */
final class FaultyDataSource implements DataSource {

    /** What a step is: a statement sent to the server, or the commit. */
    enum Kind { STATEMENT, COMMIT }

    /**
     * One step of a borrowed connection.
     *
     * @param kind a statement or the commit
     * @param sql the statement's SQL (empty for the commit)
     * @param writes how many writing statements ran before this step on this connection
     */
    record Step(Kind kind, String sql, int writes) {

        /**
         * Whether this step is a statement that writes rows, with or without the transaction's set-up statement in
         * front of it (crm-jdbc sends that with the first write, in one round trip).
         */
        boolean isWrite() {
            String statement = sql.startsWith("SET TRANSACTION ") ? sql.substring(sql.lastIndexOf("; ") + 2) : sql;
            String s = statement.stripLeading().toUpperCase(Locale.ROOT);
            return kind == Kind.STATEMENT && (s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE"));
        }

        /** Whether this step writes the event log. */
        boolean isEventWrite() {
            return isWrite() && sql.contains(".events ");
        }
    }

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final DataSource delegate;
    private final DataSource admin;
    private final List<Step> trace = new ArrayList<>();
    private final List<Integer> pids = new ArrayList<>();
    private Predicate<Step> fault;
    private Integer killed;
    private Step killedAt;

    /**
     * @param delegate where connections come from
     * @param admin where the connection that terminates a backend comes from
     */
    FaultyDataSource(DataSource delegate, DataSource admin) {
        this.delegate = delegate;
        this.admin = admin;
    }

    /**
     * Arms a fault: the first step matching {@code when} finds its backend terminated. One fault at a time;
     * it disarms itself once fired.
     */
    synchronized void killAt(Predicate<Step> when) {
        this.fault = when;
        this.killed = null;
        this.killedAt = null;
    }

    /** The pid of the backend the last fault killed, or null when none fired since {@link #killAt}. */
    synchronized Integer killed() {
        return killed;
    }

    /** The step the last fault fired at, or null when none fired since {@link #killAt}. */
    synchronized Step killedAt() {
        return killedAt;
    }

    /** The steps of the connection handed out last. */
    synchronized List<Step> trace() {
        return List.copyOf(trace);
    }

    /** The backend pid of every connection handed out, in order. */
    synchronized List<Integer> pids() {
        return List.copyOf(pids);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private synchronized Connection wrap(Connection real) throws SQLException {
        int pid = Backends.pid(real);
        pids.add(pid);
        trace.clear();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        step(new Step(Kind.COMMIT, "", writes()), pid);
                    }
                    Object result = invoke(real, method, args);
                    if (result instanceof Statement st && method.getReturnType().isInterface()) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        return statement(st, method.getReturnType(), sql, pid);
                    }
                    return result;
                });
    }

    private Object statement(Statement real, Class<?> type, String preparedSql, int pid) {
        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (EXECUTES.contains(method.getName())) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                        step(new Step(Kind.STATEMENT, sql == null ? "" : sql, writes()), pid);
                    }
                    return invoke(real, method, args);
                });
    }

    private synchronized int writes() {
        return (int) trace.stream().filter(Step::isWrite).count();
    }

    private void step(Step step, int pid) throws SQLException {
        boolean fire;
        synchronized (this) {
            trace.add(step);
            fire = fault != null && fault.test(step);
            if (fire) {
                fault = null;
                killed = pid;
                killedAt = step;
            }
        }
        if (fire) {
            Backends.terminate(admin, pid);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
