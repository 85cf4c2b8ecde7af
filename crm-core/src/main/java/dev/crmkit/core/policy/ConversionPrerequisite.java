package dev.crmkit.core.policy;

/** What a lead must have before it may be converted or accepted (LEAD-5). */
public enum ConversionPrerequisite {
    /**
     * A real interaction with the client on the lead's or its contact's timeline: a connected call
     * (answered, lasting more than zero seconds) or a message the client sent.
     */
    INTERACTION,
    /** A comment on the lead's timeline. */
    COMMENT
}
