package dev.crmkit.core.settings;

import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.core.support.Unit;
import java.util.List;
import java.util.Map;

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

    private static final Map<ListKind<?>, List<String>> SEEDS = Map.of(ListKind.TASK_TYPES, TASK_TYPES,
            ListKind.CONTACT_TYPES, CONTACT_TYPES, ListKind.TEMPERATURE_LEVELS, TEMPERATURE_LEVELS,
            ListKind.LOSS_REASONS, LOSS_REASONS);

    private Defaults() {
    }

    /**
     * Seeds the lists in the bootstrap transaction, with events. Product groups start empty.
     *
     * @param unit the bootstrap operation
     */
    @SuppressWarnings("exports")
    public static void seed(Unit unit) {
        for (ListKind<?> kind : ListKind.all()) {
            seed(unit, kind, SEEDS.getOrDefault(kind, List.of()));
        }
    }

    private static <I extends ListItemId> void seed(Unit unit, ListKind<I> kind, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            unit.insert(unit.tx().settings().list(kind), ListItem.create(kind.id(unit.nextId()), names.get(i), i,
                    unit.now()));
        }
    }
}
