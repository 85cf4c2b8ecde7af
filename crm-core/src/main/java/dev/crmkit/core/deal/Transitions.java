package dev.crmkit.core.deal;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionBuilder;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.core.support.Unit;
import java.time.Instant;

/** Writes the log of stage changes (AN-2, AN-4) as deals are created and moved. */
final class Transitions {

    private Transitions() {
    }

    /** Logs a deal's entry into its stage: created ({@code before} null) or moved, when the stage changed. */
    static void record(Unit unit, Deal before, Deal after) {
        if (before != null && before.stage().equals(after.stage()) && before.pipeline().equals(after.pipeline())) {
            return;
        }
        StageTransitionBuilder b = entry(unit, after, after.stage(), unit.now()).by(unit.actor().id())
                .backfilled(false);
        if (before != null) {
            b.from(before.stage());
            if (!before.pipeline().equals(after.pipeline())) {
                b.fromPipeline(before.pipeline());
            }
        }
        unit.log(b.build());
    }

    /** A past change of a deal, recorded afterwards. */
    static StageTransition backfilled(Unit unit, Deal deal, StageId from, StageId to, Instant at) {
        StageTransitionBuilder b = entry(unit, deal, to, at).by(unit.actor().id()).backfilled(true);
        if (from != null) {
            b.from(from);
        }
        StageTransition t = b.build();
        unit.log(t);
        return t;
    }

    private static StageTransitionBuilder entry(Unit unit, Deal deal, StageId to, Instant at) {
        StageTransitionBuilder b = StageTransition.builder().id(new StageTransitionId(unit.nextId())).version(1)
                .created(unit.now()).updated(unit.now()).deal(deal.id()).pipeline(deal.pipeline()).to(to).at(at);
        deal.budget().ifPresent(b::budget);
        return b;
    }
}
