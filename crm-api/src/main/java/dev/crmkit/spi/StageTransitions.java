package dev.crmkit.spi;

import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionId;
import java.util.List;

/**
 * The append-only log of deals' stage changes (AN-2, AN-4): crm-core inserts entries and never updates or
 * deletes them; they stay when their deal is deleted, so past funnels stay right.
 */
public interface StageTransitions extends Store<StageTransitionId, StageTransition> {

    /**
     * A deal's transitions, by the time they happened and then id.
     *
     * @param deal the deal
     * @return its transitions
     */
    List<StageTransition> ofDeal(DealId deal);
}
