package dev.crmkit.core.settings;

import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.core.support.Context;
import java.util.Objects;

/**
 * The lists admins manage: task types (TASK-1), contact types and temperature levels (CON-9), loss
 * reasons (DEAL-9) and product groups. Obtained from {@code CrmSession}; thread-safe.
 */
public final class SettingsService {

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public SettingsService(Context context) {
        this.context = context;
    }

    /**
     * The saved import mappings (IO-1).
     *
     * @return the service
     */
    public ImportTemplateService importTemplates() {
        return new ImportTemplateService(context);
    }

    /**
     * The service of one admin list.
     *
     * @param kind the list
     * @param <I> its id type
     * @return the service
     */
    public <I extends ListItemId> ListService<I> list(ListKind<I> kind) {
        return new ListService<>(context, Objects.requireNonNull(kind, "kind"));
    }

    /**
     * The task types (TASK-1), seeded with call, meeting and letter.
     *
     * @return the list
     */
    public ListService<TaskTypeId> taskTypes() {
        return list(ListKind.TASK_TYPES);
    }

    /**
     * The contact types (CON-9).
     *
     * @return the list
     */
    public ListService<ContactTypeId> contactTypes() {
        return list(ListKind.CONTACT_TYPES);
    }

    /**
     * The temperature levels (CON-9).
     *
     * @return the list
     */
    public ListService<TemperatureLevelId> temperatureLevels() {
        return list(ListKind.TEMPERATURE_LEVELS);
    }

    /**
     * The loss reasons (DEAL-9).
     *
     * @return the list
     */
    public ListService<LossReasonId> lossReasons() {
        return list(ListKind.LOSS_REASONS);
    }

    /**
     * The product groups (DEAL-5, DEAL-8).
     *
     * @return the list
     */
    public ListService<ProductGroupId> productGroups() {
        return list(ListKind.PRODUCT_GROUPS);
    }
}
