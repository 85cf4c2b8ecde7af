package dev.crmkit.jdbc;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.StorageException;
import java.sql.SQLException;

/** Turns PostgreSQL's errors into crmkit's exceptions: never a raw {@link SQLException}. */
final class Errors {

    private Errors() {
    }

    static CrmException translate(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        switch (state) {
            case "40001": // serialization_failure
            case "40P01": // deadlock_detected
                return new ConflictException(what + ": the transaction collided with another one, try again ("
                        + e.getMessage() + ")", null);
            case "55P03": // lock_not_available (lock_timeout)
                return new ConflictException(what + ": a lock could not be had in time", null);
            case "23505": // unique_violation
                return new ConflictException(what + ": a unique key is taken (" + e.getMessage() + ")", null);
            default:
                return new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }
}
