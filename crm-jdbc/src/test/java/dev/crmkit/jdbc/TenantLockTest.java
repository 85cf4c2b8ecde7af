package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.event.NewEvent;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL adapter: tenants do not share locks")
class TenantLockTest {

    private static final String OTHER_SCHEMA = "crmkit_tenant_locks";
    private static final String KEY = "phone:79017763434";
    private static final Duration IMPATIENT = Duration.ofMillis(200);

    private final TestData data = new TestData();
    private PostgresStorage tenantA;
    private PostgresStorage tenantB;
    private User owner;

    @BeforeEach
    void twoTenants() throws SQLException {
        tenantA = TestDatabase.freshStorage();
        tenantB = PostgresStorage.builder(TestDatabase.dataSource()).schema(OTHER_SCHEMA).lockTimeout(IMPATIENT).build();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + OTHER_SCHEMA + ".events");
        }
        owner = data.aUser("Olga Owner");
        tenantA.run(tx -> tx.users().insert(owner));
    }

    private NewEvent anEvent() {
        return data.aCreatedEvent(new RecordRef(EntityType.CONTACT, data.newId()), owner.id());
    }

    /** Tenant A locks the key and numbers an event, then keeps its transaction open until closed. */
    private Held tenantAHolds() {
        return Held.by(tenantA, tx -> {
            tx.lock(List.of(KEY));
            tx.events().append(anEvent());
            // What commit does first: number the events under the event log's lock. Done here, so that
            // the lock is held while the other transactions run.
            ((JdbcTransaction) tx).flushEvents();
        });
    }

    @Test
    @DisplayName("while tenant A holds key K and the event numbering, tenant B locks K and commits an event without waiting")
    void otherTenantDoesNotWait() throws Exception {
        try (Held held = tenantAHolds()) {
            tenantB.run(tx -> {
                tx.lock(List.of(KEY));
                tx.events().append(anEvent());
            });
            assertThat(tenantB.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(1);
        }
        assertThat(tenantA.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(1);
    }

    @Test
    @DisplayName("within one tenant, key K and the event numbering still serialize")
    void sameTenantStillSerializes() throws Exception {
        PostgresStorage impatientA = TestDatabase.builder().lockTimeout(IMPATIENT).build();
        Throwable lock;
        Throwable append;
        try (Held held = tenantAHolds()) {
            lock = catchThrowable(() -> impatientA.run(tx -> tx.lock(List.of(KEY))));
            append = catchThrowable(() -> impatientA.run(tx -> tx.events().append(anEvent())));
        }
        for (Throwable t : List.of(lock, append)) {
            assertThat(t).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) t).reason()).isEqualTo(ConflictException.Reason.LOCK_TIMEOUT);
        }
        assertThat(tenantA.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(1);
    }
}
