package dev.crmkit.spi;

import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;

/** The lists admins manage (TASK-1, CON-9, DEAL-9): one {@link ListStore} per {@link ListKind}. */
public interface Settings {

    /**
     * The port of one list.
     *
     * @param kind which list
     * @param <I> its id type
     * @return the list's port
     */
    <I extends ListItemId> ListStore<I> list(ListKind<I> kind);
}
