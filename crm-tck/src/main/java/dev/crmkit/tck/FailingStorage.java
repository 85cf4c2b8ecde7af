package dev.crmkit.tck;

import dev.crmkit.api.StorageException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A storage that fails on purpose: it wraps another {@link Storage} and, once {@linkplain #failOnWrite(int)
 * armed}, makes the n-th write throw a {@link StorageException} instead of reaching the wrapped storage, so
 * a test can prove that an operation failing at any of its writes leaves nothing behind.
 *
 * <pre>{@code
 * FailingStorage failing = FailingStorage.wrap(storage);
 * Crm crm = Crm.builder().storage(failing).build();
 * failing.failOnWrite(3);     // the third write from now throws
 * ... run an operation, see it fail, check that nothing changed ...
 * failing.disarm();
 * }</pre>
 *
 * <p>A write is a call of a port that changes storage: {@link #WRITES} names them, and everything else a
 * transaction or its ports offer is in {@link #READS}; the kit checks that every port method is in one of
 * the two. Writes are counted across all transactions, from the last {@link #failOnWrite(int)} or
 * {@link #disarm()} on.
 *
 * <p>The wrapper keeps the contract of {@link Storage}: after the injected failure, every later call in the
 * same transaction throws a {@code StorageException} caused by it, and if the work catches the failure and
 * returns normally, {@code inTransaction} still throws one, from inside the wrapped storage's work, so that
 * the wrapped storage rolls the transaction back. Exceptions of the wrapped storage pass unchanged; streams
 * and results of reads pass through as they are. Thread-safe.
 */
public final class FailingStorage implements Storage {

    /**
     * The port methods that change storage, by name: a store's inserts, updates, deletes and restores, and event
     * appends and restores.
     */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "append", "restore", "insertAll",
            "restoreAll", "appendAll");

    /**
     * Every other method of a transaction and its ports, by name: reads and lookups, the accessors of the
     * ports ({@link Transaction#users()} …, {@link dev.crmkit.spi.Settings#list}), and {@link
     * Transaction#lock}, which orders transactions but stores nothing.
     */
    static final Set<String> READS = Set.of(
            "find", "get", "findAll", "query", "count", "streamAll",
            "byPhoneKeys", "byEmails", "byNameKey", "byNameKeyAndBirthDate", "byCompany", "byContact", "byOwner", "byOwners", "byAssignee",
            "byCallId", "byEmail", "all", "after", "lastSequence",
            "users", "contacts", "companies", "leads", "pipelines", "customFields", "stageTransitions", "ofDeal", "analytics", "duplicates", "salesGoals", "rateTables", "importTemplates", "byName",
            "deals", "tasks", "timeline", "events",
            "settings", "list", "lock");

    /** How many writes were made since arming, and at which one to fail (0: never). */
    private record Counter(AtomicInteger writes, int failAt) {
    }

    private final Storage delegate;
    private volatile Counter counter = new Counter(new AtomicInteger(), 0);

    private FailingStorage(Storage delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Wraps a storage, disarmed: until {@link #failOnWrite(int)}, every call reaches the wrapped storage.
     *
     * @param delegate the storage every call goes to
     * @return the wrapper
     */
    public static FailingStorage wrap(Storage delegate) {
        return new FailingStorage(delegate);
    }

    /**
     * Arms the wrapper: the {@code n}-th write from now on, in whatever transaction, throws a {@code
     * StorageException} ("injected failure at write n") before reaching the wrapped storage. Writes are
     * counted from 0 again.
     *
     * @param n which write fails, from 1
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public void failOnWrite(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the write to fail is counted from 1, was " + n);
        }
        counter = new Counter(new AtomicInteger(), n);
    }

    /** Disarms the wrapper: no write fails. Writes are counted from 0 again. */
    public void disarm() {
        counter = new Counter(new AtomicInteger(), 0);
    }

    /**
     * How many writes were made through the wrapper since the last {@link #failOnWrite(int)} or {@link
     * #disarm()}, the failing one included (the calls refused after it in its transaction are not), so after
     * a successful operation it is the number of writes the operation makes.
     *
     * @return the number of writes
     */
    public int writes() {
        return counter.writes().get();
    }

    @Override
    public <T> T inTransaction(Function<? super Transaction, ? extends T> work) {
        Objects.requireNonNull(work, "work");
        return delegate.inTransaction(tx -> {
            Run run = new Run();
            try {
                T result = work.apply(run.wrap(Transaction.class, tx));
                if (run.failure != null) {
                    throw run.afterFailure();
                }
                return result;
            } finally {
                run.ended = true;
            }
        });
    }

    @Override
    public String toString() {
        return "FailingStorage(" + delegate + ")";
    }

    /** One transaction through the wrapper: its injected failure, if any, and whether it has ended. */
    private final class Run {

        /** The injected failure; from then on the transaction can only roll back. */
        private volatile StorageException failure;
        /** Once the transaction ended, calls go straight to the wrapped ports, which refuse them. */
        private volatile boolean ended;

        /** A proxy of a port (or of the transaction) whose calls go through {@link #call}. */
        <P> P wrap(Class<P> port, Object target) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "FailingStorage(" + target + ")";
                    };
                }
                return call(target, method, args);
            };
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
        }

        StorageException afterFailure() {
            return new StorageException("the transaction can only roll back: an earlier call in it failed ("
                    + failure.getMessage() + ")", failure);
        }

        /** A port method called on the wrapped port: counted if it writes, failed if it must be. */
        private Object call(Object target, Method method, Object[] args) throws Throwable {
            if (!ended) {
                if (failure != null) {
                    throw afterFailure();
                }
                if (isWrite(method)) {
                    Counter c = counter;
                    int write = c.writes().incrementAndGet();
                    if (write == c.failAt()) {
                        failure = new StorageException("injected failure at write " + write, null);
                        throw failure;
                    }
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> type = method.getReturnType();
            return result != null && isPort(type) ? wrap(type, result) : result;
        }
    }

    /**
     * Whether a port method writes.
     *
     * @throws IllegalStateException for a method in neither {@link #WRITES} nor {@link #READS}
     */
    static boolean isWrite(Method method) {
        String name = method.getName();
        if (WRITES.contains(name)) {
            return true;
        }
        if (READS.contains(name)) {
            return false;
        }
        throw new IllegalStateException("FailingStorage does not know whether " + method.getDeclaringClass()
                .getSimpleName() + "." + name + " writes: add it to WRITES or READS");
    }

    /** Whether values of a type are ports, which the wrapper wraps too: the interfaces of the SPI. */
    static boolean isPort(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(Transaction.class.getPackageName());
    }
}
