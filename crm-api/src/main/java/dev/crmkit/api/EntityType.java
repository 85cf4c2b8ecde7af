package dev.crmkit.api;

/** The kinds of records crmkit stores; events and record references name them. */
public enum EntityType {
    /** A user. */
    USER,
    /** A contact. */
    CONTACT,
    /** A company. */
    COMPANY,
    /** A lead. */
    LEAD,
    /** A pipeline. */
    PIPELINE,
    /** A stage of a pipeline. */
    STAGE,
    /** A deal. */
    DEAL,
    /** A task. */
    TASK,
    /** A comment, call or message. */
    TIMELINE_ENTRY,
    /** An item of an admin-managed list. */
    SETTING,
    /** A custom field definition. */
    CUSTOM_FIELD,
    /** A deal's move from one stage to another, in the append-only log of transitions (AN-2, AN-4). */
    STAGE_TRANSITION,
    /** A sales goal (AN-8). */
    SALES_GOAL,
    /** The exchange rates of reports (AN-13). */
    RATE_TABLE,
    /** A saved import mapping (IO-1). */
    IMPORT_TEMPLATE;
}
