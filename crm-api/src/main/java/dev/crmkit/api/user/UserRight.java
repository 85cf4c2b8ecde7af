package dev.crmkit.api.user;

/** A right granted to an ordinary user beyond the default ones; admins have all of them. */
public enum UserRight {
    /** May export records (USER-4). */
    EXPORT;
}
