package dev.crmkit.jdbc;

import dev.crmkit.spi.Storage;
import dev.crmkit.tck.CrmCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** The PostgreSQL adapter runs the whole compatibility kit on a real PostgreSQL. */
@DisplayName("PostgreSQL storage: compatibility kit")
class PostgresStorageTest extends CrmCompatibilityKit {

    @Override
    protected Storage newStorage() {
        return TestDatabase.freshStorage();
    }
}
