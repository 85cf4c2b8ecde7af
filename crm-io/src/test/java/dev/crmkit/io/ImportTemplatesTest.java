package dev.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("IO-1")
class ImportTemplatesTest {

    @Test
    @DisplayName("eight threads saving templates at once: one wins each name, the others are refused, none is lost")
    void concurrentSaves() throws Exception {
        ImportTemplates templates = new ImportTemplates();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int won = 0;
                    for (int i = 0; i < 200; i++) {
                        try {
                            templates.save("Template " + i, ImportMapping.of(EntityType.CONTACT)
                                    .column("Thread " + thread, StandardField.NAME));
                            won++;
                        } catch (ValidationException taken) {
                            assertThat(taken.codes()).containsExactly("io.template.taken");
                        }
                    }
                    return won;
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Integer> result : results) {
                won += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(won).isEqualTo(200);
            assertThat(templates.names()).hasSize(200);
            assertThat(templates.get("Template 7").columns()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a blank template name is refused")
    void blankName() {
        ImportTemplates templates = new ImportTemplates();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                () -> templates.save("  ", ImportMapping.of(EntityType.COMPANY))).codes())
                .containsExactly("io.template.name_blank");
        assertThat(templates.names()).isEmpty();
    }
}
