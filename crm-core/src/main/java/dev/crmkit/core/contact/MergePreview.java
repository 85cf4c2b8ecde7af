package dev.crmkit.core.contact;

import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.TimelineEntryId;
import java.util.List;
import java.util.Map;

/**
 * What a merge would do (CON-6), computed without writing: the record that would remain, the contacts
 * that would go, and everything that would move to the survivor. Pass it to
 * {@link ContactService#merge(MergePreview)}; if any of the contacts changed since, the merge fails with a
 * conflict and changes nothing.
 *
 * @param result the survivor as it would be after the merge
 * @param removed the contacts that would be deleted, as read for the preview
 * @param versions the version of the survivor and of each removed contact the preview was based on
 * @param deals the deals that would move to the survivor
 * @param leads the leads that would move
 * @param tasks the tasks that would move
 * @param timeline the timeline entries that would move
 */
public record MergePreview(Contact result, List<Contact> removed, Map<ContactId, Long> versions, List<DealId> deals,
                           List<LeadId> leads, List<TaskId> tasks, List<TimelineEntryId> timeline) {

    /**
     * Copies the collections and checks that the preview knows the version of every contact it merges,
     * so a merge can always tell whether one changed since.
     */
    public MergePreview {
        java.util.Objects.requireNonNull(result, "result");
        java.util.Objects.requireNonNull(removed, "removed");
        Map<ContactId, Long> known = java.util.Objects.requireNonNull(versions, "versions");
        if (!known.containsKey(result.id()) || !removed.stream().allMatch(c -> known.containsKey(c.id()))) {
            throw new IllegalArgumentException("a merge preview needs the version of the survivor and of every "
                    + "removed contact");
        }
        removed = List.copyOf(removed);
        versions = Map.copyOf(versions);
        deals = List.copyOf(deals);
        leads = List.copyOf(leads);
        tasks = List.copyOf(tasks);
        timeline = List.copyOf(timeline);
    }
}
