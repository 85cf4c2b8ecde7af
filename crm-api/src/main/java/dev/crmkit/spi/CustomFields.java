package dev.crmkit.spi;

import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.CustomFieldId;
import java.util.List;

/** The definitions of custom fields (DEAL-3). */
public interface CustomFields extends Store<CustomFieldId, CustomField> {

    /**
     * Every definition, by id (the order they were defined in, ids being time-ordered).
     *
     * @return the definitions
     */
    List<CustomField> all();
}
