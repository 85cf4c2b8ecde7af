package dev.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** Ends PostgreSQL backends from outside, the way an administrator or a crashing server would. */
final class Backends {

    private Backends() {
    }

    /**
     * The process id of the backend serving a connection (unwrapping pools' proxies).
     *
     * @param c the connection
     * @return its backend's pid
     * @throws SQLException when the connection is not a PostgreSQL one
     */
    static int pid(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getBackendPID();
    }

    /**
     * Terminates a backend from a second connection and waits (up to a minute) until it is gone, so the
     * next thing the victim's client sends meets a dead connection.
     *
     * @param admin where the second connection comes from (not the victim's pool)
     * @param pid the backend to end
     * @throws SQLException when the second connection fails
     * @throws IllegalStateException when PostgreSQL did not terminate the backend
     */
    static void terminate(DataSource admin, int pid) throws SQLException {
        try (Connection other = admin.getConnection();
             PreparedStatement ps = other.prepareStatement("SELECT pg_terminate_backend(?, 60000)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("backend " + pid + " was not terminated");
                }
            }
        }
    }
}
