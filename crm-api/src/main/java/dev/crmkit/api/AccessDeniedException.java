package dev.crmkit.api;

/** The acting user may not do this: an ordinary user changing settings, an inactive user acting, … */
public class AccessDeniedException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was denied and why
     */
    public AccessDeniedException(String message) {
        super(message);
    }
}
