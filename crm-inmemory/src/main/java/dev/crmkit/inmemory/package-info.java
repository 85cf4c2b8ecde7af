/**
 * The in-memory reference adapter of crmkit's storage ports; start from {@link dev.crmkit.inmemory.InMemoryStorage}.
 */
package dev.crmkit.inmemory;
