package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.Names;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.tck.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL adapter: migrations")
class MigrationTest {

    private static final String SCHEMA = "crmkit_migration_test";

    @Test
    @DisplayName("version 2 indexes the phones, e-mails and names of contacts stored under version 1")
    void backfill() throws Exception {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        Flyway.configure().dataSource(TestDatabase.dataSource()).schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true).locations("classpath:dev/crmkit/jdbc/migration").target("1").load().migrate();
        TestData data = new TestData();
        Contact ivan = data.aContact("Пётр", "Иванов", data.aUser("Olga").id()).toBuilder()
                .phones(List.of(ContactPhone.mobile("+7 (901) 776-34-34 доб. 5")))
                .emails(List.of(ContactEmail.work("Petr@Client.TEST"))).build();
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + SCHEMA + ".contacts (id, version, data, name,"
                     + " responsible, created, updated, tags) VALUES (?, 1, ?::jsonb, ?, ?, now(), now(), '{}')")) {
            ps.setObject(1, ivan.id().value());
            ps.setString(2, new JsonCodec().write(ivan));
            ps.setString(3, ivan.name().full());
            ps.setObject(4, ivan.responsible().value());
            ps.executeUpdate();
        }
        PostgresStorage storage = PostgresStorage.builder(TestDatabase.dataSource()).schema(SCHEMA).build();
        storage.run(tx -> {
            assertThat(tx.contacts().byPhoneKeys(Set.of(PhoneNumber.parse("89017763434").indexKey()))).containsExactly(ivan);
            assertThat(tx.contacts().byEmails(Set.of("petr@client.test"))).containsExactly(ivan);
            assertThat(tx.contacts().byNameKey(Names.matchKey("петр иванов"))).containsExactly(ivan);
        });
    }
}
