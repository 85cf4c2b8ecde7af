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

    @Nested
    @DisplayName("reports: funnel, forecast, cycle, summary, activity, calls, goals, new deals, dashboard (AN-2 to AN-14)")
    class Analytics extends AnalyticsKit {
    }

    @Nested
    @DisplayName("the duplicate scan on messy data: an adapter's own first step (DuplicateQueries) against the scan over every contact")
    class DuplicateScan extends DuplicateScanKit {
    }

    @Nested
    @DisplayName("an adapter's own report facts (AnalyticsQueries) against the portable ones")
    class AnalyticsCapability extends AnalyticsQueriesKit {
    }

    @Nested
    @DisplayName("Users")
    class Users extends UsersKit {
    }

    @Nested
    @DisplayName("Pipelines")
    class Pipelines extends PipelinesKit {
    }

    @Nested
    @DisplayName("Contacts")
    class Contacts extends ContactsKit {
    }

    @Nested
    @DisplayName("Deals")
    class Deals extends DealsKit {
    }

    @Nested
    @DisplayName("DEAL-3 custom fields")
    class CustomFields extends CustomFieldsKit {
    }

    @Nested
    @DisplayName("DEAL-4 stage requirements")
    class StageRequirements extends StageRequirementsKit {
    }

    @Nested
    @DisplayName("DEAL-11 filters on custom fields")
    class CustomFilters extends CustomFiltersKit {
    }

    @Nested
    @DisplayName("The log of stage changes")
    class StageTransitionsLog extends StageTransitionsKit {
    }

    @Nested
    @DisplayName("CON-8, USER-1, USER-4, USER-5 access rights")
    class AccessRights extends AccessKit {
    }

    @Nested
    @DisplayName("IO-1, IO-2, IO-3 import")
    class Import extends ImportKit {
    }

    @Nested
    @DisplayName("IO-4 import formats and bad files")
    class ImportFormats extends ImportFormatsKit {
    }

    @Nested
    @DisplayName("IO-5, USER-4 export")
    class Export extends ExportKit {
    }

    @Nested
    @DisplayName("IO-1, IO-3, IO-4, IO-5, USER-4 import from and export to .xlsx")
    class Xlsx extends XlsxKit {
    }

    @Nested
    @DisplayName("IO-5 custom fields in exports, and back")
    class ExportCustomFields extends ExportCustomFieldsKit {
    }

    @Nested
    @DisplayName("IO-1, IO-4 bad files and mappings, one a test")
    class ImportBadInput extends ImportBadInputKit {
    }

    @Nested
    @DisplayName("IO-3 a real data set: CRM Sales Opportunities")
    class DatasetImport extends DatasetImportKit {
    }

    @Nested
    @DisplayName("IO-6 backup and restore")
    class BackupAndRestore extends BackupKit {
    }

    @Nested
    @DisplayName("IO-1 saved import templates")
    class ImportTemplatesStore extends ImportTemplatesKit {
    }

    @Nested
    @DisplayName("CON-8, USER-5 access rights against a reference model")
    class AccessModel extends VisibilityModelKit {
    }

    @Nested
    @DisplayName("CON-8, USER-5 access rights: leaks through every service")
    class AccessLeaks extends AccessLeaksKit {
    }

    @Nested
    @DisplayName("Leads, Unsorted and conversion")
    class Leads extends LeadsKit {
    }

    @Nested
    @DisplayName("Lead and deal discipline (Bitrix24)")
    class LeadRules extends LeadRulesKit {
    }

    @Nested
    @DisplayName("Correct and active deals")
    class DealHealth extends DealHealthKit {
    }

    @Nested
    @DisplayName("Tasks")
    class Tasks extends TasksKit {
    }

    @Nested
    @DisplayName("Task edits, due today and overdue")
    class TaskEdits extends TaskEditsKit {
    }

    @Nested
    @DisplayName("Task indicator of deals (DEAL-10)")
    class TaskIndicators extends TaskIndicatorKit {
    }

    @Nested
    @DisplayName("Deal transitions from the version seen")
    class StaleTransitions extends StaleTransitionsKit {
    }

    @Nested
    @DisplayName("Timeline")
    class Timeline extends TimelineKit {
    }

    @Nested
    @DisplayName("Calls from two integrations")
    class TwoIntegrations extends TwoIntegrationsKit {
    }

    @Nested
    @DisplayName("Facade under concurrency")
    class Concurrency extends ConcurrencyKit {
    }

    @Nested
    @DisplayName("Duplicates")
    class DuplicateContacts extends DuplicateContactsKit {
    }

    @Nested
    @DisplayName("Event log")
    class EventLog extends EventLogKit {
    }

    @Nested
    @DisplayName("Events of every change (EV-1)")
    class FieldEvents extends FieldEventsKit {
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput extends BadInputKit {
    }

    @Nested
    @DisplayName("Bad references, queries and states")
    class BadRequests extends BadRequestsKit {
    }

    @Nested
    @DisplayName("Failure at every write")
    class Failures extends FailuresKit {
    }
}
