package dev.crmkit.api.settings;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One of the lists admins manage, named by the type of its items' ids: task types (TASK-1), contact
 * types and temperature levels (CON-9), loss reasons (DEAL-9) and product groups (DEAL-5, DEAL-8).
 * Storage adapters keep one table (or collection) per kind under its {@link #key()}. Instances are the
 * constants below; immutable and thread-safe.
 *
 * @param <I> the id type of the list's items
 */
public final class ListKind<I extends ListItemId> {

    /** Task types: call, meeting, letter and custom ones (TASK-1). */
    public static final ListKind<TaskTypeId> TASK_TYPES =
            new ListKind<>("task_types", "task type", TaskTypeId.class, TaskTypeId::new);
    /** Contact types: client, supplier, partner, competitor… (CON-9). */
    public static final ListKind<ContactTypeId> CONTACT_TYPES =
            new ListKind<>("contact_types", "contact type", ContactTypeId.class, ContactTypeId::new);
    /** Temperature levels: cold, warm, hot… (CON-9). */
    public static final ListKind<TemperatureLevelId> TEMPERATURE_LEVELS =
            new ListKind<>("temperature_levels", "temperature level", TemperatureLevelId.class, TemperatureLevelId::new);
    /** Reasons for losing a deal (DEAL-9). */
    public static final ListKind<LossReasonId> LOSS_REASONS =
            new ListKind<>("loss_reasons", "loss reason", LossReasonId.class, LossReasonId::new);
    /** Product groups (DEAL-5, DEAL-8). */
    public static final ListKind<ProductGroupId> PRODUCT_GROUPS =
            new ListKind<>("product_groups", "product group", ProductGroupId.class, ProductGroupId::new);

    private static final List<ListKind<?>> ALL =
            List.of(TASK_TYPES, CONTACT_TYPES, TEMPERATURE_LEVELS, LOSS_REASONS, PRODUCT_GROUPS);

    private final String key;
    private final String itemName;
    private final Class<I> idType;
    private final Function<UUID, I> ids;

    private ListKind(String key, String itemName, Class<I> idType, Function<UUID, I> ids) {
        this.key = key;
        this.itemName = itemName;
        this.idType = idType;
        this.ids = ids;
    }

    /**
     * Every kind of list.
     *
     * @return the kinds, in a fixed order
     */
    public static List<ListKind<?>> all() {
        return ALL;
    }

    /**
     * The list an item id belongs to.
     *
     * @param id an item's id
     * @param <I> the id type
     * @return its list
     */
    @SuppressWarnings("unchecked")
    public static <I extends ListItemId> ListKind<I> of(I id) {
        Objects.requireNonNull(id, "id");
        return (ListKind<I>) ALL.stream().filter(k -> k.idType == id.getClass()).findFirst().orElseThrow();
    }

    /**
     * A stable key for storage, such as {@code task_types}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * What one item is called in messages, such as {@code task type}.
     *
     * @return the name
     */
    public String itemName() {
        return itemName;
    }

    /**
     * The id type of the list's items.
     *
     * @return the class
     */
    public Class<I> idType() {
        return idType;
    }

    /**
     * Wraps a UUID as an id of this list.
     *
     * @param value the UUID
     * @return the id
     */
    public I id(UUID value) {
        return ids.apply(Objects.requireNonNull(value, "value"));
    }

    /**
     * Parses the canonical UUID text of an id of this list.
     *
     * @param text a UUID such as {@code 0192f0c4-...}
     * @return the id
     * @throws IllegalArgumentException if the text is not a UUID
     */
    public I parse(String text) {
        return id(UUID.fromString(Objects.requireNonNull(text, "text")));
    }

    @Override
    public String toString() {
        return key;
    }
}
