/**
 * Full backup and restore (IO-6): {@link dev.crmkit.backup.Backup} writes every record and event of a storage
 * to a versioned, checksummed JSON archive and restores one into an empty storage, as it was.
 */
package dev.crmkit.backup;
