package dev.crmkit.api.lead;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Web analytics values captured with a lead from a web form (LEAD-2). They are read-only once stored.
 *
 * <p>Each value is a code by the rules of {@link Text#checkCode}: normalized, one line, at most
 * {@value Limits#CODE} code points, no invisible characters inside. A value that shows nothing is no value.
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

    /**
     * Rejects nulls, normalizes the values, drops blank ones and checks the rest.
     *
     * @throws NullPointerException if a component is null (an absent value is {@code Optional.empty()})
     * @throws ValidationException listing every problem, with the {@code text.*} codes of
     *         {@link Text#checkCode} and the component's name as path
     */
    public Utm {
        List<Violation> violations = new ArrayList<>(0);
        source = clean("source", source, violations);
        medium = clean("medium", medium, violations);
        campaign = clean("campaign", campaign, violations);
        content = clean("content", content, violations);
        term = clean("term", term, violations);
        analyticsClientId = clean("analyticsClientId", analyticsClientId, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static Optional<String> clean(String path, Optional<String> value, List<Violation> violations) {
        Objects.requireNonNull(value, path);
        String text = Text.normalize(value.orElse(null));
        if (text == null) {
            return Optional.empty();
        }
        // Checked even when blank: a control character or a broken one is an error, not an absent value.
        violations.addAll(Text.checkCode(path, text, Limits.CODE));
        return Text.isBlank(text) ? Optional.empty() : Optional.of(text);
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
