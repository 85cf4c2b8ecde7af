package dev.crmkit.io;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Named import mappings to reuse for files of the same structure (IO-1). As in amoCRM, a template is
 * never deleted or replaced once saved. <b>Held in memory only</b>: templates are not stored with the
 * records yet and are gone when the registry is; keep one registry per application. Thread-safe.
 */
public final class ImportTemplates {

    private final ConcurrentMap<String, ImportMapping> templates = new ConcurrentHashMap<>();

    /** An empty registry. */
    public ImportTemplates() {
    }

    /**
     * Saves a mapping under a name.
     *
     * @param name the template's name (surrounding spaces are dropped)
     * @param mapping the mapping
     * @return the mapping saved
     * @throws dev.crmkit.api.ValidationException {@code io.template.name_blank} for a blank name,
     *         {@code io.template.taken} when a template has that name already
     */
    public ImportMapping save(String name, ImportMapping mapping) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mapping, "mapping");
        String key = name.strip();
        if (key.isEmpty()) {
            throw IoMessages.invalid("name", "io.template.name_blank");
        }
        if (templates.putIfAbsent(key, mapping) != null) {
            throw IoMessages.invalid("name", "io.template.taken", key);
        }
        return mapping;
    }

    /**
     * A saved mapping.
     *
     * @param name the template's name
     * @return the mapping
     * @throws dev.crmkit.api.ValidationException {@code io.template.unknown} when there is none of that name
     */
    public ImportMapping get(String name) {
        Objects.requireNonNull(name, "name");
        ImportMapping mapping = templates.get(name.strip());
        if (mapping == null) {
            throw IoMessages.invalid("name", "io.template.unknown", name.strip());
        }
        return mapping;
    }

    /**
     * The names of the saved templates.
     *
     * @return the names, sorted
     */
    public List<String> names() {
        return templates.keySet().stream().sorted().collect(Collectors.toUnmodifiableList());
    }
}
