package dev.crmkit.api.settings;

import dev.crmkit.api.Entity;
import dev.crmkit.api.internal.Checks;
import java.time.Instant;

/**
 * An item of a list that admins manage (task types, contact types, temperature levels, loss reasons,
 * product groups): a name and a place in its list. Lists are data, never Java enums; the type of the
 * id says which list an item belongs to ({@link ListKind}).
 *
 * @param id the item's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the item was added
 * @param updated when it last changed
 * @param name the item's name, never blank
 * @param position the item's place in its list, from 0
 * @param <I> the type of the id, which names the list
 */
public record ListItem<I extends ListItemId>(I id, long version, Instant created, Instant updated, String name,
                                             int position) implements Entity<I> {

    /** Checks the invariants. */
    public ListItem {
        Checks.present("id, created, updated", id, created, updated);
        Checks.notBlank(name, "name");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + position);
        }
        Checks.version(version);
    }

    /**
     * A new item, at version 1.
     *
     * @param id its id
     * @param name its name
     * @param position its place in the list
     * @param at when it is added
     * @param <I> the id type
     * @return the item
     */
    public static <I extends ListItemId> ListItem<I> create(I id, String name, int position, Instant at) {
        return new ListItem<>(id, 1, at, at, name, position);
    }

    /**
     * The same item under another name.
     *
     * @param newName the name
     * @return the item, at the same version
     */
    public ListItem<I> withName(String newName) {
        return new ListItem<>(id, version, created, updated, newName, position);
    }

    /**
     * The same item at another place in its list.
     *
     * @param newPosition the place, from 0
     * @return the item, at the same version
     */
    public ListItem<I> withPosition(int newPosition) {
        return new ListItem<>(id, version, created, updated, name, newPosition);
    }

    @Override
    public ListItem<I> revised(Instant at) {
        return new ListItem<>(id, version + 1, created, at, name, position);
    }
}
