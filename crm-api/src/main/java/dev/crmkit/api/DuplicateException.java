package dev.crmkit.api;

import dev.crmkit.api.contact.DuplicateMatch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The record would duplicate existing ones (CON-5): it names them and why they match. Nothing was
 * stored. Depending on the policy the caller may ask to create it anyway or merge instead.
 */
public class DuplicateException extends CrmException {

    private static final long serialVersionUID = 1L;

    /** The matches; a List.copyOf result, which is serializable. */
    @SuppressWarnings("serial")
    private final List<DuplicateMatch> matches;

    /**
     * Creates the exception.
     *
     * @param matches the existing records it duplicates, at least one
     */
    public DuplicateException(List<DuplicateMatch> matches) {
        super("duplicates " + matches.stream().map(m -> m.name() + " (" + m.record() + ", same " + m.fields() + ")")
                .collect(Collectors.joining(", ")));
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("a duplicate needs at least one match");
        }
        this.matches = List.copyOf(matches);
    }

    /**
     * The existing records and why they match.
     *
     * @return the matches, best first
     */
    public List<DuplicateMatch> matches() {
        return matches;
    }
}
