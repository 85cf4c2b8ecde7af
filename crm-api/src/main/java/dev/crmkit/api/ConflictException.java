package dev.crmkit.api;

import java.util.Optional;

/**
 * The operation lost a race: the record changed since it was read (a stale version), a record with the
 * same id already exists, or a lock could not be had in time. Re-read and try again.
 */
public class ConflictException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final transient RecordRef record;

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param record the record involved, or null when the conflict is not about one record
     */
    public ConflictException(String message, RecordRef record) {
        super(message);
        this.record = record;
    }

    /**
     * A stale version: the stored record is at another version than the change was based on.
     *
     * @param record the record
     * @param expected the version the change was based on
     * @param actual the stored version
     * @return the exception
     */
    public static ConflictException staleVersion(RecordRef record, long expected, long actual) {
        return new ConflictException("stale version of " + record + ": expected " + expected + ", stored " + actual, record);
    }

    /**
     * An insert of an id that is already stored.
     *
     * @param record the record
     * @return the exception
     */
    public static ConflictException alreadyExists(RecordRef record) {
        return new ConflictException(record + " already exists", record);
    }

    /**
     * The record the conflict is about.
     *
     * @return the record, or empty when the conflict is not about one record (a lock time-out)
     */
    public Optional<RecordRef> record() {
        return Optional.ofNullable(record);
    }
}
