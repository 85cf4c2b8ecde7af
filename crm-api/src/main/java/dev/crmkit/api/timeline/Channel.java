package dev.crmkit.api.timeline;

/** The channel of a message (ACT-1). */
public enum Channel {
    /** E-mail. */
    EMAIL,
    /** SMS. */
    SMS,
    /** A chat or messenger. */
    CHAT;
}
