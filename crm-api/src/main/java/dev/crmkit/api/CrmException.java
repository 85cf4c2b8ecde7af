package dev.crmkit.api;

/**
 * The root of every exception crmkit throws on purpose. It is unchecked; its subtypes say what went
 * wrong. A call that throws one of them has changed nothing.
 */
public class CrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public CrmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
