package dev.crmkit.api.deal;

import dev.crmkit.api.field.CustomFieldId;
import java.util.Objects;
import java.util.Optional;

/**
 * A field a deal must have from a stage of its pipeline on (DEAL-4): a standard part or a custom field.
 * "From a stage on" means at that stage and, for an open stage, at every later open stage and at Won; Lost
 * never requires what open stages do (a deal can always be lost). A requirement from Won or Lost applies at
 * that stage only.
 *
 * @param from the first stage that requires the field
 * @param part the standard part required, or empty for a custom field
 * @param customField the custom field required, or empty for a standard part
 */
public record StageRequirement(StageId from, Optional<DealPart> part, Optional<CustomFieldId> customField) {

    /**
     * Checks that exactly one field is named.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException unless exactly one of part and customField is present
     */
    public StageRequirement {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(customField, "customField");
        if (part.isPresent() == customField.isPresent()) {
            throw new IllegalArgumentException("a requirement names one field: a standard part or a custom field");
        }
    }

    /**
     * A standard part required from a stage on.
     *
     * @param from the stage
     * @param part the part
     * @return the requirement
     */
    public static StageRequirement of(StageId from, DealPart part) {
        return new StageRequirement(from, Optional.of(Objects.requireNonNull(part, "part")), Optional.empty());
    }

    /**
     * A custom field required from a stage on.
     *
     * @param from the stage
     * @param field the custom field, one of the deals'
     * @return the requirement
     */
    public static StageRequirement of(StageId from, CustomFieldId field) {
        return new StageRequirement(from, Optional.empty(), Optional.of(Objects.requireNonNull(field, "field")));
    }

    /**
     * The violation path of the required field: the part's path, or {@code customFields.<id>}.
     *
     * @return the path
     */
    public String path() {
        return part.map(DealPart::path).orElseGet(() -> "customFields." + customField.orElseThrow());
    }
}
