package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealBuilder;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every group of the kit's tests starts from: a new, empty storage of the adapter under test for
 * every test, builders of valid records, helper threads, and small helpers. The kit's nested classes
 * extend one group each; the storage comes from the adapter's {@link StorageCompatibilityKit#newStorage()}.
 */
@ExtendWith(KitStorage.class)
abstract class StorageKitBase {

    /** How long a concurrency test may wait for its threads before it is considered hung. */
    static final long WAIT_SECONDS = 120;

    /** The storage under test, new and empty for every test. */
    protected Storage storage;
    /** Builders of valid records. */
    protected TestData data;
    private ExecutorService threads;

    /** For the kit's groups. */
    StorageKitBase() {
    }

    /** Creates the storage and test data. */
    @BeforeEach
    void setUpStorage(Storage newStorage) {
        storage = newStorage;
        data = new TestData();
        threads = Executors.newCachedThreadPool();
    }

    /** Stops the helper threads. */
    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).as("helper threads stopped").isTrue();
    }

    /**
     * Inserts a record in its own transaction through a port chosen by the caller.
     *
     * @param insert the insertion
     * @param <T> the record type
     * @return what was inserted
     */
    protected <T> T committed(Function<Transaction, T> insert) {
        return storage.inTransaction(insert);
    }

    private User owner;

    User user(String name) {
        User u = data.aUser(name);
        return committed(tx -> tx.users().insert(u));
    }

    /**
     * Olga Owner, the user the port tests' records belong to; stored on first use in a test, which must come
     * before any worker thread of the test uses it.
     */
    synchronized User owner() {
        if (owner == null) {
            owner = user("Olga Owner");
        }
        return owner;
    }

    Pipeline pipeline(String name, int position) {
        Pipeline p = data.aPipeline(name, position);
        return committed(tx -> tx.pipelines().insert(p));
    }

    Deal deal(String name, Pipeline p, User owner, String rubles) {
        Deal d = data.aDeal(name, p, owner.id(), rubles);
        return committed(tx -> tx.deals().insert(d));
    }

    /** A builder at the next revision of a deal, one second later: change it and store it. */
    static DealBuilder next(Deal d) {
        return d.revised(d.updated().plusSeconds(1)).toBuilder();
    }

    /** Adds 1 RUB to the stored budget of a deal, read in the transaction: the unit of the counter races. */
    static void addOneRuble(Transaction tx, Deal deal) {
        Deal current = tx.deals().get(deal.id());
        Budget b = current.budget().orElseThrow();
        tx.deals().update(next(current).budget(b.withAmount(b.amount().plus(rub("1")))).build(), current.version());
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    <T> Future<T> inThread(Callable<T> work) {
        return threads.submit(work);
    }

    /**
     * Starts a race: runs {@code n} workers, each on its own thread, released at the same moment, and waits
     * for their results, in worker order.
     *
     * @param n how many workers
     * @param worker the work of worker {@code i}
     * @param <T> what a worker returns
     * @return the results
     * @throws Exception what a worker threw, or a time-out
     */
    <T> List<T> together(int n, IntFunction<Callable<T>> worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> work = worker.apply(i);
            running.add(inThread(() -> {
                await(start);
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : running) {
            results.add(await(f));
        }
        return results;
    }

    /**
     * What a call returned, or the exception of type {@code loss} it threw: in a race, one side may lose.
     *
     * @param loss the exception that means the call lost
     * @param call the call
     * @return its result or that exception
     * @throws Exception any other exception of the call
     */
    static Object outcome(Class<? extends Exception> loss, Callable<?> call) throws Exception {
        try {
            return call.call();
        } catch (Exception e) {
            if (loss.isInstance(e)) {
                return e;
            }
            throw e;
        }
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("latch released").isTrue();
    }

    static void awaitUnchecked(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for another thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
