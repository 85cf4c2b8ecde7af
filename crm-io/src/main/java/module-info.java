/**
 * crmkit's import and export (CSV): works through the public API of {@code dev.crmkit.core} only.
 */
module dev.crmkit.io {
    requires transitive dev.crmkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;

    exports dev.crmkit.io;
}
