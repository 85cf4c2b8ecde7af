package dev.crmkit.api.field;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The definition of a custom field (DEAL-3), which admins add to one entity type: leads, contacts,
 * companies or deals; a deal field may be limited to some pipelines. Its type decides the kind of its
 * values; a list or multi-list field has options. crm-core checks every value a record is given against its
 * field. Build one with {@link #builder()}.
 *
 * @param id the field's id
 * @param version the optimistic-locking version, 1 when created
 * @param created when the field was defined
 * @param updated when it last changed
 * @param entity the entity type whose records carry the field: {@code LEAD}, {@code CONTACT}, {@code COMPANY}
 *        or {@code DEAL}
 * @param name the field's name, never blank; unique among the fields of its entity type
 * @param type the field's type
 * @param options the options of a list or multi-list field, keys unique, in the order shown; none otherwise
 * @param pipelines for a deal field, the pipelines whose deals carry it; empty for every pipeline (and for
 *        fields of other entity types)
 */
@WithBuilder
public record CustomField(CustomFieldId id, long version, Instant created, Instant updated, EntityType entity,
                          String name, FieldType type, List<FieldOption> options, Set<PipelineId> pipelines)
        implements Entity<CustomFieldId>, CustomFieldBuilder.ToBuilder {

    /** The entity types that carry custom fields. */
    public static final Set<EntityType> ENTITIES =
            java.util.Collections.unmodifiableSet(EnumSet.of(EntityType.LEAD, EntityType.CONTACT, EntityType.COMPANY,
                    EntityType.DEAL));

    /** Checks the invariants and copies the collections. */
    public CustomField {
        Checks.present("id, created, updated, entity, type", id, created, updated, entity, type);
        Checks.notBlank(name, "name");
        if (!ENTITIES.contains(entity)) {
            throw new IllegalArgumentException("custom fields belong to leads, contacts, companies or deals, not "
                    + entity);
        }
        options = List.copyOf(options);
        if (!type.hasOptions() && !options.isEmpty()) {
            throw new IllegalArgumentException("only list fields have options: " + name);
        }
        if (options.stream().map(FieldOption::key).distinct().count() != options.size()) {
            throw new IllegalArgumentException("option keys are unique within a field: " + options);
        }
        pipelines = Checks.orderedCopy(pipelines);
        if (entity != EntityType.DEAL && !pipelines.isEmpty()) {
            throw new IllegalArgumentException("only deal fields are limited to pipelines: " + name);
        }
        Checks.version(version);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static CustomFieldBuilder builder() {
        return new CustomFieldBuilder();
    }

    /**
     * One of the field's options.
     *
     * @param key the option's key
     * @return the option, if the field has one with that key
     */
    public Optional<FieldOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /**
     * Whether the deals of a pipeline carry this field: always for a field not limited to pipelines.
     *
     * @param pipeline the pipeline
     * @return true when the field applies there
     */
    public boolean appliesTo(PipelineId pipeline) {
        return pipelines.isEmpty() || pipelines.contains(pipeline);
    }
}
