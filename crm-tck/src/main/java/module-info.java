/**
 * The crmkit compatibility kit: abstract JUnit 5 tests that prove a storage adapter keeps the port
 * contracts and that the rules hold on top of it.
 */
module dev.crmkit.tck {
    requires transitive dev.crmkit.api;
    requires transitive dev.crmkit.core;
    requires transitive dev.crmkit.io;
    requires transitive dev.crmkit.backup;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires transitive org.assertj.core;

    exports dev.crmkit.tck;
    opens dev.crmkit.tck to org.junit.platform.commons;
}
