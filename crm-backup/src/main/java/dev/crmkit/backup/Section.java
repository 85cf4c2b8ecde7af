package dev.crmkit.backup;

import com.fasterxml.jackson.databind.JavaType;
import dev.crmkit.api.analytics.RateTable;
import dev.crmkit.api.analytics.SalesGoal;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.settings.ImportTemplate;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.util.function.Function;

/**
 * The sections of an archive's content that hold records, one per port, in the order they are written and
 * restored: what a record refers to comes before it (users and the admin lists first, a company before its
 * contacts, a pipeline before its deals), since a database may check references as rows arrive. The event log
 * follows them as the last section, {@value Backup#EVENTS}.
 */
enum Section {
    USERS("users", User.class, Transaction::users),
    TASK_TYPES(ListKind.TASK_TYPES, "taskTypes"),
    CONTACT_TYPES(ListKind.CONTACT_TYPES, "contactTypes"),
    TEMPERATURE_LEVELS(ListKind.TEMPERATURE_LEVELS, "temperatureLevels"),
    LOSS_REASONS(ListKind.LOSS_REASONS, "lossReasons"),
    PRODUCT_GROUPS(ListKind.PRODUCT_GROUPS, "productGroups"),
    COMPANIES("companies", Company.class, Transaction::companies),
    CONTACTS("contacts", Contact.class, Transaction::contacts),
    PIPELINES("pipelines", Pipeline.class, Transaction::pipelines),
    CUSTOM_FIELDS("customFields", CustomField.class, Transaction::customFields),
    LEADS("leads", Lead.class, Transaction::leads),
    DEALS("deals", Deal.class, Transaction::deals),
    STAGE_TRANSITIONS("stageTransitions", StageTransition.class, Transaction::stageTransitions),
    TASKS("tasks", Task.class, Transaction::tasks),
    TIMELINE("timeline", TimelineEntry.class, Transaction::timeline),
    SALES_GOALS("salesGoals", SalesGoal.class, Transaction::salesGoals),
    RATE_TABLES("rateTables", RateTable.class, Transaction::rateTables),
    IMPORT_TEMPLATES("importTemplates", ImportTemplate.class, Transaction::importTemplates);

    private final String key;
    private final JavaType type;
    private final Function<Transaction, Store<?, ?>> store;

    Section(String key, Class<?> type, Function<Transaction, Store<?, ?>> store) {
        this.key = key;
        this.type = ArchiveCodec.type(type);
        this.store = store;
    }

    Section(ListKind<?> kind, String key) {
        this.key = key;
        this.type = ArchiveCodec.type(ListItem.class, kind.idType());
        this.store = tx -> tx.settings().list(kind);
    }

    /** The section's name in the archive. */
    String key() {
        return key;
    }

    /** The type of its records. */
    JavaType type() {
        return type;
    }

    /** Its port in a transaction. */
    Store<?, ?> store(Transaction tx) {
        return store.apply(tx);
    }
}
