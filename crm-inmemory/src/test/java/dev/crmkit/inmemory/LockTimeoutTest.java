package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.spi.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory adapter's own lock time-out (the compatibility kit runs with the default one). */
@DisplayName("In-memory storage: lock time-out")
class LockTimeoutTest {

    private static final String KEY = "phone:4951234567";

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final InMemoryStorage storage = InMemoryStorage.create(Duration.ofMillis(100));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    @DisplayName("while another transaction holds a key, locking it gives up with a retryable LOCK_TIMEOUT conflict")
    void heldKeyTimesOut() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> storage.run(tx -> {
            tx.lock(List.of(KEY));
            holding.countDown();
            await(release);
        }));
        await(holding);

        Throwable failure = catchThrowable(() -> storage.run(tx -> tx.lock(List.of(KEY))));
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(ConflictException.class);
        ConflictException conflict = (ConflictException) failure;
        assertThat(conflict.reason()).isEqualTo(ConflictException.Reason.LOCK_TIMEOUT);
        assertThat(conflict.retryable()).isTrue();
        assertThat(conflict.getMessage()).doesNotContain("4951234567");
    }

    @Test
    @DisplayName("once the holder commits, the same key locks at once")
    void releasedKeyLocks() throws Exception {
        pool.submit(() -> storage.run(tx -> tx.lock(List.of(KEY)))).get(30, TimeUnit.SECONDS);
        assertThat(storage.inTransaction((Transaction tx) -> {
            tx.lock(List.of(KEY));
            return "locked";
        })).isEqualTo("locked");
    }

    @Test
    @DisplayName("a negative lock time-out is refused when the storage is made")
    void negativeTimeoutRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> InMemoryStorage.create(Duration.ofMillis(-1)))
                .withMessageContaining("lockTimeout");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
