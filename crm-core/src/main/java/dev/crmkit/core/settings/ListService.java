package dev.crmkit.core.settings;

import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One admin-managed list (TASK-1, CON-9, DEAL-9): everyone reads it, only admins change it. An item in
 * use can be removed only by naming a replacement, which takes its place everywhere in the same
 * transaction. Thread-safe.
 *
 * @param <I> the id type
 * @param <T> the item type
 */
public final class ListService<I extends EntityId, T extends ListItem<I>> {

    /** How the records that use an item are found and switched to another item. */
    interface Usage<I> {
        /**
         * Replaces an item in every record that uses it.
         *
         * @param unit the operation
         * @param from the item being removed
         * @param to the replacement, or empty to count only
         * @return how many records use (used) it
         */
        int replace(Unit unit, I from, Optional<I> to);
    }

    /** Creates a new item of the list. */
    interface Factory<I, T> {
        T create(I id, String name, int position, Instant now);
    }

    /** Derives the next version of an item with a name and a position. */
    interface Copier<T> {
        T copy(T item, String name, int position, Instant now);
    }

    private final Context context;
    private final String what;
    private final Function<Settings, ListStore<I, T>> store;
    private final Function<UUID, I> ids;
    private final Factory<I, T> factory;
    private final Copier<T> copier;
    private final Usage<I> usage;

    ListService(Context context, String what, Function<Settings, ListStore<I, T>> store, Function<UUID, I> ids,
                Factory<I, T> factory, Copier<T> copier, Usage<I> usage) {
        this.context = context;
        this.what = what;
        this.store = store;
        this.ids = ids;
        this.factory = factory;
        this.copier = copier;
        this.usage = usage;
    }

    /**
     * Every item, by position.
     *
     * @return the items
     */
    public List<T> list() {
        return context.read(unit -> store.apply(unit.tx().settings()).all());
    }

    /**
     * Finds an item by name, ignoring case.
     *
     * @param name the name
     * @return the item, if any
     */
    public Optional<T> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return list().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * Adds an item at the end (admins only).
     *
     * @param name its name, unique in the list ignoring case
     * @return the item
     * @throws dev.crmkit.api.ValidationException {@code setting.name.blank} or {@code setting.name.taken}
     */
    public T add(String name) {
        Objects.requireNonNull(name, "name");
        return context.write(unit -> {
            unit.requireAdmin("change the " + what + " list");
            ListStore<I, T> items = store.apply(unit.tx().settings());
            List<T> all = items.all();
            checkName(all, name, null);
            T item = items.insert(factory.create(ids.apply(context.ids().next()), name.strip(), all.size(), unit.now()));
            unit.event(RecordRef.of(item.id()), item.name(), EventKind.CREATED);
            return item;
        });
    }

    /**
     * Renames an item (admins only).
     *
     * @param id the item
     * @param name the new name
     * @return the item
     */
    public T rename(I id, String name) {
        Objects.requireNonNull(name, "name");
        return context.write(unit -> {
            unit.requireAdmin("change the " + what + " list");
            ListStore<I, T> items = store.apply(unit.tx().settings());
            T current = items.get(id);
            checkName(items.all(), name, id);
            T stored = items.update(copier.copy(current, name.strip(), current.position(), unit.now()), current.version());
            unit.change(RecordRef.of(id), stored.name(), EventKind.FIELD_CHANGED, "name", current.name(), stored.name());
            return stored;
        });
    }

    /**
     * Puts the items in a new order (admins only).
     *
     * @param order every item's id, in the new order
     * @return the items in their new order
     * @throws dev.crmkit.api.ValidationException {@code setting.order.incomplete} when the ids are not
     *         exactly the list's items
     */
    public List<T> reorder(List<I> order) {
        return context.write(unit -> {
            unit.requireAdmin("change the " + what + " list");
            ListStore<I, T> items = store.apply(unit.tx().settings());
            List<T> all = items.all();
            if (order.size() != all.size() || !all.stream().map(ListItem::id).allMatch(order::contains)) {
                new Violations().add("order", "setting.order.incomplete", what).throwIfAny();
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                T current = items.get(order.get(i));
                result.add(current.position() == i ? current
                        : items.update(copier.copy(current, current.name(), i, unit.now()), current.version()));
            }
            return result;
        });
    }

    /**
     * Removes an item (admins only). When records use it, a replacement must be named and takes its
     * place in all of them (TASK-1: deleting a task type in use needs a replacement).
     *
     * @param id the item
     * @param replacement the item taking its place, when it is in use
     * @throws RuleViolationException {@code setting.in_use} when it is used and no replacement is given
     */
    public void remove(I id, Optional<I> replacement) {
        Objects.requireNonNull(replacement, "replacement");
        context.write(unit -> {
            unit.requireAdmin("change the " + what + " list");
            ListStore<I, T> items = store.apply(unit.tx().settings());
            T current = items.get(id);
            if (replacement.isPresent()) {
                if (replacement.get().equals(id)) {
                    throw RuleViolationException.of(CoreMessages.violation("replacement", "setting.replacement.self",
                            current.name()));
                }
                items.get(replacement.get());
            } else {
                int users = usage.replace(unit, id, Optional.empty());
                if (users > 0) {
                    throw RuleViolationException.of(CoreMessages.violation("replacement", "setting.in_use",
                            current.name(), users));
                }
            }
            replacement.ifPresent(to -> usage.replace(unit, id, Optional.of(to)));
            items.delete(id, current.version());
            unit.event(RecordRef.of(id), current.name(), EventKind.DELETED);
            return null;
        });
    }

    private void checkName(List<T> all, String name, I self) {
        Violations v = new Violations();
        if (name.isBlank()) {
            v.add("name", "setting.name.blank", what);
        } else if (all.stream().anyMatch(t -> !t.id().equals(self)
                && t.name().equalsIgnoreCase(name.strip()))) {
            v.add("name", "setting.name.taken", name.strip(), what);
        }
        v.throwIfAny();
    }
}
