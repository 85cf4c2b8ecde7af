/**
 * crmkit's public model and storage ports: typed ids, immutable records, value objects, exceptions,
 * and the ports ({@code dev.crmkit.spi}) a storage adapter implements.
 */
module dev.crmkit.api {
    exports dev.crmkit.api;
    exports dev.crmkit.api.contact;
    exports dev.crmkit.api.deal;
    exports dev.crmkit.api.event;
    exports dev.crmkit.api.field;
    exports dev.crmkit.api.lead;
    exports dev.crmkit.api.money;
    exports dev.crmkit.api.phone;
    exports dev.crmkit.api.settings;
    exports dev.crmkit.api.task;
    exports dev.crmkit.api.timeline;
    exports dev.crmkit.api.user;
    exports dev.crmkit.spi;
}
