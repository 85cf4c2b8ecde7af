package dev.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of one connection, as simple as a pool can be: it hands the same physical connection out again
 * without resetting anything, so whatever a borrower leaves behind (auto-commit off, a session setting)
 * the next borrower gets. Optionally runs a hook before each commit, to break the connection at exactly
 * that moment.
 */
final class OneConnectionPool implements DataSource, AutoCloseable {

    /** Something to do to the physical connection just before a borrower's commit. */
    interface BeforeCommit {
        void run(Connection physical) throws SQLException;
    }

    private final Connection physical;
    private final BeforeCommit beforeCommit;

    OneConnectionPool(Connection physical) {
        this(physical, c -> { });
    }

    OneConnectionPool(Connection physical, BeforeCommit beforeCommit) {
        this.physical = physical;
        this.beforeCommit = beforeCommit;
    }

    /** The connection itself, for the test to look at between borrowers. */
    Connection physical() {
        return physical;
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null; // back to the pool, as it is
                        case "isClosed":
                            return false;
                        case "commit":
                            beforeCommit.run(physical);
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public void close() throws SQLException {
        physical.close();
    }
}
