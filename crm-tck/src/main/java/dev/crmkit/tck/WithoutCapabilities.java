package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A storage that hides the optional capabilities of another ({@link Transaction#analytics()}, {@link
 * Transaction#duplicates()}): crm-core then computes through the ports alone, which is what an adapter's own
 * computation must give the same answers as. Everything else goes to the wrapped storage unchanged. Public so
 * that an adapter's own tests and benchmarks can run crm-core's portable path on it (crm-bench compares the two);
 * thread-safe when the wrapped storage is.
 */
public final class WithoutCapabilities implements Storage {

    /** The transaction methods that offer an optional capability. */
    private static final Set<String> CAPABILITIES = Set.of("analytics", "duplicates");

    private final Storage delegate;

    private WithoutCapabilities(Storage delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * A storage with the optional capabilities of another hidden.
     *
     * @param delegate the storage
     * @return the same storage without {@code analytics()} and {@code duplicates()}
     */
    public static Storage of(Storage delegate) {
        return new WithoutCapabilities(delegate);
    }

    @Override
    public <T> T inTransaction(Function<? super Transaction, ? extends T> work) {
        return delegate.inTransaction(tx -> work.apply((Transaction) Proxy.newProxyInstance(
                Transaction.class.getClassLoader(), new Class<?>[] {Transaction.class}, (proxy, method, args) -> {
                    if (CAPABILITIES.contains(method.getName()) && method.getParameterCount() == 0) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
    }

    @Override
    public String toString() {
        return "WithoutCapabilities(" + delegate + ")";
    }
}
