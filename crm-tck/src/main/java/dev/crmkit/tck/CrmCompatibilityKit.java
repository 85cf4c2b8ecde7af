package dev.crmkit.tck;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit: the storage contracts ({@link StorageCompatibilityKit}) plus every rule
 * of crm-core run through the {@code Crm} facade on top of the adapter, one group per feature ({@link
 * UsersKit}, {@link DealsKit}, …), so an adapter proves that the rules hold on it. An adapter's test
 * extends this class and implements {@link #newStorage()}.
 */
public abstract class CrmCompatibilityKit extends StorageCompatibilityKit {

    /** For subclasses: an adapter's test extends this kit. */
    protected CrmCompatibilityKit() {
    }

    /** Users. */
    @Nested
    @DisplayName("Users")
    class Users extends UsersKit {
        Users() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Pipelines. */
    @Nested
    @DisplayName("Pipelines")
    class Pipelines extends PipelinesKit {
        Pipelines() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Contacts. */
    @Nested
    @DisplayName("Contacts")
    class Contacts extends ContactsKit {
        Contacts() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Deals. */
    @Nested
    @DisplayName("Deals")
    class Deals extends DealsKit {
        Deals() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Tasks. */
    @Nested
    @DisplayName("Tasks")
    class Tasks extends TasksKit {
        Tasks() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Timeline. */
    @Nested
    @DisplayName("Timeline")
    class Timeline extends TimelineKit {
        Timeline() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Calls from two integrations. */
    @Nested
    @DisplayName("Calls from two integrations")
    class TwoIntegrations extends TwoIntegrationsKit {
        TwoIntegrations() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Facade under concurrency. */
    @Nested
    @DisplayName("Facade under concurrency")
    class Concurrency extends ConcurrencyKit {
        Concurrency() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Duplicates. */
    @Nested
    @DisplayName("Duplicates")
    class DuplicateContacts extends DuplicateContactsKit {
        DuplicateContacts() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }

    /** Event log. */
    @Nested
    @DisplayName("Event log")
    class EventLog extends EventLogKit {
        EventLog() {
            super(CrmCompatibilityKit.this::newStorage);
        }
    }
}
