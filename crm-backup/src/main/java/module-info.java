/**
 * crmkit's full backup and restore (IO-6): every record and event of a storage to a versioned JSON archive,
 * and back into an empty storage. Start from {@link dev.crmkit.backup.Backup}.
 */
module dev.crmkit.backup {
    requires transitive dev.crmkit.api;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.crmkit.backup;
}
