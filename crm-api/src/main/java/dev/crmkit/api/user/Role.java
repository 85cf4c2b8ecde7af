package dev.crmkit.api.user;

/** A user's role (USER-1): admins manage users and settings, users work with records. */
public enum Role {
    /** May add users and change settings. */
    ADMIN,
    /** Works with records. */
    USER;
}
