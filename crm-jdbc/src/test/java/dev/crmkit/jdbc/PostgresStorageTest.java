package dev.crmkit.jdbc;

import dev.crmkit.spi.Storage;
import dev.crmkit.tck.CrmCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** The PostgreSQL adapter runs the whole compatibility kit on a real PostgreSQL. */
@DisplayName("PostgreSQL storage: compatibility kit")
class PostgresStorageTest extends CrmCompatibilityKit {

    /** How many other storages this test was given; each gets a schema of its own. */
    private int others;

    @Override
    protected Storage newStorage() {
        others = 0;
        return TestDatabase.freshStorage();
    }

    @Override
    protected Storage newOtherStorage() {
        return TestDatabase.freshStorage(TestDatabase.SCHEMA + "_other_" + ++others);
    }
}
