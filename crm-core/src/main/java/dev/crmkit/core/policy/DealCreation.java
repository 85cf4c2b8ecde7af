package dev.crmkit.core.policy;

/** How deals come into being (DEAL-8). */
public enum DealCreation {
    /** Created directly, or from a lead. */
    DIRECT_OR_FROM_LEAD,
    /** Only by accepting or converting a lead: {@code deals().create} is refused. */
    FROM_LEAD_ONLY
}
