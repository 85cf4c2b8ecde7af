package dev.crmkit.spi;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.ValidationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A storage adapter: it hands out the ports inside units of work.
 *
 * <p><b>Contract</b> (the TCK checks each point):
 * <ul>
 *   <li><b>Atomic.</b> Everything a transaction writes becomes visible together when the work returns
 *       normally, or not at all when it throws; the exception then propagates unchanged.</li>
 *   <li><b>A failed call fails the transaction.</b> Once any port call of a transaction has thrown
 *       {@link ConflictException} or {@link StorageException}, the transaction can only roll back, even
 *       if the work catches that exception (a database may already have aborted it). Every later port
 *       call in it throws an exception of the same kind, and if the work returns normally anyway,
 *       {@code inTransaction} rolls back and throws an exception of the same kind whose cause is the
 *       first failure: a {@code ConflictException} with the first one's {@link ConflictException#reason()
 *       reason} (so retry loops still work), or a {@code StorageException}. A {@link NotFoundException},
 *       {@link ValidationException} or {@code IllegalArgumentException} thrown by a port does not fail
 *       the transaction: the work may catch it and go on.</li>
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
 * A failure of the adapter itself surfaces as {@link StorageException}. A transaction and its ports must
 * not be used after {@code inTransaction} returns (see {@link Transaction}).
 */
public interface Storage {

    /**
     * Runs work in a transaction and commits it if the work returns normally.
     *
     * @param work the work; it may throw to roll back
     * @param <T> the result type
     * @return what the work returned
     * @throws ConflictException if a version check fails, in the work or at commit, or if a port call
     *         of the work threw one and the work returned normally anyway (its cause is that first one)
     * @throws StorageException if the adapter fails, or if a port call of the work threw one and the work
     *         returned normally anyway; {@link StorageException#outcomeUnknown()} tells whether the
     *         connection was lost during the commit, so that it may have happened
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
