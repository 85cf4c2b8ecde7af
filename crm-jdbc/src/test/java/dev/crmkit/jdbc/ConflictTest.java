package dev.crmkit.jdbc;

import static dev.crmkit.jdbc.Held.await;
import static dev.crmkit.jdbc.Held.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostgreSQL adapter: deadlocks and lock time-outs")
class ConflictTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private PostgresStorage storage;
    private Deal first;
    private Deal second;

    @BeforeEach
    void twoDeals() {
        storage = TestDatabase.freshStorage();
        TestData data = new TestData();
        User owner = data.aUser("Olga Owner");
        Pipeline p = data.aPipeline("Sales", 0);
        first = data.aDeal("First", p, owner.id(), "1.00");
        second = data.aDeal("Second", p, owner.id(), "2.00");
        storage.run(tx -> {
            tx.users().insert(owner);
            tx.pipelines().insert(p);
            tx.deals().insert(first);
            tx.deals().insert(second);
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("two transactions updating two deals in opposite orders: one gets ConflictException, one commits")
    void deadlock() throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        List<Future<Object>> results = new ArrayList<>();
        for (boolean reversed : new boolean[] {false, true}) {
            results.add(threads.submit(() -> {
                try {
                    storage.run((Transaction tx) -> {
                        Deal a = reversed ? second : first;
                        Deal b = reversed ? first : second;
                        tx.deals().update(renamed(a, a.name() + "!"), a.version());
                        bothHoldOne.countDown();
                        await(bothHoldOne);
                        tx.deals().update(renamed(b, b.name() + "?"), b.version());
                    });
                    return "committed";
                } catch (ConflictException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).singleElement()
                .satisfies(o -> assertRetryable((ConflictException) o, ConflictException.Reason.DEADLOCK, "40P01"));
        assertThat(outcomes).filteredOn("committed"::equals).hasSize(1);
    }

    private static void assertRetryable(ConflictException e, ConflictException.Reason reason, String sqlState) {
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo(sqlState);
    }

    @Test
    @DisplayName("waiting longer than the lock time-out for a row is a ConflictException, not a hang")
    void lockTimeout() throws Exception {
        PostgresStorage impatient = PostgresStorage.builder(TestDatabase.dataSource()).schema(TestDatabase.SCHEMA)
                .migrate(false).lockTimeout(Duration.ofMillis(200)).build();
        Object outcome;
        try (Held held = Held.by(storage, tx -> tx.deals().update(renamed(first, "Held"), first.version()))) {
            Future<Object> waiter = threads.submit(() -> {
                try {
                    impatient.run(tx -> tx.deals().update(renamed(first, "Impatient"), first.version()));
                    return "updated";
                } catch (ConflictException e) {
                    return e;
                }
            });
            outcome = waiter.get(60, TimeUnit.SECONDS);
        }
        assertThat(outcome).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) outcome).getMessage()).contains("lock");
        assertRetryable((ConflictException) outcome, ConflictException.Reason.LOCK_TIMEOUT, "55P03");
        assertThat(storage.inTransaction(tx -> tx.deals().get(first.id())).name()).isEqualTo("Held");
    }

    @Test
    @DisplayName("a unique key taken by an update: the message names the table and constraint, only the cause quotes the value")
    void uniqueViolation() {
        TestData data = new TestData();
        User anna = data.aUser("Anna Taken");
        User boris = data.aUser("Boris Taker");
        storage.run(tx -> {
            tx.users().insert(anna);
            tx.users().insert(boris);
        });
        String email = anna.email().orElseThrow().normalized();
        User taker = boris.toBuilder().version(2).email(anna.email().orElseThrow()).build();
        Throwable thrown = catchThrowable(() -> storage.run(tx -> tx.users().update(taker, 1)));
        assertThat(thrown).isInstanceOf(ConflictException.class);
        ConflictException e = (ConflictException) thrown;
        assertThat(e.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("users").contains("users_email_key").doesNotContain(email);
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23505");
        assertThat(e.getCause().getMessage()).as("the server's detail, kept in the cause").contains(email);
    }
}
