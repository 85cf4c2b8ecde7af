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

    /**
     * Another new, empty storage for the same test, independent of the one {@link #newStorage()} made for it and
     * of every other one this made for it: for tests that move data from one storage to another, such as a backup
     * restored elsewhere (IO-6). A group's test method gets one for each {@link Storage} parameter it declares. By
     * default another {@link #newStorage()}, which is right where storages are independent objects; an adapter
     * whose test storages share one place (a database schema emptied for each test) returns one elsewhere.
     *
     * @return another storage of the adapter under test
     */
    protected Storage newOtherStorage() {
        return newStorage();
    }

    @Nested
    @DisplayName("CRUD")
    class Crud extends CrudKit {
    }

    @Nested
    @DisplayName("Versions and conflicts")
    class Versions extends VersionsKit {
    }

    @Nested
    @DisplayName("Atomicity")
    class Atomicity extends AtomicityKit {
    }

    @Nested
    @DisplayName("Isolation")
    class Isolation extends IsolationKit {
    }

    @Nested
    @DisplayName("Queries")
    class Queries extends QueriesKit {
    }

    @Nested
    @DisplayName("Streaming")
    class Streaming extends StreamingKit {
    }

    @Nested
    @DisplayName("Lookups")
    class Lookups extends LookupsKit {
    }

    @Nested
    @DisplayName("Locks")
    class Locks extends LocksKit {
    }

    @Nested
    @DisplayName("Events")
    class Events extends EventsKit {
    }

    @Nested
    @DisplayName("Faults")
    class Faults extends FaultsKit {
    }

    @Nested
    @DisplayName("IO-6 restoring records and events as they were backed up")
    class Restore extends RestoreKit {
    }

    @Nested
    @DisplayName("IO-3, IO-6 batch writes: insertAll, restoreAll, appendAll")
    class Batches extends BatchPortKit {
    }
}
