package dev.crmkit.spi;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import java.util.List;
import java.util.Optional;

/** The timeline entries: comments, calls and messages (ACT-1). A call with an integration and call id is unique by that pair: inserting a second one throws {@link dev.crmkit.api.ConflictException} (ACT-2). */
public interface Timeline extends Store<TimelineEntryId, TimelineEntry> {

    /**
     * The entries on a record's timeline, by time and then id.
     *
     * @param owner the record
     * @return its entries
     */
    List<TimelineEntry> byOwner(RecordRef owner);

    /**
     * The call an integration reported under an id (ACT-2).
     *
     * @param integration the integration
     * @param callId its call id
     * @return the call, if logged
     */
    Optional<Call> byCallId(String integration, String callId);
}
