package dev.crmkit.core.deal;

import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** DEAL-4: which of the fields a stage requires a deal lacks. Pure. */
final class StageRequirements {

    private StageRequirements() {
    }

    /**
     * The fields a deal would lack at a stage of a pipeline, one violation each ({@code deal.field.required},
     * path the field's).
     */
    static List<Violation> missing(Transaction tx, Pipeline pipeline, Deal deal, StageId stage) {
        List<Violation> missing = new ArrayList<>();
        String stageName = pipeline.stage(stage).orElseThrow().name();
        for (StageRequirement r : pipeline.requiredAt(stage)) {
            boolean present = r.part().map(part -> part.isPresentIn(deal))
                    .orElseGet(() -> deal.customFields().get(r.customField().orElseThrow()).isPresent());
            if (!present) {
                missing.add(CoreMessages.violation(r.path(), "deal.field.required", nameOf(tx, r), stageName));
            }
        }
        return missing;
    }

    /** The violations of {@code after} that {@code before} did not have (by path). */
    static List<Violation> newly(List<Violation> before, List<Violation> after) {
        Set<String> had = before.stream().map(Violation::path).collect(Collectors.toSet());
        return after.stream().filter(v -> !had.contains(v.path())).collect(Collectors.toList());
    }

    private static String nameOf(Transaction tx, StageRequirement r) {
        if (r.part().isPresent()) {
            return r.part().map(DealPart::path).orElseThrow();
        }
        CustomFieldId id = r.customField().orElseThrow();
        return tx.customFields().find(id).map(CustomField::name).orElse(id.toString());
    }
}
