package dev.crmkit.spi;

import dev.crmkit.api.settings.ContactType;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.LossReason;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroup;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskType;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevel;
import dev.crmkit.api.settings.TemperatureLevelId;

/** The lists admins manage (TASK-1, CON-9, DEAL-9). */
public interface Settings {

    /**
     * The task types.
     *
     * @return the list's port
     */
    ListStore<TaskTypeId, TaskType> taskTypes();

    /**
     * The contact types.
     *
     * @return the list's port
     */
    ListStore<ContactTypeId, ContactType> contactTypes();

    /**
     * The temperature levels.
     *
     * @return the list's port
     */
    ListStore<TemperatureLevelId, TemperatureLevel> temperatureLevels();

    /**
     * The loss reasons.
     *
     * @return the list's port
     */
    ListStore<LossReasonId, LossReason> lossReasons();

    /**
     * The product groups.
     *
     * @return the list's port
     */
    ListStore<ProductGroupId, ProductGroup> productGroups();
}
