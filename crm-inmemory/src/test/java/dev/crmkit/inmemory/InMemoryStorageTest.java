package dev.crmkit.inmemory;

import dev.crmkit.spi.Storage;
import dev.crmkit.tck.CrmCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** The in-memory adapter runs the whole compatibility kit. */
@DisplayName("In-memory storage: compatibility kit")
class InMemoryStorageTest extends CrmCompatibilityKit {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
