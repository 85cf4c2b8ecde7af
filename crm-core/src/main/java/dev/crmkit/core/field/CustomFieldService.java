package dev.crmkit.core.field;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldBuilder;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.CustomFieldValues;
import dev.crmkit.api.field.FieldOption;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.field.HasCustomFields;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.Filter;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Custom fields (DEAL-3): admins define them per entity type (leads, contacts, companies, deals; deal fields
 * optionally limited to pipelines), rename them, add and relabel list options, and remove fields and options.
 * Removing a field or an option that records still hold needs an explicit {@link WhenUsed}: refuse, or clear
 * those values everywhere in the same transaction (with a field event on each record). Everyone reads the
 * definitions. Every change writes its events. Obtained from {@code CrmSession}; thread-safe.
 */
public final class CustomFieldService {

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public CustomFieldService(Context context) {
        this.context = context;
    }

    /**
     * Defines a field (admins only).
     *
     * @param form the field
     * @return the stored field
     * @throws dev.crmkit.api.AccessDeniedException when the acting user is not an admin
     * @throws dev.crmkit.api.ValidationException listing every problem: a blank or too long name, a name
     *         another field of the entity type has ({@code field.name.taken}), options on a field that is not a
     *         list ({@code field.options.not_list}), a list without options ({@code field.options.none}), too
     *         many options, pipelines on a field that is not a deal's ({@code field.pipelines.not_deal}), an
     *         unknown pipeline, an entity type without custom fields ({@code field.entity.unsupported}), or too
     *         many fields for the entity type
     */
    public CustomField define(CustomFieldForm form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            unit.requireAdmin("define custom fields");
            Transaction tx = unit.tx();
            Violations v = new Violations();
            if (!CustomField.ENTITIES.contains(form.entity)) {
                v.add("entity", "field.entity.unsupported", form.entity.name().toLowerCase(Locale.ROOT));
                v.throwIfAny();
            }
            tx.lock(List.of("custom-fields:" + form.entity));
            long count = tx.customFields().all().stream().filter(f -> f.entity() == form.entity).count();
            if (count >= Limits.CUSTOM_FIELDS) {
                v.add("entity", "field.too_many", Limits.CUSTOM_FIELDS, form.entity.name().toLowerCase(Locale.ROOT));
            }
            CustomField field = build(unit, form, null, v);
            return unit.insert(tx.customFields(), field);
        });
    }

    /**
     * Changes a field (admins only), if nobody changed it since {@code expectedVersion}: the edit gets the
     * field's form filled with its values, {@code f -> f.name("Region").option("west", "West")}.
     *
     * @param id the field
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored field
     * @throws dev.crmkit.api.ConflictException when the field changed meanwhile
     * @throws dev.crmkit.api.ValidationException as {@link #define} does (options are removed with
     *         {@link #removeOption}, never by an edit)
     */
    public CustomField update(CustomFieldId id, long expectedVersion, Consumer<? super CustomFieldForm> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            unit.requireAdmin("change custom fields");
            CustomField current = unit.requireVersion(unit.tx().customFields().get(id), expectedVersion);
            unit.tx().lock(List.of("custom-fields:" + current.entity()));
            CustomFieldForm form = CustomFieldForm.of(current);
            edit.accept(form);
            return unit.update(unit.tx().customFields(), current, build(unit, form, current, new Violations()));
        });
    }

    /**
     * Removes one option of a list or multi-list field (admins only). When records hold it, {@code whenUsed}
     * decides: refuse, or take the option out of their values (a multi-list value left empty is cleared).
     *
     * @param id the field
     * @param expectedVersion the version the removal is based on
     * @param key the option's key
     * @param whenUsed what to do when records hold the option
     * @return the stored field
     * @throws dev.crmkit.api.ValidationException {@code field.option.unknown} for a key the field does not have
     * @throws RuleViolationException {@code field.option.in_use} under {@link WhenUsed#REFUSE}
     */
    public CustomField removeOption(CustomFieldId id, long expectedVersion, String key, WhenUsed whenUsed) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(whenUsed, "whenUsed");
        return context.write(unit -> {
            unit.requireAdmin("change custom fields");
            CustomField current = unit.requireVersion(unit.tx().customFields().get(id), expectedVersion);
            String k = Text.normalize(key);
            if (current.option(k).isEmpty()) {
                new Violations().add("key", "field.option.unknown", current.name(), Text.excerpt(k)).throwIfAny();
            }
            Filter<HasCustomFields> holding = CustomFieldQuery.<HasCustomFields>choice(id).eq(k);
            clearValues(unit, current, holding, whenUsed, "field.option.in_use", value -> without(value, k));
            List<FieldOption> options = current.options().stream().filter(o -> !o.key().equals(k))
                    .collect(Collectors.toList());
            return unit.update(unit.tx().customFields(), current, current.toBuilder().options(options).build());
        });
    }

    /**
     * Removes a field (admins only). When records hold values of it, {@code whenUsed} decides: refuse, or
     * clear them.
     *
     * @param id the field
     * @param expectedVersion the version the removal is based on
     * @param whenUsed what to do when records hold values
     * @throws RuleViolationException {@code field.in_use} under {@link WhenUsed#REFUSE}
     */
    public void remove(CustomFieldId id, long expectedVersion, WhenUsed whenUsed) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(whenUsed, "whenUsed");
        context.write(unit -> {
            unit.requireAdmin("remove custom fields");
            CustomField current = unit.requireVersion(unit.tx().customFields().get(id), expectedVersion);
            clearValues(unit, current, CustomFieldQuery.<HasCustomFields>of(current).present(), whenUsed,
                    "field.in_use", value -> null);
            // A stage cannot go on requiring a field that is gone (DEAL-4).
            for (Pipeline p : unit.tx().pipelines().all()) {
                List<StageRequirement> kept = p.requirements().stream()
                        .filter(r -> !r.customField().equals(Optional.of(id))).collect(Collectors.toList());
                if (kept.size() != p.requirements().size()) {
                    unit.update(unit.tx().pipelines(), p, p.toBuilder().requirements(kept).build());
                }
            }
            unit.delete(unit.tx().customFields(), current);
            return null;
        });
    }

    /**
     * A field.
     *
     * @param id the field
     * @return the field
     * @throws dev.crmkit.api.NotFoundException when there is none
     */
    public CustomField get(CustomFieldId id) {
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().customFields().get(id));
    }

    /**
     * The fields of one entity type, in the order they were defined.
     *
     * @param entity lead, contact, company or deal
     * @return the fields
     */
    public List<CustomField> list(EntityType entity) {
        Objects.requireNonNull(entity, "entity");
        return context.read(unit -> unit.tx().customFields().all().stream().filter(f -> f.entity() == entity)
                .collect(Collectors.toList()));
    }

    /**
     * Finds a field of an entity type by name, ignoring case.
     *
     * @param entity lead, contact, company or deal
     * @param name the name
     * @return the field, if any
     */
    public Optional<CustomField> byName(EntityType entity, String name) {
        Objects.requireNonNull(name, "name");
        String key = nameKey(name);
        return list(entity).stream().filter(f -> nameKey(f.name()).equals(key)).findFirst();
    }

    private static CustomField build(Unit unit, CustomFieldForm form, CustomField current, Violations v) {
        Transaction tx = unit.tx();
        v.addAll(unit.engine().validator().validate(form));
        String name = Text.normalize(form.name).strip();
        if (Text.isBlank(name)) {
            v.add("name", "field.name.blank");
        } else {
            String key = nameKey(name);
            boolean taken = tx.customFields().all().stream().anyMatch(f -> f.entity() == form.entity
                    && (current == null || !f.id().equals(current.id())) && nameKey(f.name()).equals(key));
            if (taken) {
                v.add("name", "field.name.taken", name);
            }
        }
        if (!form.type.hasOptions() && !form.options.isEmpty()) {
            v.add("options", "field.options.not_list", name);
        }
        if (form.type.hasOptions() && form.options.isEmpty()) {
            v.add("options", "field.options.none", name);
        }
        v.count("options", form.options.size(), Limits.FIELD_OPTIONS);
        if (form.entity != EntityType.DEAL && !form.pipelines.isEmpty()) {
            v.add("pipelines", "field.pipelines.not_deal", name);
        }
        for (PipelineId p : form.pipelines) {
            if (tx.pipelines().find(p).isEmpty()) {
                v.add("pipelines", "field.pipeline.unknown", p);
            }
        }
        v.throwIfAny();
        CustomFieldBuilder b = current == null
                ? CustomField.builder().id(new CustomFieldId(unit.nextId())).version(1).created(unit.now())
                        .updated(unit.now()).entity(form.entity).type(form.type)
                : current.toBuilder();
        return b.name(name).options(form.options).pipelines(new LinkedHashSet<>(form.pipelines)).build();
    }

    private static String nameKey(String name) {
        return Text.normalize(name).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Applies {@code change} to the field's value on every record the filter selects, or refuses under
     * {@link WhenUsed#REFUSE} when there is one.
     */
    private static void clearValues(Unit unit, CustomField field, Filter<HasCustomFields> holding, WhenUsed whenUsed,
                                    String code, UnaryOperator<FieldValue> change) {
        Transaction tx = unit.tx();
        switch (field.entity()) {
            case LEAD:
                clear(unit, tx.leads(), field, holding, whenUsed, code, change,
                        (l, values) -> l.toBuilder().customFields(values).build());
                break;
            case CONTACT:
                clear(unit, tx.contacts(), field, holding, whenUsed, code, change,
                        (c, values) -> c.toBuilder().customFields(values).build());
                break;
            case COMPANY:
                clear(unit, tx.companies(), field, holding, whenUsed, code, change,
                        (c, values) -> c.toBuilder().customFields(values).build());
                break;
            default:
                clear(unit, tx.deals(), field, holding, whenUsed, code, change,
                        (d, values) -> d.toBuilder().customFields(values).build());
        }
    }

    @SuppressWarnings("unchecked")
    private static <I extends EntityId, E extends Entity<I> & HasCustomFields> void clear(Unit unit, Store<I, E> store,
            CustomField field, Filter<HasCustomFields> holding, WhenUsed whenUsed, String code,
            UnaryOperator<FieldValue> change, java.util.function.BiFunction<E, CustomFieldValues, E> with) {
        Filter<E> filter = (Filter<E>) (Filter<?>) holding;
        if (whenUsed == WhenUsed.REFUSE) {
            long used = store.count(filter);
            if (used > 0) {
                throw RuleViolationException.of(dev.crmkit.core.support.CoreMessages.violation(
                        "whenUsed", code, field.name(), used));
            }
            return;
        }
        for (E record : Pages.all(store, filter)) {
            CustomFieldValues values = record.customFields();
            FieldValue next = change.apply(values.values().get(field.id()));
            unit.update(store, record, with.apply(record, next == null ? values.without(field.id())
                    : values.with(field.id(), next)));
        }
    }

    /** A list value without one option: null when nothing is left. */
    private static FieldValue without(FieldValue value, String key) {
        if (value instanceof FieldValue.Choices) {
            Set<String> rest = new LinkedHashSet<>(((FieldValue.Choices) value).options());
            rest.remove(key);
            return rest.isEmpty() ? null : new FieldValue.Choices(rest);
        }
        return null;
    }
}
