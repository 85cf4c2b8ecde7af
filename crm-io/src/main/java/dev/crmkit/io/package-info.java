/**
 * Import and export of crmkit records as CSV (IO-1 to IO-5, USER-4), through a session's public services only:
 * every row is validated, checked for duplicates and stored by the same rules as the API, in its own
 * transaction.
 */
package dev.crmkit.io;
