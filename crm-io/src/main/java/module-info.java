/**
 * crmkit's import and export (CSV and .xlsx): works through the public API of {@code dev.crmkit.core} only.
 */
module dev.crmkit.io {
    requires transitive dev.crmkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires java.xml;
    // fastexcel 0.20.2 and commons-compress 1.28.0 ship module descriptors of their own (not automatic modules).
    requires org.apache.commons.compress;
    requires org.dhatim.fastexcel;
    requires org.dhatim.fastexcel.reader;

    exports dev.crmkit.io;
}
