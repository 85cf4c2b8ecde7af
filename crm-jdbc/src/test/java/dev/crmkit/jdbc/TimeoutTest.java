package dev.crmkit.jdbc;

import static dev.crmkit.jdbc.Held.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.StorageException;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Transaction;
import dev.crmkit.tck.TestData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PostgreSQL adapter: time-outs")
class TimeoutTest {

    private static final List<Duration> OUT_OF_RANGE = List.of(Duration.ZERO, Duration.ofNanos(999_999),
            Duration.ofMillis(-1), Duration.ofMillis(Integer.MAX_VALUE + 1L), Duration.ofDays(30));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lockTimeout", "statementTimeout"})
    @DisplayName("a time-out below 1 ms (PostgreSQL's 'none') or above 2^31-1 ms (refused by PostgreSQL) is refused by the builder")
    void outOfRange(String option) {
        BiConsumer<PostgresStorage.Builder, Duration> set = option.equals("lockTimeout")
                ? PostgresStorage.Builder::lockTimeout : PostgresStorage.Builder::statementTimeout;
        for (Duration bad : OUT_OF_RANGE) {
            assertThatThrownBy(() -> set.accept(TestDatabase.builder(), bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(option).hasMessageContaining("at least 1 ms").hasMessageContaining("2147483647 ms");
        }
        assertThatThrownBy(() -> set.accept(TestDatabase.builder(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("the smallest and the greatest time-outs are accepted, and PostgreSQL accepts them too")
    void edgesWork() {
        TestDatabase.freshStorage();
        for (Duration edge : List.of(Duration.ofMillis(1), Duration.ofMillis(Integer.MAX_VALUE))) {
            PostgresStorage storage = TestDatabase.builder().lockTimeout(edge).statementTimeout(Duration.ofMillis(Integer.MAX_VALUE))
                    .build();
            assertThat(storage.inTransaction((Transaction tx) -> tx.events().lastSequence())).isZero();
        }
    }

    @Test
    @DisplayName("a statement past the statement time-out (here waiting for a row lock) is a StorageException, and fails its transaction")
    void statementTimeout() throws Exception {
        PostgresStorage storage = TestDatabase.freshStorage();
        TestData data = new TestData();
        User owner = data.aUser("Olga Owner");
        Pipeline p = data.aPipeline("Sales", 0);
        Deal deal = data.aDeal("Chairs", p, owner.id(), "1.00");
        storage.run(tx -> {
            tx.users().insert(owner);
            tx.pipelines().insert(p);
            tx.deals().insert(deal);
        });
        // The lock time-out stays at its 30 seconds, so it is the statement time-out that ends the wait.
        PostgresStorage limited = TestDatabase.builder().statementTimeout(Duration.ofMillis(200)).build();
        List<StorageException> caught = new ArrayList<>();
        Throwable thrown;
        try (Held held = Held.by(storage, tx -> tx.deals().update(renamed(deal, "Held"), deal.version()))) {
            thrown = catchThrowable(() -> limited.run(tx -> {
                try {
                    tx.deals().update(renamed(deal, "Impatient"), deal.version());
                } catch (StorageException e) {
                    caught.add(e);
                }
            }));
        }
        assertThat(caught).hasSize(1);
        assertThat(caught.get(0).getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) caught.get(0).getCause()).getSQLState()).isEqualTo("57014");
        assertThat(caught.get(0).getMessage()).contains("statement time-out");
        assertThat(caught.get(0).outcomeUnknown()).isFalse();
        assertThat(thrown).isInstanceOf(StorageException.class)
                .satisfies(t -> assertThat(t.getCause()).isSameAs(caught.get(0)));
        assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(deal.id())).name()).isEqualTo("Held");
    }
}
