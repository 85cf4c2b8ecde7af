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
    private final int hiddenMatches;

    /**
     * Creates the exception.
     *
     * @param matches the existing records it duplicates, at least one
     */
    public DuplicateException(List<DuplicateMatch> matches) {
        this(matches, 0);
    }

    /**
     * Creates the exception for a user who may not see every match (CON-8): those are counted, not named.
     *
     * @param matches the existing records it duplicates that the user may see
     * @param hiddenMatches how many more it duplicates that the user may not see
     */
    public DuplicateException(List<DuplicateMatch> matches, int hiddenMatches) {
        super("duplicates " + matches.stream().map(m -> m.name() + " (" + m.record() + ", same " + m.fields() + ")")
                .collect(Collectors.joining(", ")) + (hiddenMatches == 0 ? ""
                : (matches.isEmpty() ? "" : "; and ") + hiddenMatches + " record(s) you cannot see"));
        if (matches.isEmpty() && hiddenMatches <= 0) {
            throw new IllegalArgumentException("a duplicate needs at least one match");
        }
        if (hiddenMatches < 0) {
            throw new IllegalArgumentException("hiddenMatches must not be negative, was " + hiddenMatches);
        }
        this.matches = List.copyOf(matches);
        this.hiddenMatches = hiddenMatches;
    }

    /**
     * How many stored records it duplicates that the acting user may not see (CON-8): they protect their data
     * all the same, without being named.
     *
     * @return the count, 0 when every match is in {@link #matches()}
     */
    public int hiddenMatches() {
        return hiddenMatches;
    }

    /**
     * The existing records and why they match.
     *
     * @return the matches the acting user may see, best first
     */
    public List<DuplicateMatch> matches() {
        return matches;
    }
}
