package dev.crmkit.api;

/**
 * The storage adapter failed for a reason that is not a conflict: the database is unreachable, a
 * statement ran past its time-out, a constraint the adapter did not expect, … Adapters wrap their own
 * failures in it, never leak a raw {@code SQLException}.
 *
 * <p>Usually nothing was written. The one exception is a connection lost while committing: then
 * {@link #outcomeUnknown()} is true, because the database may have committed before the connection
 * broke, and only looking at the stored data tells.
 */
public class StorageException extends CrmException {

    private static final long serialVersionUID = 2L;

    private final boolean outcomeUnknown;

    /**
     * Creates the exception; the failed work is known to have changed nothing.
     *
     * @param message what failed
     * @param cause the adapter's own failure
     */
    public StorageException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StorageException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The connection broke while a commit was under way, so the commit may or may not have happened.
     *
     * @param what the transaction, as the adapter names it (such as "a transaction on crm_acme")
     * @param cause the adapter's own failure
     * @return the exception, with {@link #outcomeUnknown()} true
     */
    public static StorageException commitOutcomeUnknown(String what, Throwable cause) {
        return new StorageException("the connection was lost while committing " + what
                + ": the commit may or may not have happened; check whether its changes are stored before running it again",
                cause, true);
    }

    /**
     * Whether the failed transaction may have been committed after all (the connection was lost during
     * its commit). When false, nothing the transaction wrote is stored.
     *
     * @return true when the outcome is unknown
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
