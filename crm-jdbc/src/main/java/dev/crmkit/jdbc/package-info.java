/**
 * The PostgreSQL storage adapter of crmkit; start from {@link dev.crmkit.jdbc.PostgresStorage}.
 */
package dev.crmkit.jdbc;
