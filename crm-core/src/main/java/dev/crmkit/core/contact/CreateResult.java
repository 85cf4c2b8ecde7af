package dev.crmkit.core.contact;

import dev.crmkit.api.CrmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a batch create ({@link ContactService#createAll}, {@link CompanyService#createAll}) did with each of its
 * inputs, by the input's index in the list: created (with the stored record), refused (with the error its single
 * create would have thrown: a {@link dev.crmkit.api.ValidationException} listing every problem, or an
 * {@link dev.crmkit.api.AccessDeniedException}), or not handled because the batch stopped before it: at the first
 * input the duplicate policy refuses (CON-4, CON-5), or one asking to merge into a match, every input from there
 * on is neither created nor refused, for the caller to create one by one (where its single create throws the
 * {@link dev.crmkit.api.DuplicateException}, merges, or, once the earlier ones are stored, finds them).
 *
 * @param created the stored records, by input index, in input order
 * @param refused the refused inputs' errors, by input index, in input order
 * @param stoppedAt the index of the first input not handled, empty when every input was handled
 * @param <E> the record type
 */
public record CreateResult<E>(Map<Integer, E> created, Map<Integer, CrmException> refused, OptionalInt stoppedAt) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if an index is both created and refused, or at or after the stop
     */
    public CreateResult {
        created = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(created, "created")));
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(refused, "refused")));
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        for (Integer i : created.keySet()) {
            if (refused.containsKey(i)) {
                throw new IllegalArgumentException("input " + i + " is both created and refused");
            }
        }
        if (stoppedAt.isPresent()) {
            int stop = stoppedAt.getAsInt();
            if (created.keySet().stream().anyMatch(i -> i >= stop) || refused.keySet().stream().anyMatch(i -> i >= stop)) {
                throw new IllegalArgumentException("inputs at or after the stop " + stop + " were not handled");
            }
        }
    }

    /**
     * How many inputs were handled, created or refused: every input before {@link #stoppedAt()}.
     *
     * @return the number
     */
    public int handled() {
        return created.size() + refused.size();
    }
}
