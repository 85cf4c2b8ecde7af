package dev.crmkit.api.lead;

import java.util.Objects;
import java.util.Optional;

/**
 * Web analytics values captured with a lead from a web form (LEAD-2). They are read-only once stored.
 *
 * @param source {@code utm_source}
 * @param medium {@code utm_medium}
 * @param campaign {@code utm_campaign}
 * @param content {@code utm_content}
 * @param term {@code utm_term}
 * @param analyticsClientId the web analytics client id
 */
public record Utm(Optional<String> source, Optional<String> medium, Optional<String> campaign,
                  Optional<String> content, Optional<String> term, Optional<String> analyticsClientId) {

    private static final Utm NONE = new Utm(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** Rejects nulls. */
    public Utm {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(analyticsClientId, "analyticsClientId");
    }

    /**
     * No analytics values.
     *
     * @return the empty value
     */
    public static Utm none() {
        return NONE;
    }

    /**
     * Whether no value is set.
     *
     * @return true when every value is empty
     */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
