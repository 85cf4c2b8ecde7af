package dev.crmkit.spi;

import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import java.util.List;

/**
 * One admin-managed list (task types, contact types, …).
 *
 * @param <I> the id type, which names the list
 */
public interface ListStore<I extends ListItemId> extends Store<I, ListItem<I>> {

    /**
     * Every item, by position and then id.
     *
     * @return the items
     */
    List<ListItem<I>> all();
}
