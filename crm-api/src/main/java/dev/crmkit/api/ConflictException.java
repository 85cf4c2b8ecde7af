package dev.crmkit.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The operation lost a race or collided with stored data: the record changed since it was read (a stale
 * version), a record with the same id or unique key already exists, or the transaction collided with
 * another one (a lock time-out, a deadlock, a serialization failure). Its {@link #reason()} says which,
 * and {@link #retryable()} whether running the same operation again, unchanged, may succeed.
 *
 * <p>A transaction in which a port threw this exception can only roll back (see
 * {@link dev.crmkit.spi.Storage}).
 */
public class ConflictException extends CrmException {

    private static final long serialVersionUID = 2L;

    /**
     * What kind of conflict it is. A retryable one comes from timing with other transactions, not from
     * the data: re-running the whole transaction may succeed. A permanent one fails again when re-run
     * with the same input; it needs a decision first (re-read and re-apply the change, pick another key).
     */
    public enum Reason {
        /** The stored record is at another version than the change was based on. Permanent. */
        STALE_VERSION(false),
        /** A record with the inserted id is already stored. Permanent. */
        ALREADY_EXISTS(false),
        /** A unique key (a login e-mail, an integration's call id, …) belongs to another record. Permanent. */
        UNIQUE_KEY(false),
        /** A row or logical lock could not be had within the adapter's lock time-out. Retryable. */
        LOCK_TIMEOUT(true),
        /** The database broke a deadlock by failing this transaction. Retryable. */
        DEADLOCK(true),
        /** The database could not serialize this transaction with a concurrent one. Retryable. */
        SERIALIZATION_FAILURE(true),
        /**
         * The thrower did not say (the two-argument constructor). Treated as permanent, so that a retry
         * loop never spins on a conflict nobody classified.
         */
        UNSPECIFIED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /**
         * Whether a conflict of this kind may go away when the same transaction simply runs again.
         *
         * @return true for lock time-outs, deadlocks and serialization failures
         */
        public boolean retryable() {
            return retryable;
        }
    }

    private final transient RecordRef record;
    private final Reason reason;

    /**
     * Creates the exception without saying which kind of conflict it is ({@link Reason#UNSPECIFIED}).
     *
     * @param message what conflicted
     * @param record the record involved, or null when the conflict is not about one record
     */
    public ConflictException(String message, RecordRef record) {
        this(message, record, Reason.UNSPECIFIED, null);
    }

    /**
     * Creates the exception.
     *
     * @param message what conflicted; it names the record, table or key kind, never another record's values
     * @param record the record involved, or null when the conflict is not about one record
     * @param reason what kind of conflict it is
     * @param cause the adapter's own failure (such as the database's error, which may carry its detail), or null
     */
    public ConflictException(String message, RecordRef record, Reason reason, Throwable cause) {
        super(message, cause);
        this.record = record;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * A stale version: the stored record is at another version than the change was based on.
     *
     * @param record the record
     * @param expected the version the change was based on
     * @param actual the stored version
     * @return the exception, with {@link Reason#STALE_VERSION}
     */
    public static ConflictException staleVersion(RecordRef record, long expected, long actual) {
        return new ConflictException("stale version of " + record + ": expected " + expected + ", stored " + actual,
                record, Reason.STALE_VERSION, null);
    }

    /**
     * An insert of an id that is already stored.
     *
     * @param record the record
     * @return the exception, with {@link Reason#ALREADY_EXISTS}
     */
    public static ConflictException alreadyExists(RecordRef record) {
        return new ConflictException(record + " already exists", record, Reason.ALREADY_EXISTS, null);
    }

    /**
     * The record the conflict is about.
     *
     * @return the record, or empty when the conflict is not about one record (a lock time-out)
     */
    public Optional<RecordRef> record() {
        return Optional.ofNullable(record);
    }

    /**
     * What kind of conflict it is.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether running the same transaction again, unchanged, may succeed (see {@link Reason#retryable()}).
     *
     * @return true for lock time-outs, deadlocks and serialization failures
     */
    public boolean retryable() {
        return reason.retryable();
    }
}
