package dev.crmkit.api.timeline;

/** The direction of a call or message, seen from the organization. */
public enum Direction {
    /** From the client to the organization. */
    INBOUND,
    /** From the organization to the client. */
    OUTBOUND;
}
