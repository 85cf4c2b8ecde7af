package dev.crmkit.core.field;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldOption;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.core.support.TextValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A custom field's definition as an admin writes it (DEAL-3): for a new field
 * ({@code CustomFieldForm.of(EntityType.DEAL, "Region", FieldType.LIST).option("north", "North")}) and for an
 * edit of one, which gets the field's form filled with its values. An edit may rename the field, rename and add
 * options, reorder them and change a deal field's pipelines; its entity type and type stay; options are removed
 * with {@link CustomFieldService#removeOption}. Not thread-safe; the service checks it.
 */
public final class CustomFieldForm {

    final EntityType entity;
    final FieldType type;
    @TextValue(max = Limits.NAME)
    String name;
    final List<FieldOption> options = new ArrayList<>();
    final Set<PipelineId> pipelines = new LinkedHashSet<>();

    private CustomFieldForm(EntityType entity, FieldType type, String name) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * A new field.
     *
     * @param entity the entity type whose records carry it: lead, contact, company or deal
     * @param name its name
     * @param type its type
     * @return the form
     */
    public static CustomFieldForm of(EntityType entity, String name, FieldType type) {
        return new CustomFieldForm(entity, type, name);
    }

    static CustomFieldForm of(CustomField f) {
        CustomFieldForm form = new CustomFieldForm(f.entity(), f.type(), f.name());
        form.options.addAll(f.options());
        form.pipelines.addAll(f.pipelines());
        return form;
    }

    /**
     * Sets the name.
     *
     * @param value the name, unique among the fields of the entity type (ignoring case)
     * @return this form
     */
    public CustomFieldForm name(String value) {
        this.name = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Adds an option at the end, or relabels the option with this key.
     *
     * @param key the option's key, which values store
     * @param label the label people see
     * @return this form
     */
    public CustomFieldForm option(String key, String label) {
        FieldOption o = FieldOption.of(key, label);
        int at = indexOf(o.key());
        if (at >= 0) {
            options.set(at, o);
        } else {
            options.add(o);
        }
        return this;
    }

    /**
     * Puts the options in a new order: the given keys first, in that order, then the rest as they were.
     *
     * @param keys option keys
     * @return this form
     */
    public CustomFieldForm optionOrder(List<String> keys) {
        List<FieldOption> ordered = new ArrayList<>();
        for (String key : keys) {
            int at = indexOf(Objects.requireNonNull(key, "key"));
            if (at >= 0 && !ordered.contains(options.get(at))) {
                ordered.add(options.get(at));
            }
        }
        options.stream().filter(o -> !ordered.contains(o)).forEach(ordered::add);
        options.clear();
        options.addAll(ordered);
        return this;
    }

    /**
     * Limits a deal field to some pipelines; none means every pipeline.
     *
     * @param values the pipelines
     * @return this form
     */
    public CustomFieldForm pipelines(Collection<PipelineId> values) {
        pipelines.clear();
        values.forEach(p -> pipelines.add(Objects.requireNonNull(p, "pipeline")));
        return this;
    }

    private int indexOf(String key) {
        String k = dev.crmkit.api.Text.normalize(key);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).key().equals(k)) {
                return i;
            }
        }
        return -1;
    }
}
