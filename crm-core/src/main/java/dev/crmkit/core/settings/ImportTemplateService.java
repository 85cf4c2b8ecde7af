package dev.crmkit.core.settings;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Saved import mappings (IO-1), stored with the CRM's data so that every session and every restart finds them:
 * any user saves one under a unique name and everyone reuses it; its author or an admin replaces its columns
 * or deletes it. crm-io's {@code ImportTemplates} turns an import mapping into a template and back; this service
 * keeps the names, bounds and versions. Thread-safe.
 */
public final class ImportTemplateService {

    private static final Set<EntityType> IMPORTED = Set.of(EntityType.CONTACT, EntityType.COMPANY, EntityType.LEAD,
            EntityType.DEAL);

    private final Context context;

    ImportTemplateService(Context context) {
        this.context = context;
    }

    /**
     * Saves a new template.
     *
     * @param name a name no template has
     * @param entity contacts, companies, leads or deals
     * @param columns the columns, at least one, at most {@value Limits#IMPORT_COLUMNS}
     * @return the stored template
     * @throws dev.crmkit.api.ValidationException listing every problem: {@code text.*} for the name (at most
     *         {@value Limits#NAME} code points), {@code template.name.taken}, {@code template.entity},
     *         {@code template.columns.empty}, {@code collection.too_many}, {@code text.*} for a header (at most
     *         {@value Limits#NAME} code points) or a target (at most {@value Limits#CODE}),
     *         {@code template.header.repeated}
     */
    public ImportTemplate save(String name, EntityType entity, List<ImportTemplate.Column> columns) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entity, "entity");
        List<ImportTemplate.Column> list = copy(columns);
        return context.write(unit -> {
            String stored = name.strip();
            unit.tx().lock(List.of("import-template:" + stored));
            Violations v = new Violations().text("name", name, Limits.NAME, false);
            if (v.isEmpty() && unit.tx().importTemplates().byName(stored).isPresent()) {
                v.add("name", "template.name.taken", stored);
            }
            if (!IMPORTED.contains(entity)) {
                v.add("entity", "template.entity", entity);
            }
            check(v, list);
            v.throwIfAny();
            return unit.insert(unit.tx().importTemplates(), new ImportTemplate(new ImportTemplateId(unit.nextId()), 1,
                    unit.now(), unit.now(), stored, entity, unit.actor().id(), list));
        });
    }

    /**
     * Replaces the columns of a template, from the version read.
     *
     * @param id the template
     * @param expectedVersion the version the change is based on
     * @param columns the new columns
     * @return the stored template
     * @throws dev.crmkit.api.AccessDeniedException for a user who is neither its author nor an admin
     * @throws dev.crmkit.api.ConflictException when it changed since that version
     * @throws dev.crmkit.api.NotFoundException when there is no such template
     */
    public ImportTemplate replace(ImportTemplateId id, long expectedVersion, List<ImportTemplate.Column> columns) {
        Objects.requireNonNull(id, "id");
        List<ImportTemplate.Column> list = copy(columns);
        return context.write(unit -> {
            ImportTemplate before = own(unit, id, expectedVersion, "change");
            Violations v = new Violations();
            check(v, list);
            v.throwIfAny();
            return unit.update(unit.tx().importTemplates(), before, new ImportTemplate(before.id(), before.version(),
                    before.created(), before.updated(), before.name(), before.entity(), before.author(), list));
        });
    }

    /**
     * Deletes a template, from the version read.
     *
     * @param id the template
     * @param expectedVersion the version the deletion is based on
     * @throws dev.crmkit.api.AccessDeniedException for a user who is neither its author nor an admin
     * @throws dev.crmkit.api.ConflictException when it changed since that version
     * @throws dev.crmkit.api.NotFoundException when there is no such template
     */
    public void delete(ImportTemplateId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        context.write(unit -> {
            unit.delete(unit.tx().importTemplates(), own(unit, id, expectedVersion, "delete"));
            return null;
        });
    }

    /**
     * The template with a name.
     *
     * @param name the name (surrounding spaces ignored)
     * @return the template, or empty
     */
    public Optional<ImportTemplate> find(String name) {
        Objects.requireNonNull(name, "name");
        return context.read(unit -> unit.tx().importTemplates().byName(name.strip()));
    }

    /**
     * Every template, by name.
     *
     * @return the templates
     */
    public List<ImportTemplate> list() {
        return context.read(unit -> unit.tx().importTemplates().all());
    }

    private static ImportTemplate own(Unit unit, ImportTemplateId id, long expectedVersion, String action) {
        ImportTemplate t = unit.requireVersion(unit.tx().importTemplates().get(id), expectedVersion);
        if (!t.author().equals(unit.actor().id())) {
            unit.requireAdmin(action + " an import template someone else saved");
        }
        return t;
    }

    private static List<ImportTemplate.Column> copy(List<ImportTemplate.Column> columns) {
        Objects.requireNonNull(columns, "columns");
        for (ImportTemplate.Column c : columns) {
            Objects.requireNonNull(c, "columns[]");
        }
        return List.copyOf(columns);
    }

    private static void check(Violations v, List<ImportTemplate.Column> columns) {
        if (columns.isEmpty()) {
            v.add("columns", "template.columns.empty");
        }
        v.count("columns", columns.size(), Limits.IMPORT_COLUMNS);
        if (columns.size() > Limits.IMPORT_COLUMNS) {
            return;
        }
        Set<String> headers = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            ImportTemplate.Column c = columns.get(i);
            v.text("columns[" + i + "].header", c.header(), Limits.NAME, false);
            v.text("columns[" + i + "].target", c.target(), Limits.CODE, false);
            if (!headers.add(c.header())) {
                v.add("columns[" + i + "].header", "template.header.repeated", c.header());
            }
        }
    }
}
