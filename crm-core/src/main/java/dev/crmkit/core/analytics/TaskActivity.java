package dev.crmkit.core.analytics;

import dev.crmkit.api.settings.TaskTypeId;
import java.util.List;
import java.util.Objects;

/**
 * The tasks closed in a period, by type (AN-11): calls made, meetings held, letters written. Only tasks the acting
 * user may see.
 *
 * @param period the period
 * @param types one row per task type with a task closed, the most first, then by name
 * @param closed every task closed
 */
public record TaskActivity(ReportPeriod.Range period, List<Row> types, long closed) {

    /** Copies the rows; rejects nulls. */
    public TaskActivity {
        Objects.requireNonNull(period, "period");
        types = List.copyOf(types);
    }

    /**
     * One task type.
     *
     * @param type the type
     * @param name its name (empty text for a type deleted since)
     * @param closed the tasks of this type closed in the period
     */
    public record Row(TaskTypeId type, String name, long closed) {

        /** Rejects nulls. */
        public Row {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }
}
