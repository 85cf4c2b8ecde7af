package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.StorageException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Field;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PostgreSQL adapter: safety")
class SafetyTest {

    private PostgresStorage storage;
    private CrmSession anna;
    private Deal deal;

    @BeforeEach
    void crm() {
        storage = TestDatabase.freshStorage();
        Crm crm = Crm.builder().storage(storage).policy(Policies.amoCrm()).clock(Clock.systemUTC()).build();
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@example.com"));
        anna = crm.as(admin.id());
        var pipeline = anna.pipelines().create(NewPipeline.named("Sales").stage("Talks", 20));
        deal = anna.deals().create(DealForm.in(pipeline.id()).name("Chairs"));
    }

    private long tables() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + TestDatabase.SCHEMA + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x' OR '1'='1", "'; DROP TABLE deals; --", "Chairs\" OR 1=1 --", "\\'; SELECT pg_sleep(5); --"})
    @DisplayName("classic injection strings as filter values are just values")
    void injectionInValues(String attack) throws Exception {
        long before = tables();
        assertThat(anna.deals().query(DealFields.NAME.eq(attack), Sort.byId(), PageRequest.first(10)).items()).isEmpty();
        assertThat(anna.contacts().query(ContactFields.TAG.in(List.of(attack)), Sort.by(ContactFields.NAME),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(anna.contacts().create(ContactForm.named(attack).tag(attack)).name().full()).isEqualTo(attack);
        assertThat(anna.contacts().query(ContactFields.TAG.eq(attack), Sort.byId(), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(tables()).isEqualTo(before);
        assertThat(anna.deals().get(deal.id())).isEqualTo(deal);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name; DROP TABLE deals; --", "name) OR (1=1", "data", "version", "1=1"})
    @DisplayName("a crafted field name in a filter or sort is a typed error, never SQL")
    void craftedFieldNames(String name) throws Exception {
        long before = tables();
        Field<Deal, String> crafted = Field.of(name, String.class, Deal::name);
        assertThatThrownBy(() -> anna.deals().query(crafted.eq("x"), Sort.byId(), PageRequest.first(10)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("filter.field.unknown"));
        assertThatThrownBy(() -> anna.deals().query(Filter.all(), Sort.by(crafted), PageRequest.first(10)))
                .isInstanceOf(ValidationException.class);
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    @DisplayName("a schema name that is not a plain identifier is refused before any SQL runs")
    void schemaNames() {
        for (String bad : List.of("crm; DROP SCHEMA public", "Crm", "1crm", "crm\"x", "")) {
            assertThatThrownBy(() -> PostgresStorage.builder(TestDatabase.dataSource()).schema(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("two schemas in one database are two separate CRMs (one per tenant)")
    void tenants() {
        PostgresStorage other = PostgresStorage.builder(TestDatabase.dataSource()).schema("crmkit_tenant_b").build();
        Crm crmB = Crm.builder().storage(other).clock(Clock.systemUTC()).build();
        User adminB = crmB.bootstrap(UserForm.named("Bella Admin"));
        CrmSession bella = crmB.as(adminB.id());
        assertThat(bella.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items()).isEmpty();
        assertThat(anna.deals().query(Filter.all(), Sort.byId(), PageRequest.first(10)).items()).containsExactly(deal);
        assertThat(anna.users().list()).extracting(User::name).containsExactly("Anna Admin");
    }

    @Test
    @DisplayName("a database failure is a StorageException, never a raw SQLException")
    void failures() {
        PostgresStorage missing = PostgresStorage.builder(TestDatabase.dataSource()).schema("crmkit_missing")
                .migrate(false).build();
        assertThatThrownBy(() -> missing.inTransaction(tx -> tx.deals().find(deal.id())))
                .isInstanceOf(StorageException.class).hasMessageContaining("crmkit_missing")
                .hasCauseInstanceOf(java.sql.SQLException.class);
    }
}
