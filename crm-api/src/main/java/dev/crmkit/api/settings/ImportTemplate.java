package dev.crmkit.api.settings;

import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved mapping of an import's columns to record fields (IO-1), reused by name for the next file of the same
 * shape. crm-io writes and reads the targets; to crm-core and the adapters they are text.
 *
 * @param id the template's id
 * @param version the version, from 1
 * @param created when it was saved
 * @param updated when it last changed
 * @param name its name, unique among the templates
 * @param entity the kind of record the rows become
 * @param author who saved it
 * @param columns the columns, in the file's order
 */
public record ImportTemplate(ImportTemplateId id, long version, Instant created, Instant updated, String name,
                             EntityType entity, UserId author, List<Column> columns) implements Entity<ImportTemplateId> {

    /** Checks the invariants and copies the columns. */
    public ImportTemplate {
        Checks.present("id, created, updated, name, entity, author, columns", id, created, updated, name, entity,
                author, columns);
        Checks.version(version);
        Checks.notBlank(name, "name");
        columns = List.copyOf(columns);
    }

    @Override
    public ImportTemplate revised(Instant at) {
        return new ImportTemplate(id, version + 1, created, at, name, entity, author, columns);
    }

    /**
     * One column of a template.
     *
     * @param header the column's header in the file
     * @param target the field it fills, as crm-io encodes it (a standard field's key, or a custom field's id)
     */
    public record Column(String header, String target) {

        /** Rejects nulls. */
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(target, "target");
        }
    }
}
