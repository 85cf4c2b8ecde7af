package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.DuplicateCluster;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.tck.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scan large enough to be split ({@code Crm.Builder.scanThreads}) through the facade on the in-memory adapter, whose
 * candidates come with their count: the clusters are those of a scan on one thread.
 */
@DisplayName("In-memory storage: a large duplicate scan on several threads")
class ParallelScanTest {

    private static final int CONTACTS = 30_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"amoCRM", "bitrix24", "onlyOffice"})
    @Tag("CON-5")
    @DisplayName("CON-5: a scan of 30,000 contacts on four threads finds the clusters one thread finds")
    void sameClusters(String preset) {
        Policy policy = switch (preset) {
            case "amoCRM" -> Policies.amoCrm();
            case "bitrix24" -> Policies.bitrix24SalesDepartment();
            default -> Policies.onlyOffice();
        };
        InMemoryStorage storage = InMemoryStorage.create();
        Crm one = Crm.builder().storage(storage).policy(policy).scanThreads(1).build();
        User admin = one.bootstrap(UserForm.named("Anna Admin"));
        TestData data = new TestData();
        Random random = new Random(17);
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            // Returning people: a number, an address or a name (with the same birth date) from a pool smaller than
            // the contacts, so that every preset's rule finds clusters.
            int person = random.nextInt(CONTACTS * 3 / 4);
            batch.add(data.aContact("Client" + person % 5_000, "Surname", admin.id()).toBuilder()
                    .phones(List.of(ContactPhone.mobile(String.format("+7 901 %07d", random.nextInt(CONTACTS)))))
                    .emails(List.of(ContactEmail.work("client" + random.nextInt(CONTACTS) + "@example.test")))
                    .birthDate(LocalDate.of(1990, 1, 1).plusDays(person % 3)).build());
            if (batch.size() == 5_000) {
                List<Contact> full = List.copyOf(batch);
                storage.run(tx -> full.forEach(tx.contacts()::insert));
                batch.clear();
            }
        }
        List<DuplicateCluster> alone = one.as(admin.id()).contacts().scanDuplicates();
        Crm four = Crm.builder().storage(storage).policy(policy).scanThreads(4).build();
        List<DuplicateCluster> inParts = four.as(admin.id()).contacts().scanDuplicates();
        assertThat(alone).hasSizeGreaterThan(1_000);
        assertThat(inParts).isEqualTo(alone);
    }

    @Test
    @DisplayName("a CRM's scan needs at least one thread")
    void atLeastOneThread() {
        assertThatThrownBy(() -> Crm.builder().scanThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
