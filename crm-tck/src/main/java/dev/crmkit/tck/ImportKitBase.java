package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.io.ExportFormat;
import dev.crmkit.io.Exporter;
import dev.crmkit.io.ImportMapping;
import dev.crmkit.io.ImportOptions;
import dev.crmkit.io.ImportReport;
import dev.crmkit.io.Importer;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

    /** A contact whose name, phone, position and description a spreadsheet would run as formulas. */
    void hostileContact() {
        anna.contacts().create(ContactForm.person("=HYPERLINK(\"http://evil.test\",\"x\")", "-Petrov")
                .phone("+7 901 776-34-34").position("@boss").description("=1+2"));
    }

    /**
     * Exports contacts whose values need care (formula characters, an apostrophe, line breaks, quotes, separators)
     * in a format, deletes them, imports the file back and checks every value came back as it was (IO-5).
     */
    void exportAndImportBack(ExportFormat format) {
        Crm plain = crm(Policy.builder(Policies.amoCrm()).importTagRequired(false).build());
        anna.contacts().create(ContactForm.person("Ivan", "Petrov").middleName("Sergeevich")
                .phone("+7 901 776-34-34").phone("8 (495) 123-45-67").email("ivan@client.test").tag("vip")
                .tag("=sum").position("-lead-").birthDate(LocalDate.of(1990, 5, 17))
                .description("line one\nline \"two\", with a comma; and a semicolon"));
        anna.contacts().create(ContactForm.named("'quoted").email("o@client.test").description("@home"));
        List<Contact> before = contacts();
        ExportKit.Files files = new ExportKit.Files();
        Exporter.of(plain).contacts(plain.as(annaUser.id()), Filter.all(), files, format);
        for (Contact c : before) {
            anna.contacts().delete(c.id(), c.version());
        }
        assertThat(contacts()).isEmpty();
        ImportReport report = Importer.of(plain).run(plain.as(annaUser.id()),
                new ByteArrayInputStream(files.written.get(0).toByteArray()), Exporter.importMapping(EntityType.CONTACT),
                ImportOptions.defaults().withoutImportTag());
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(2);
        assertThat(contacts()).hasSize(2);
        for (Contact original : before) {
            Contact back = contacts().stream().filter(c -> c.name().equals(original.name())).findFirst().orElseThrow();
            assertThat(back.phones()).isEqualTo(original.phones());
            assertThat(back.emails()).isEqualTo(original.emails());
            assertThat(back.tags()).isEqualTo(original.tags());
            assertThat(back.position()).isEqualTo(original.position());
            assertThat(back.birthDate()).isEqualTo(original.birthDate());
            assertThat(back.description()).isEqualTo(original.description());
        }
        assertThat(contacts().stream().flatMap(c -> c.phones().stream()).map(p -> p.number().raw()))
                .contains("+7 901 776-34-34");
    }
}
