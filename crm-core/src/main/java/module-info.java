/** The rules of crmkit: the Crm facade, services per aggregate, policies, validation and the event log. */
module dev.crmkit.core {
    requires transitive dev.crmkit.api;
    requires com.google.common;
    requires org.slf4j;
    requires jakarta.validation;

    exports dev.crmkit.core.id;
}
