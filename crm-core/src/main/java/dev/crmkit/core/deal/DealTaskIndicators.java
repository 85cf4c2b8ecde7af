package dev.crmkit.core.deal;

import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.task.TaskIndicator;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.task.TaskIndicatorRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the deals and their own tasks for the task indicator (DEAL-10) in one read: one lookup of the deals
 * and one of their tasks, whatever their number; the acting user's zone decides what "today" is.
 */
final class DealTaskIndicators {

    private DealTaskIndicators() {
    }

    static Map<DealId, TaskIndicator> of(Unit unit, Collection<DealId> ids) {
        LinkedHashSet<DealId> wanted = new LinkedHashSet<>(ids);
        Map<DealId, Deal> deals = new HashMap<>();
        for (Deal d : unit.tx().deals().findAll(wanted)) {
            deals.put(d.id(), d);
        }
        for (DealId id : wanted) {
            if (!deals.containsKey(id)) {
                throw NotFoundException.of(id);
            }
        }
        List<RecordRef> owners = wanted.stream().map(RecordRef::of).toList();
        Map<RecordRef, List<Task>> tasks = new HashMap<>();
        for (Task t : unit.tx().tasks().byOwners(owners)) {
            tasks.computeIfAbsent(t.owner(), o -> new ArrayList<>()).add(t);
        }
        Map<DealId, TaskIndicator> result = new LinkedHashMap<>();
        for (DealId id : wanted) {
            result.put(id, TaskIndicatorRule.decide(deals.get(id), tasks.getOrDefault(RecordRef.of(id), List.of()),
                    unit.now(), unit.actor().timeZone()));
        }
        return Collections.unmodifiableMap(result);
    }
}
