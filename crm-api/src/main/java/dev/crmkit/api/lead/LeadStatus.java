package dev.crmkit.api.lead;

/** The status of a lead (LEAD-3, LEAD-4). */
public enum LeadStatus {
    /** Created and not yet handled. */
    NEW,
    /** Waiting in the Unsorted inbox for someone to accept it. */
    UNSORTED,
    /** Accepted from Unsorted into a deal. */
    ACCEPTED,
    /** Declined; kept, not deleted. */
    DECLINED,
    /** Converted into a contact and a deal. */
    CONVERTED;
}
