package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.StorageException;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL adapter: connections")
class ConnectionTest {

    private final TestData data = new TestData();

    @BeforeEach
    void empty() {
        TestDatabase.freshStorage();
    }

    private static Connection newConnection() throws SQLException {
        return EmbeddedPostgresServer.get().getPostgresDatabase().getConnection();
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    @DisplayName("a connection goes back to a pool of one with auto-commit on and its session settings untouched")
    void connectionGoesBackAsItCame() throws Exception {
        try (OneConnectionPool pool = new OneConnectionPool(newConnection())) {
            pool.physical().setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            PostgresStorage storage = PostgresStorage.builder(pool).schema(TestDatabase.SCHEMA).migrate(false)
                    .lockTimeout(Duration.ofSeconds(7)).statementTimeout(Duration.ofSeconds(9)).build();
            String[] inside = storage.inTransaction(tx -> {
                Connection c = ((JdbcTransaction) tx).connection();
                try {
                    return new String[] {show(c, "transaction_isolation"), show(c, "lock_timeout"),
                            show(c, "statement_timeout")};
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(inside).containsExactly("read committed", "7s", "9s");
            assertSessionAsItCame(pool.getConnection());

            IllegalStateException boom = new IllegalStateException("boom");
            assertThat(catchThrowable(() -> storage.run(tx -> {
                tx.users().insert(data.aUser("Rolled Back"));
                throw boom;
            }))).isSameAs(boom);
            assertSessionAsItCame(pool.getConnection());
        }
    }

    private static void assertSessionAsItCame(Connection next) throws SQLException {
        assertThat(next.getAutoCommit()).isTrue();
        assertThat(show(next, "transaction_isolation")).isEqualTo("serializable");
        assertThat(show(next, "lock_timeout")).isEqualTo("0");
        assertThat(show(next, "statement_timeout")).isEqualTo("0");
    }

    @Test
    @DisplayName("a connection lost during commit is a StorageException that says the outcome is unknown")
    void connectionLostDuringCommit() throws Exception {
        // Just before COMMIT goes out, another session terminates this connection's backend and waits
        // until it is gone, so the commit meets a dead connection every time.
        OneConnectionPool.BeforeCommit terminate = physical -> {
            int pid;
            try (Statement st = physical.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Connection other = TestDatabase.dataSource().getConnection();
                 PreparedStatement ps = other.prepareStatement("SELECT pg_terminate_backend(?, 60000)")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("backend terminated").isTrue();
                }
            }
        };
        User anna = data.aUser("Anna Lost");
        try (OneConnectionPool pool = new OneConnectionPool(newConnection(), terminate)) {
            PostgresStorage storage = PostgresStorage.builder(pool).schema(TestDatabase.SCHEMA).migrate(false).build();
            Throwable thrown = catchThrowable(() -> storage.run(tx -> tx.users().insert(anna)));
            assertThat(thrown).isInstanceOf(StorageException.class).hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("may or may not have happened");
            assertThat(((StorageException) thrown).outcomeUnknown()).isTrue();
        }
        // Here the backend died before COMMIT reached it, so in fact nothing was stored; the client could
        // not know that, which is what outcomeUnknown says.
        assertThat(TestDatabase.builder().build().inTransaction((Transaction tx) -> tx.users().find(anna.id()))).isEmpty();
    }

    @Test
    @DisplayName("a failure that is not a lost commit says that nothing was stored")
    void ordinaryFailureIsKnown() {
        PostgresStorage missing = PostgresStorage.builder(TestDatabase.dataSource()).schema("crmkit_missing")
                .migrate(false).build();
        Throwable thrown = catchThrowable(() -> missing.run(tx -> tx.users().insert(data.aUser("Nobody"))));
        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(((StorageException) thrown).outcomeUnknown()).isFalse();
    }

    @Test
    @DisplayName("reads before the first write run in auto-commit; the first write begins the transaction with its "
            + "isolation level and lock time-out, in the same round trip; a read-only transaction sends no COMMIT")
    void transactionBeginsAtTheFirstWrite() throws Exception {
        FaultyDataSource traced = new FaultyDataSource(TestDatabase.dataSource(), TestDatabase.dataSource());
        PostgresStorage storage = PostgresStorage.builder(traced).schema(TestDatabase.SCHEMA).migrate(false)
                .lockTimeout(Duration.ofSeconds(7)).build();
        User anna = data.aUser("Anna Lazy");
        String[] seen = storage.inTransaction(tx -> {
            Connection c = ((JdbcTransaction) tx).connection();
            try {
                boolean readsInAutoCommit = c.getAutoCommit() && tx.users().find(anna.id()).isEmpty()
                        && c.getAutoCommit();
                tx.users().insert(anna);
                return new String[] {String.valueOf(readsInAutoCommit), String.valueOf(c.getAutoCommit()),
                        show(c, "transaction_isolation"), show(c, "lock_timeout")};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen).containsExactly("true", "false", "read committed", "7s");
        List<FaultyDataSource.Step> write = traced.trace();
        assertThat(write).as("the read, the insert with the set-up in front of it, the SHOWs, the commit")
                .extracting(FaultyDataSource.Step::kind).last().isEqualTo(FaultyDataSource.Kind.COMMIT);
        assertThat(write.get(1).sql()).startsWith("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL "
                + "lock_timeout = '7000ms'; INSERT INTO ");
        assertThat(write).filteredOn(s -> s.sql().contains("SET TRANSACTION")).hasSize(1);

        Optional<User> found = storage.inTransaction(tx -> tx.users().find(anna.id()));
        assertThat(found).contains(anna);
        assertThat(traced.trace()).as("a find: one SELECT in auto-commit, nothing to commit")
                .singleElement().satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(FaultyDataSource.Kind.STATEMENT);
                    assertThat(s.sql()).startsWith("SELECT ");
                });

        User changed = anna.toBuilder().name("Anna Lazier").version(2).build();
        storage.run(tx -> tx.users().update(changed, 1));
        assertThat(traced.trace()).as("a single update: one statement (set-up and UPDATE), then the commit")
                .extracting(FaultyDataSource.Step::kind)
                .containsExactly(FaultyDataSource.Kind.STATEMENT, FaultyDataSource.Kind.COMMIT);
        Optional<User> reread = storage.inTransaction(tx -> tx.users().find(anna.id()));
        assertThat(reread).contains(changed);
        assertThat(catchThrowable(() -> storage.run(tx -> tx.users().update(changed, 1))))
                .as("the row count is the UPDATE's, not the set-up's: a stale version is a conflict")
                .isInstanceOf(dev.crmkit.api.ConflictException.class);
    }

    @Test
    @DisplayName("with a statement time-out the transaction begins at once, so reads are under the time-out too")
    void statementTimeoutBeginsAtOnce() throws Exception {
        FaultyDataSource traced = new FaultyDataSource(TestDatabase.dataSource(), TestDatabase.dataSource());
        PostgresStorage storage = PostgresStorage.builder(traced).schema(TestDatabase.SCHEMA).migrate(false)
                .statementTimeout(Duration.ofSeconds(9)).build();
        String timeout = storage.inTransaction(tx -> {
            tx.users().find(dev.crmkit.api.user.UserId.of(data.newId()));
            try {
                return show(((JdbcTransaction) tx).connection(), "statement_timeout");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(timeout).isEqualTo("9s");
        assertThat(traced.trace().get(0).sql()).startsWith("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; ")
                .doesNotContain("SELECT");
        assertThat(traced.trace()).extracting(FaultyDataSource.Step::kind).last()
                .isEqualTo(FaultyDataSource.Kind.COMMIT);
    }

    @Test
    @DisplayName("a checked exception thrown sneakily by the work rolls the transaction back; nothing it wrote is kept")
    void sneakyCheckedExceptionRollsBack() {
        PostgresStorage storage = TestDatabase.builder().migrate(false).build();
        User ghost = data.aUser("Ghost Writer");
        java.io.IOException checked = new java.io.IOException("disk on fire");
        Throwable thrown = catchThrowable(() -> storage.run(tx -> {
            tx.users().insert(ghost);
            ConnectionTest.<RuntimeException>sneaky(checked);
        }));
        assertThat(thrown).isSameAs(checked);
        Optional<User> kept = storage.inTransaction(tx -> tx.users().find(ghost.id()));
        assertThat(kept).as("the insert before the exception").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
