package dev.crmkit.spi;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.StorageException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A storage adapter: it hands out the ports inside units of work.
 *
 * <p><b>Contract</b> (the TCK checks each point):
 * <ul>
 *   <li><b>Atomic.</b> Everything a transaction writes becomes visible together when the work returns
 *       normally, or not at all when it throws; the exception then propagates unchanged.</li>
 *   <li><b>Isolation: read committed, with consistent statements.</b> A transaction sees its own writes
 *       and only committed writes of others, never a part of another transaction: each single read
 *       (a find, a query page, a lookup) sees every other transaction either entirely or not at all.
 *       Two reads in one transaction may see different committed states.</li>
 *   <li><b>No lost updates.</b> Updates and deletes check versions; of two transactions changing the
 *       same record from the same version, the second fails with {@link ConflictException}.</li>
 *   <li><b>Locks.</b> {@link Transaction#lock} serializes transactions on logical keys.</li>
 *   <li><b>Thread-safe.</b> Any number of threads may run transactions at once. A transaction is
 *       confined to its thread; calling {@code inTransaction} inside another starts an independent
 *       transaction.</li>
 * </ul>
 * A failure of the adapter itself surfaces as {@link StorageException}.
 */
public interface Storage {

    /**
     * Runs work in a transaction and commits it if the work returns normally.
     *
     * @param work the work; it may throw to roll back
     * @param <T> the result type
     * @return what the work returned
     * @throws ConflictException if a version check fails, in the work or at commit
     * @throws StorageException if the adapter fails
     */
    <T> T inTransaction(Function<? super Transaction, ? extends T> work);

    /**
     * Runs work without a result in a transaction.
     *
     * @param work the work; it may throw to roll back
     */
    default void run(Consumer<? super Transaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }
}
