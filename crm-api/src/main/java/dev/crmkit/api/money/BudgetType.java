package dev.crmkit.api.money;

/** How a deal's budget is counted (DEAL-9). */
public enum BudgetType {
    /** A fixed amount. */
    FIXED,
    /** Per hour. */
    PER_HOUR,
    /** Per day. */
    PER_DAY,
    /** Per week. */
    PER_WEEK,
    /** Per month. */
    PER_MONTH,
    /** Per year. */
    PER_YEAR;
}
