package dev.crmkit.core.settings;

import dev.crmkit.api.Text;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItemId;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.ListStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One admin-managed list (TASK-1, CON-9, DEAL-9): everyone reads it, only admins change it. An item in
 * use can be removed only by naming a replacement, which takes its place everywhere in the same
 * transaction. Every change writes its events. Thread-safe.
 *
 * @param <I> the id type, which names the list
 */
public final class ListService<I extends ListItemId> {

    private final Context context;
    private final ListKind<I> kind;

    ListService(Context context, ListKind<I> kind) {
        this.context = context;
        this.kind = kind;
    }

    /**
     * Which list this is.
     *
     * @return the kind
     */
    public ListKind<I> kind() {
        return kind;
    }

    /**
     * Every item, by position.
     *
     * @return the items
     */
    public List<ListItem<I>> list() {
        return context.read(unit -> unit.tx().settings().list(kind).all());
    }

    /**
     * Finds an item by name, ignoring case.
     *
     * @param name the name
     * @return the item, if any
     */
    public Optional<ListItem<I>> byName(String name) {
        Objects.requireNonNull(name, "name");
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
    public ListItem<I> add(String name) {
        Objects.requireNonNull(name, "name");
        return context.write(unit -> {
            unit.requireAdmin("change the " + kind.itemName() + " list");
            ListStore<I> items = unit.tx().settings().list(kind);
            List<ListItem<I>> all = items.all();
            String checked = checkName(all, name, null);
            return unit.insert(items, ListItem.create(kind.id(unit.nextId()), checked, all.size(), unit.now()));
        });
    }

    /**
     * Renames an item (admins only).
     *
     * @param id the item
     * @param name the new name
     * @return the item
     */
    public ListItem<I> rename(I id, String name) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        return context.write(unit -> {
            unit.requireAdmin("change the " + kind.itemName() + " list");
            ListStore<I> items = unit.tx().settings().list(kind);
            ListItem<I> current = items.get(id);
            String checked = checkName(items.all(), name, id);
            return unit.update(items, current, current.withName(checked));
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
    public List<ListItem<I>> reorder(List<I> order) {
        Objects.requireNonNull(order, "order");
        return context.write(unit -> {
            unit.requireAdmin("change the " + kind.itemName() + " list");
            ListStore<I> items = unit.tx().settings().list(kind);
            List<ListItem<I>> all = items.all();
            if (order.size() != all.size() || !new HashSet<>(order).equals(new HashSet<>(
                    all.stream().map(ListItem::id).toList()))) {
                new Violations().add("order", "setting.order.incomplete", kind.itemName()).throwIfAny();
            }
            List<ListItem<I>> result = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                ListItem<I> current = items.get(order.get(i));
                result.add(unit.update(items, current, current.withPosition(i)));
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
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(replacement, "replacement");
        context.write(unit -> {
            unit.requireAdmin("change the " + kind.itemName() + " list");
            ListStore<I> items = unit.tx().settings().list(kind);
            ListItem<I> current = items.get(id);
            if (replacement.isPresent()) {
                if (replacement.get().equals(id)) {
                    throw RuleViolationException.of(CoreMessages.violation("replacement", "setting.replacement.self",
                            current.name()));
                }
                items.get(replacement.get());
                References.replaceListItem(unit, id, replacement);
            } else {
                int users = References.replaceListItem(unit, id, Optional.empty());
                if (users > 0) {
                    throw RuleViolationException.of(CoreMessages.violation("replacement", "setting.in_use",
                            current.name(), users));
                }
            }
            unit.delete(items, current);
            List<ListItem<I>> rest = items.all();
            for (int i = 0; i < rest.size(); i++) {
                unit.update(items, rest.get(i), rest.get(i).withPosition(i));
            }
            return null;
        });
    }

    /** The normalized name, checked: not blank, bounded, not taken by another item ignoring case. */
    private String checkName(List<ListItem<I>> all, String raw, I self) {
        String name = Text.normalize(raw);
        Violations v = new Violations();
        if (Text.isBlank(name)) {
            v.add("name", "setting.name.blank", kind.itemName());
        } else if (all.stream().anyMatch(t -> !t.id().equals(self) && t.name().equalsIgnoreCase(name))) {
            v.add("name", "setting.name.taken", Text.excerpt(name), kind.itemName());
        }
        v.text("name", name, Limits.NAME, false).throwIfAny();
        return name;
    }
}
