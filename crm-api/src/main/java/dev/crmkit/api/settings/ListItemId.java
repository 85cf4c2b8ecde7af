package dev.crmkit.api.settings;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;

/**
 * The id of an item of one of the lists admins manage; its type says which list
 * ({@link ListKind#of(ListItemId)}).
 */
public sealed interface ListItemId extends EntityId
        permits TaskTypeId, ContactTypeId, TemperatureLevelId, LossReasonId, ProductGroupId {

    @Override
    default EntityType entityType() {
        return EntityType.SETTING;
    }
}
