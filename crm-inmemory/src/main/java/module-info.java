/** The in-memory reference storage adapter of crmkit. */
module dev.crmkit.inmemory {
    requires transitive dev.crmkit.api;
    requires com.google.common;

    exports dev.crmkit.inmemory;
}
