/**
 * crmkit's public model and storage ports: typed ids, immutable records, value objects, exceptions, the
 * query vocabulary ({@code dev.crmkit.api.query}) applications filter and page with,
 * and the ports ({@code dev.crmkit.spi}) a storage adapter implements.
 */
// "module": the qualified export below names crm-core, which is compiled after this module.
@SuppressWarnings("module")
module dev.crmkit.api {
    exports dev.crmkit.api;
    exports dev.crmkit.api.analytics;
    exports dev.crmkit.api.contact;
    exports dev.crmkit.api.deal;
    exports dev.crmkit.api.event;
    exports dev.crmkit.api.field;
    exports dev.crmkit.api.lead;
    exports dev.crmkit.api.money;
    exports dev.crmkit.api.phone;
    exports dev.crmkit.api.query;
    exports dev.crmkit.api.settings;
    exports dev.crmkit.api.task;
    exports dev.crmkit.api.timeline;
    exports dev.crmkit.api.user;
    exports dev.crmkit.spi;
    // For crm-core's own records: their checks and the annotation that asks for a builder.
    exports dev.crmkit.api.internal to dev.crmkit.core, dev.crmkit.backup;
}
