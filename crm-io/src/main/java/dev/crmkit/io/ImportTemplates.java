package dev.crmkit.io;

import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.core.CrmSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Import mappings saved under a name and reused for the next file of the same shape (IO-1), stored with the CRM's
 * data through {@code session.settings().importTemplates()}, so every session and every restart of the
 * application finds them. A name is never silently replaced: saving a taken one is refused
 * ({@code template.name.taken}); the template's author or an admin replaces or deletes it through that service.
 * Thread-safe; as every call of the session, it acts as the session's user.
 */
public final class ImportTemplates {

    private static final String STANDARD = "field:";
    private static final String CUSTOM = "custom:";

    private final CrmSession session;

    private ImportTemplates(CrmSession session) {
        this.session = session;
    }

    /**
     * The templates as a user sees and saves them.
     *
     * @param session the user's session
     * @return the templates
     */
    public static ImportTemplates of(CrmSession session) {
        return new ImportTemplates(Objects.requireNonNull(session, "session"));
    }

    /**
     * Saves a mapping under a new name.
     *
     * @param name the name; surrounding spaces are dropped
     * @param mapping the mapping
     * @return the mapping
     * @throws dev.crmkit.api.ValidationException {@code io.template.name_blank} for a blank name, or what
     *         {@code ImportTemplateService.save} lists, {@code template.name.taken} among them
     */
    public ImportMapping save(String name, ImportMapping mapping) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        if (name.isBlank()) {
            throw IoMessages.invalid("name", "io.template.name_blank");
        }
        List<ImportTemplate.Column> columns = new ArrayList<>();
        for (Map.Entry<String, ImportField> c : mapping.columns().entrySet()) {
            ImportField f = c.getValue();
            columns.add(new ImportTemplate.Column(c.getKey(), f.standard().map(s -> STANDARD + s.key())
                    .orElseGet(() -> CUSTOM + f.custom().orElseThrow().value())));
        }
        session.settings().importTemplates().save(name, mapping.entity(), columns);
        return mapping;
    }

    /**
     * The mapping saved under a name.
     *
     * @param name the name; surrounding spaces are ignored
     * @return the mapping
     * @throws dev.crmkit.api.ValidationException {@code io.template.unknown} when no template has that name
     */
    public ImportMapping get(String name) {
        Objects.requireNonNull(name, "name");
        ImportTemplate t = session.settings().importTemplates().find(name)
                .orElseThrow(() -> IoMessages.invalid("name", "io.template.unknown", name.strip()));
        ImportMapping mapping = ImportMapping.of(t.entity());
        for (ImportTemplate.Column c : t.columns()) {
            mapping = mapping.column(c.header(), field(t, c));
        }
        return mapping;
    }

    /**
     * The names of the saved templates, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return session.settings().importTemplates().list().stream().map(ImportTemplate::name).sorted()
                .collect(Collectors.toUnmodifiableList());
    }

    private static ImportField field(ImportTemplate t, ImportTemplate.Column c) {
        String target = c.target();
        if (target.startsWith(CUSTOM)) {
            try {
                return ImportField.of(new CustomFieldId(UUID.fromString(target.substring(CUSTOM.length()))));
            } catch (IllegalArgumentException e) {
                throw IoMessages.invalid("name", "io.template.target", t.name(), c.header());
            }
        }
        String key = target.startsWith(STANDARD) ? target.substring(STANDARD.length()) : "";
        return Arrays.stream(StandardField.values()).filter(s -> s.key().equals(key)).findFirst()
                .map(ImportField::of)
                .orElseThrow(() -> IoMessages.invalid("name", "io.template.target", t.name(), c.header()));
    }
}
