package dev.crmkit.api.lead;

/** Where a lead or deal came from (LEAD-2). */
public enum LeadSource {
    /** A web form on a site. */
    WEB_FORM,
    /** An e-mail. */
    EMAIL,
    /** A phone call. */
    CALL,
    /** A chat or messenger. */
    CHAT,
    /** A file import. */
    IMPORT,
    /** Entered by a user. */
    MANUAL,
    /** An integration through the API. */
    API;
}
