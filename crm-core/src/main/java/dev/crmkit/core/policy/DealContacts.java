package dev.crmkit.core.policy;

/** How many contacts a deal has (DEAL-8). */
public enum DealContacts {
    /** Any number, up to the bound of {@code Limits.DEAL_CONTACTS}, and at most one company. */
    SEVERAL,
    /** Exactly one. */
    EXACTLY_ONE
}
