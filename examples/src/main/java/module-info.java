/** Runnable crmkit examples; {@link dev.crmkit.examples.Quickstart} is the place to start. */
module dev.crmkit.examples {
    requires transitive dev.crmkit.core;
    requires dev.crmkit.inmemory;

    exports dev.crmkit.examples;
}
