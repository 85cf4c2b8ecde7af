package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A transaction kept open on its own thread, holding whatever its work locked, for tests of what waits on
 * it. {@link #by} returns once the work has run; {@link #close} lets the transaction commit and waits for it
 * (rethrowing what it threw), so a try-with-resources block is the time it holds.
 */
final class Held implements AutoCloseable {

    private static final long PATIENCE_SECONDS = 60;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<?> commit;

    private Held(Storage storage, Consumer<? super Transaction> work) {
        commit = thread.submit(() -> storage.run(tx -> {
            work.accept(tx);
            holding.countDown();
            await(release);
        }));
    }

    /**
     * Runs the work in a transaction on another thread and keeps that transaction open.
     *
     * @param storage where
     * @param work what the transaction does (and so what it holds) before it waits
     * @return the held transaction, once the work has run
     */
    static Held by(Storage storage, Consumer<? super Transaction> work) {
        Held held = new Held(storage, work);
        await(held.holding);
        return held;
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            commit.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
            assertThat(thread.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Waits for a latch, failing the test rather than hanging when it never opens. */
    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("waited %d s", PATIENCE_SECONDS).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next revision of a deal under another name, as a port update takes it. */
    static Deal renamed(Deal deal, String name) {
        return deal.toBuilder().version(deal.version() + 1).name(name).build();
    }
}
