package dev.crmkit.api;

/**
 * The storage adapter failed for a reason that is not a conflict: the database is unreachable, a
 * constraint the adapter did not expect, … Adapters wrap their own failures in it, never leak a raw
 * {@code SQLException}.
 */
public class StorageException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the adapter's own failure
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
