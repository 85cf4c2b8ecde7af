package dev.crmkit.api.deal;

/** The kind of a pipeline stage (DEAL-2). */
public enum StageKind {
    /** A working stage. */
    OPEN,
    /** The closing stage for deals that succeeded. */
    WON,
    /** The closing stage for deals that failed. */
    LOST;
}
