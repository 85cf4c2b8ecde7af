package dev.crmkit.api.settings;

import dev.crmkit.api.EntityId;

/**
 * The id of an item of one of the lists admins manage; its type says which list
 * ({@link ListKind#of(ListItemId)}); its {@link #entityType()} is {@link dev.crmkit.api.EntityType#SETTING}.
 */
public sealed interface ListItemId extends EntityId
        permits TaskTypeId, ContactTypeId, TemperatureLevelId, LossReasonId, ProductGroupId {
}
