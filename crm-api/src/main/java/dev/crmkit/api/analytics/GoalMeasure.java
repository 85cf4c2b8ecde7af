package dev.crmkit.api.analytics;

/** What a sales goal counts (AN-8). */
public enum GoalMeasure {
    /** The budgets of the deals won, in the report currency. */
    BUDGET,
    /** The number of deals won. */
    DEALS;
}
