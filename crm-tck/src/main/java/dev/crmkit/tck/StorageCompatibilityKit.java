package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The compatibility kit for storage adapters: every sentence of the port contracts in
 * {@code dev.crmkit.spi}, as tests, one group per feature (each in its own class: {@link CrudKit},
 * {@link VersionsKit}, …). An adapter's test extends this class and implements {@link #newStorage()};
 * nothing else is needed.
 *
 * <pre>{@code
 * class MyStorageTest extends StorageCompatibilityKit {
 *     protected Storage newStorage() { return MyStorage.create(...); }
 * }
 * }</pre>
 */
public abstract class StorageCompatibilityKit {

    /** For subclasses: an adapter's test extends this kit. */
    protected StorageCompatibilityKit() {
    }

    /**
     * A new, empty storage. Called before every test.
     *
     * @return the storage under test
     */
    protected abstract Storage newStorage();

    /** CRUD. */
    @Nested
    @DisplayName("CRUD")
    class Crud extends CrudKit {
        Crud() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Versions and conflicts. */
    @Nested
    @DisplayName("Versions and conflicts")
    class Versions extends VersionsKit {
        Versions() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Atomicity. */
    @Nested
    @DisplayName("Atomicity")
    class Atomicity extends AtomicityKit {
        Atomicity() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Isolation. */
    @Nested
    @DisplayName("Isolation")
    class Isolation extends IsolationKit {
        Isolation() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Queries. */
    @Nested
    @DisplayName("Queries")
    class Queries extends QueriesKit {
        Queries() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Streaming. */
    @Nested
    @DisplayName("Streaming")
    class Streaming extends StreamingKit {
        Streaming() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Lookups. */
    @Nested
    @DisplayName("Lookups")
    class Lookups extends LookupsKit {
        Lookups() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Locks. */
    @Nested
    @DisplayName("Locks")
    class Locks extends LocksKit {
        Locks() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }

    /** Events. */
    @Nested
    @DisplayName("Events")
    class Events extends EventsKit {
        Events() {
            super(StorageCompatibilityKit.this::newStorage);
        }
    }
}
