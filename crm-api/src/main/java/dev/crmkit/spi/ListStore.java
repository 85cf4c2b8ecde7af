package dev.crmkit.spi;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.settings.ListItem;
import java.util.List;

/**
 * An admin-managed list (task types, contact types, …).
 *
 * @param <I> the id type
 * @param <T> the item type
 */
public interface ListStore<I extends EntityId, T extends ListItem<I>> extends Store<I, T> {

    /**
     * Every item, by position and then id.
     *
     * @return the items
     */
    List<T> all();
}
