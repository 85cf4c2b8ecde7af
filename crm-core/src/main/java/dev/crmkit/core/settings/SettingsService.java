package dev.crmkit.core.settings;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.ContactType;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.LossReason;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroup;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskType;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevel;
import dev.crmkit.api.settings.TemperatureLevelId;

import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Records;
import dev.crmkit.core.support.Unit;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import dev.crmkit.spi.Store;
import dev.crmkit.api.query.TaskFields;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The lists admins manage: task types (TASK-1), contact types and temperature levels (CON-9), loss
 * reasons (DEAL-9) and product groups. Obtained from {@code CrmSession}; thread-safe.
 */
public final class SettingsService {

    private final ListService<TaskTypeId, TaskType> taskTypes;
    private final ListService<ContactTypeId, ContactType> contactTypes;
    private final ListService<TemperatureLevelId, TemperatureLevel> temperatureLevels;
    private final ListService<LossReasonId, LossReason> lossReasons;
    private final ListService<ProductGroupId, ProductGroup> productGroups;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public SettingsService(Context context) {
        taskTypes = new ListService<>(context, "task type", s -> s.taskTypes(), TaskTypeId::new,
                (id, name, position, now) -> TaskType.builder().id(id).created(now).updated(now).name(name)
                        .position(position).build(),
                (t, name, position, now) -> t.toBuilder().version(t.version() + 1).updated(now).name(name)
                        .position(position).build(),
                (unit, from, to) -> replace(unit, unit.tx().tasks(), TaskFields.TYPE, from, to, "type",
                        t -> t.text(), (t, id) -> t.toBuilder().version(t.version() + 1).updated(unit.now()).type(id).build()));
        contactTypes = new ListService<>(context, "contact type", s -> s.contactTypes(), ContactTypeId::new,
                (id, name, position, now) -> ContactType.builder().id(id).created(now).updated(now).name(name)
                        .position(position).build(),
                (t, name, position, now) -> t.toBuilder().version(t.version() + 1).updated(now).name(name)
                        .position(position).build(),
                (unit, from, to) -> replace(unit, unit.tx().contacts(), ContactFields.TYPE, from, to, "type",
                        c -> c.name().full(), (c, id) -> c.toBuilder().version(c.version() + 1).updated(unit.now())
                                .type(id).build())
                        + replace(unit, unit.tx().companies(), CompanyFields.TYPE, from, to, "type", Company::name,
                        (c, id) -> c.toBuilder().version(c.version() + 1).updated(unit.now()).type(id).build()));
        temperatureLevels = new ListService<>(context, "temperature level", s -> s.temperatureLevels(),
                TemperatureLevelId::new, (id, name, position, now) -> TemperatureLevel.builder().id(id).created(now).updated(now).name(name)
                        .position(position).build(),
                (t, name, position, now) -> t.toBuilder().version(t.version() + 1).updated(now).name(name)
                        .position(position).build(),
                (unit, from, to) -> replace(unit, unit.tx().contacts(), ContactFields.TEMPERATURE, from, to,
                        "temperature", c -> c.name().full(), (c, id) -> c.toBuilder().version(c.version() + 1)
                                .updated(unit.now()).temperature(id).build())
                        + replace(unit, unit.tx().companies(), CompanyFields.TEMPERATURE, from, to, "temperature",
                        Company::name, (c, id) -> c.toBuilder().version(c.version() + 1).updated(unit.now())
                                .temperature(id).build()));
        lossReasons = new ListService<>(context, "loss reason", s -> s.lossReasons(), LossReasonId::new,
                (id, name, position, now) -> LossReason.builder().id(id).created(now).updated(now).name(name)
                        .position(position).build(),
                (t, name, position, now) -> t.toBuilder().version(t.version() + 1).updated(now).name(name)
                        .position(position).build(),
                (unit, from, to) -> replace(unit, unit.tx().deals(), DealFields.LOSS_REASON, from, to, "lossReason",
                        Deal::name, (d, id) -> d.toBuilder().version(d.version() + 1).updated(unit.now())
                                .lossReason(id).build()));
        productGroups = new ListService<>(context, "product group", s -> s.productGroups(), ProductGroupId::new,
                (id, name, position, now) -> ProductGroup.builder().id(id).created(now).updated(now).name(name)
                        .position(position).build(),
                (t, name, position, now) -> t.toBuilder().version(t.version() + 1).updated(now).name(name)
                        .position(position).build(),
                (unit, from, to) -> replace(unit, unit.tx().deals(), DealFields.PRODUCT_GROUP, from, to, "productGroup",
                        Deal::name, (d, id) -> d.toBuilder().version(d.version() + 1).updated(unit.now())
                                .productGroup(id).build()));
    }

    /** Switches every record of one kind from one list item to another, with events; or only counts them. */
    private static <I extends EntityId, E extends Entity<I>, V extends EntityId> int replace(
            Unit unit, Store<I, E> store, Field<E, V> field, V from, Optional<V> to, String fieldName,
            Function<E, String> name, BiFunction<E, V, E> withValue) {
        int count = 0;
        for (E record : Records.all(store, field.eq(from))) {
            if (to.isPresent()) {
                store.update(withValue.apply(record, to.get()), record.version());
                unit.change(RecordRef.of(record.id()), name.apply(record), EventKind.FIELD_CHANGED, fieldName,
                        from, to.get());
            }
            count++;
        }
        return count;
    }

    /**
     * The task types (TASK-1), seeded with call, meeting and letter.
     *
     * @return the list
     */
    public ListService<TaskTypeId, TaskType> taskTypes() {
        return taskTypes;
    }

    /**
     * The contact types (CON-9).
     *
     * @return the list
     */
    public ListService<ContactTypeId, ContactType> contactTypes() {
        return contactTypes;
    }

    /**
     * The temperature levels (CON-9).
     *
     * @return the list
     */
    public ListService<TemperatureLevelId, TemperatureLevel> temperatureLevels() {
        return temperatureLevels;
    }

    /**
     * The loss reasons (DEAL-9).
     *
     * @return the list
     */
    public ListService<LossReasonId, LossReason> lossReasons() {
        return lossReasons;
    }

    /**
     * The product groups.
     *
     * @return the list
     */
    public ListService<ProductGroupId, ProductGroup> productGroups() {
        return productGroups;
    }

}
