package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.Limits;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.core.settings.ImportTemplateService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Saved import mappings (IO-1) as the storage keeps them: unique names, versions, rights, bounds, real threads. */
abstract class ImportTemplatesKit extends FacadeKitBase {

    private static final List<ImportTemplate.Column> COLUMNS = List.of(new ImportTemplate.Column("Name", "field:name"),
            new ImportTemplate.Column("Phone", "field:phone"));

    @Test
    @Tag("IO-1")
    @DisplayName("a template is saved once per name, replaced from the version read by its author or an admin, and deleted")
    void lifecycle() {
        ImportTemplateService borisTemplates = boris.settings().importTemplates();
        ImportTemplate t = borisTemplates.save(" Fair ", EntityType.CONTACT, COLUMNS);
        assertThat(t.name()).isEqualTo("Fair");
        assertThat(t.author()).isEqualTo(borisUser.id());
        assertThat(anna.settings().importTemplates().find("Fair")).contains(t);
        assertThat(anna.settings().importTemplates().list()).containsExactly(t);
        failsAndChangesNothing(ValidationException.class, () -> anna.settings().importTemplates().save("Fair",
                EntityType.CONTACT, COLUMNS));
        ImportTemplate replaced = borisTemplates.replace(t.id(), t.version(), COLUMNS.subList(0, 1));
        assertThat(replaced.columns()).hasSize(1);
        failsAndChangesNothing(ConflictException.class, () -> borisTemplates.replace(t.id(), t.version(), COLUMNS));
        ImportTemplate annas = anna.settings().importTemplates().save("Admin's", EntityType.DEAL, COLUMNS);
        failsAndChangesNothing(AccessDeniedException.class,
                () -> boris.settings().importTemplates().delete(annas.id(), annas.version()));
        anna.settings().importTemplates().delete(replaced.id(), replaced.version());
        assertThat(anna.settings().importTemplates().find("Fair")).isEmpty();
        assertThat(anna.events().of(RecordRef.of(t.id()))).extracting(e -> e.kind())
                .containsExactly(EventKind.CREATED, EventKind.FIELD_CHANGED, EventKind.DELETED);
    }

    @Test
    @Tag("IO-1")
    @DisplayName("a bad template gets every problem at once and stores nothing")
    void badTemplate() {
        List<ImportTemplate.Column> many = new ArrayList<>();
        for (int i = 0; i <= Limits.IMPORT_COLUMNS; i++) {
            many.add(new ImportTemplate.Column("C" + i, "field:name"));
        }
        refused(ValidationException.class, () -> anna.settings().importTemplates().save("x".repeat(Limits.NAME + 1),
                EntityType.TASK, List.of()), "text.too_long", "template.entity", "template.columns.empty");
        refused(ValidationException.class, () -> anna.settings().importTemplates().save("Many", EntityType.CONTACT,
                many), "collection.too_many");
        refused(ValidationException.class, () -> anna.settings().importTemplates().save("Twice", EntityType.CONTACT,
                List.of(new ImportTemplate.Column("Name", "field:name"), new ImportTemplate.Column("Name",
                        "field:phone"))), "template.header.repeated");
        assertThat(anna.settings().importTemplates().list()).isEmpty();
    }

    @Test
    @Tag("IO-1")
    @DisplayName("eight threads saving the same names at once: one wins each name, the others are refused, none is lost")
    void concurrentSaves() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Callable<Integer> saver = () -> {
                    start.await();
                    int won = 0;
                    for (int i = 0; i < 20; i++) {
                        try {
                            boris.settings().importTemplates().save("Template " + i, EntityType.CONTACT, COLUMNS);
                            won++;
                        } catch (ValidationException taken) {
                            assertThat(taken.codes()).containsExactly("template.name.taken");
                        }
                    }
                    return won;
                };
                results.add(pool.submit(saver));
            }
            start.countDown();
            int won = 0;
            for (Future<Integer> result : results) {
                won += result.get(120, TimeUnit.SECONDS);
            }
            assertThat(won).isEqualTo(20);
            assertThat(anna.settings().importTemplates().list()).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
