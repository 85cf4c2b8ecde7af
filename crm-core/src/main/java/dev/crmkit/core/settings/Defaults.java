package dev.crmkit.core.settings;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.ContactType;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.LossReason;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.TaskType;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevel;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.core.support.Unit;
import java.time.Instant;
import java.util.List;

/** The lists a new CRM starts with; admins change them afterwards. */
public final class Defaults {

    /** The seeded task types (TASK-1). */
    public static final List<String> TASK_TYPES = List.of("Call", "Meeting", "Letter");
    /** The seeded contact types (CON-9). */
    public static final List<String> CONTACT_TYPES = List.of("Client", "Supplier", "Partner", "Competitor");
    /** The seeded temperature levels (CON-9). */
    public static final List<String> TEMPERATURE_LEVELS = List.of("Cold", "Warm", "Hot");
    /** The seeded loss reasons (DEAL-9). */
    public static final List<String> LOSS_REASONS = List.of("Too expensive", "Chose a competitor", "No longer needed");

    private Defaults() {
    }

    /**
     * Seeds the lists in the bootstrap transaction, with events.
     *
     * @param unit the bootstrap operation
     */
    @SuppressWarnings("exports")
    public static void seed(Unit unit) {
        Instant now = unit.now();
        for (int i = 0; i < TASK_TYPES.size(); i++) {
            TaskType t = unit.tx().settings().taskTypes().insert(TaskType.builder()
                    .id(new TaskTypeId(unit.context().ids().next())).created(now).updated(now)
                    .name(TASK_TYPES.get(i)).position(i).build());
            unit.event(RecordRef.of(t.id()), t.name(), EventKind.CREATED);
        }
        for (int i = 0; i < CONTACT_TYPES.size(); i++) {
            ContactType t = unit.tx().settings().contactTypes().insert(ContactType.builder()
                    .id(new ContactTypeId(unit.context().ids().next())).created(now).updated(now)
                    .name(CONTACT_TYPES.get(i)).position(i).build());
            unit.event(RecordRef.of(t.id()), t.name(), EventKind.CREATED);
        }
        for (int i = 0; i < TEMPERATURE_LEVELS.size(); i++) {
            TemperatureLevel t = unit.tx().settings().temperatureLevels().insert(TemperatureLevel.builder()
                    .id(new TemperatureLevelId(unit.context().ids().next())).created(now).updated(now)
                    .name(TEMPERATURE_LEVELS.get(i)).position(i).build());
            unit.event(RecordRef.of(t.id()), t.name(), EventKind.CREATED);
        }
        for (int i = 0; i < LOSS_REASONS.size(); i++) {
            LossReason t = unit.tx().settings().lossReasons().insert(LossReason.builder()
                    .id(new LossReasonId(unit.context().ids().next())).created(now).updated(now)
                    .name(LOSS_REASONS.get(i)).position(i).build());
            unit.event(RecordRef.of(t.id()), t.name(), EventKind.CREATED);
        }
    }
}
