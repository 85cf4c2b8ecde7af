package dev.crmkit.tck;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.CrmSession;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Helpers of the import and export kits (IO-1 to IO-5). */
abstract class ImportKitBase extends FacadeKitBase {

    ImportKitBase() {
    }

    static ByteArrayInputStream csv(String text) {
        return csv(text, StandardCharsets.UTF_8);
    }

    static ByteArrayInputStream csv(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    ImportReport importAs(CrmSession who, String text, ImportMapping mapping, ImportOptions options) {
        return Importer.of(crm).run(who, csv(text), mapping, options);
    }

    List<Contact> contacts() {
        return anna.contacts().query(Filter.all(), Sort.byId(), PageRequest.first(1_000)).items();
    }
}
