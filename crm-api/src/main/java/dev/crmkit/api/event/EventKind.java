package dev.crmkit.api.event;

/** What kind of change an event records (EV-1). */
public enum EventKind {
    /** A record was created. */
    CREATED,
    /** A field of a record changed. */
    FIELD_CHANGED,
    /** A deal moved to another stage. */
    STAGE_CHANGED,
    /** Two records were linked. */
    LINKED,
    /** Two records were unlinked. */
    UNLINKED,
    /** A record was deleted. */
    DELETED,
    /** Records were merged into one. */
    MERGED,
    /** A lead was converted. */
    CONVERTED,
    /** A record was imported. */
    IMPORTED,
    /** The responsible user changed. */
    RESPONSIBLE_CHANGED,
    /** A deal or task was closed. */
    CLOSED,
    /** A deal or task was re-opened. */
    REOPENED,
    /** A past change recorded afterwards, such as a stage change of an imported deal (AN-2). */
    BACKFILLED,
    /**
     * The storage was restored from a backup (IO-6): the one event the restore itself writes, after the
     * restored log, about the administrator who restored it.
     */
    RESTORED;
}
