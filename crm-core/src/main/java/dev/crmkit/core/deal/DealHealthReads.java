package dev.crmkit.core.deal;

import dev.crmkit.api.Limits;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Violations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reads behind {@link DealService#health}: the deals and their own timelines in one read transaction,
 * judged by {@link DealHealthRule} as of that transaction's moment in the acting user's time zone.
 */
final class DealHealthReads {

    private DealHealthReads() {
    }

    /**
     * The health of deals, in the order of {@code ids}, each once.
     *
     * @throws NullPointerException {@code ids} or {@code ids[]}
     * @throws dev.crmkit.api.ValidationException {@code collection.too_many} for more than
     *         {@value Limits#PAGE_SIZE} ids
     * @throws NotFoundException for the first id, in their order, with no deal
     */
    static List<DealHealth> read(Context context, Collection<DealId> ids) {
        Objects.requireNonNull(ids, "ids");
        Set<DealId> wanted = new LinkedHashSet<>();
        for (DealId id : ids) {
            wanted.add(Objects.requireNonNull(id, "ids[]"));
        }
        new Violations().count("ids", wanted.size(), Limits.PAGE_SIZE).throwIfAny();
        List<DealId> order = List.copyOf(wanted);
        return context.read(unit -> {
            Map<DealId, Deal> found = unit.tx().deals().findAll(order).stream()
                    .collect(Collectors.toMap(Deal::id, Function.identity()));
            DealHealthRule rule = DealHealthRule.of(unit.policy());
            List<DealHealth> health = new ArrayList<>(order.size());
            for (DealId id : order) {
                Deal deal = found.get(id);
                if (deal == null) {
                    throw NotFoundException.of(id);
                }
                health.add(rule.judge(deal, unit.tx().timeline().byOwner(RecordRef.of(id)), unit.now(),
                        unit.actor().timeZone()));
            }
            return List.copyOf(health);
        });
    }
}
