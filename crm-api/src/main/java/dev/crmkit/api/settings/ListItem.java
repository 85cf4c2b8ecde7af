package dev.crmkit.api.settings;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;

/**
 * An item of a list that admins manage (task types, contact types, temperature levels, loss reasons,
 * product groups): an id, a name and a position. Lists are data, never Java enums.
 *
 * @param <I> the type of the item's id
 */
public interface ListItem<I extends EntityId> extends Entity<I> {

    /**
     * The item's name.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * The item's place in its list.
     *
     * @return the position, from 0
     */
    int position();
}
