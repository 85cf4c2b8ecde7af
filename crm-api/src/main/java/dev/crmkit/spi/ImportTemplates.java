package dev.crmkit.spi;

import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ImportTemplateId;
import java.util.List;
import java.util.Optional;

/** The saved import mappings (IO-1). A template's name is a unique key: an insert of a taken one is a conflict. */
public interface ImportTemplates extends Store<ImportTemplateId, ImportTemplate> {

    /**
     * The template with a name.
     *
     * @param name the name, exactly as stored
     * @return the template, or empty when there is none
     */
    Optional<ImportTemplate> byName(String name);

    /**
     * Every template, by name.
     *
     * @return the templates
     */
    List<ImportTemplate> all();
}
