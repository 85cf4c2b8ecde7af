/**
 * The rules of crmkit: the {@code Crm} facade, a service per aggregate, policies and their presets,
 * validation and the event log. Start from {@link dev.crmkit.core.Crm}.
 */
module dev.crmkit.core {
    requires transitive dev.crmkit.api;
    requires com.google.common;
    requires org.slf4j;
    requires jakarta.validation;
    requires org.hibernate.validator;

    exports dev.crmkit.core;
    exports dev.crmkit.core.analytics;
    exports dev.crmkit.core.contact;
    exports dev.crmkit.core.deal;
    exports dev.crmkit.core.event;
    exports dev.crmkit.core.field;
    exports dev.crmkit.core.id;
    exports dev.crmkit.core.policy;
    exports dev.crmkit.core.settings;
    exports dev.crmkit.core.task;
    exports dev.crmkit.core.timeline;
    exports dev.crmkit.core.user;

    // Hibernate Validator reads the constraint annotations on the command objects' fields.
    opens dev.crmkit.core.contact to org.hibernate.validator;
    opens dev.crmkit.core.deal to org.hibernate.validator;
    opens dev.crmkit.core.field to org.hibernate.validator;
    opens dev.crmkit.core.task to org.hibernate.validator;
    opens dev.crmkit.core.timeline to org.hibernate.validator;
    opens dev.crmkit.core.user to org.hibernate.validator;
    // ... and reads and runs crm-core's own text constraint (TextValue) and its validator.
    opens dev.crmkit.core.support to org.hibernate.validator;
}
