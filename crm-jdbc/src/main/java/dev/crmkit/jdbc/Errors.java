package dev.crmkit.jdbc;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.ConflictException.Reason;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.StorageException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL's errors into crmkit's exceptions: never a raw {@link SQLException}. The
 * {@code SQLException} is always the cause, with everything the server said. The message carries only
 * the server's primary text, never its detail: the detail of a constraint violation quotes the row's
 * values ({@code Key (email)=(anna@example.com) already exists}), which may be another record's
 * personal data, and messages end up in logs and in front of users.
 */
final class Errors {

    private Errors() {
    }

    static CrmException translate(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        switch (state) {
            case "40001": // serialization_failure
                return new ConflictException(what + ": could not be serialized with a concurrent transaction, run it again",
                        null, Reason.SERIALIZATION_FAILURE, e);
            case "40P01": // deadlock_detected
                return new ConflictException(what + ": was chosen to break a deadlock with another transaction, run it again",
                        null, Reason.DEADLOCK, e);
            case "55P03": // lock_not_available (lock_timeout)
                return new ConflictException(what + ": a lock could not be had in time", null, Reason.LOCK_TIMEOUT, e);
            case "23505": // unique_violation
                return new ConflictException(what + ": " + uniqueKey(e) + " is taken by another record", null,
                        Reason.UNIQUE_KEY, e);
            case "57014": // query_canceled: statement_timeout, or a cancel request
                return new StorageException(what + ": the statement ran longer than the statement time-out or was cancelled", e);
            default:
                return new StorageException(what + " failed: " + primaryMessage(e) + " (SQLState " + state + ")", e);
        }
    }

    /**
     * Whether the connection broke, so that a statement in flight (a COMMIT) may or may not have been
     * carried out: a connection exception (class 08), the server shutting the session down (57P01–57P03),
     * or a failure the driver could not classify.
     */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03");
    }

    private static String uniqueKey(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getTable() == null) {
            return "a unique key";
        }
        return "a unique key of " + server.getTable()
                + (server.getConstraint() == null ? "" : " (constraint " + server.getConstraint() + ")");
    }

    /**
     * The server's primary text, else the driver's message. Not for a batch: the driver's
     * {@link BatchUpdateException} message quotes the failed entry's statement with its parameter values
     * ({@code Batch entry 0 INSERT … VALUES (…, ('Anna Petrova'), …) was aborted: …}), so a batch says what
     * the server said about it (the exceptions chained to it), or only that it failed.
     */
    private static String primaryMessage(SQLException e) {
        if (e instanceof BatchUpdateException) {
            for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
                String server = serverMessage(next);
                if (server != null) {
                    return "a batch of statements was aborted: " + server;
                }
            }
            return "a batch of statements was aborted";
        }
        String server = serverMessage(e);
        return server != null ? server : e.getMessage();
    }

    private static String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server == null ? null : server.getMessage();
    }
}
