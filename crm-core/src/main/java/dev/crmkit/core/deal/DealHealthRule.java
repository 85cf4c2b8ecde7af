package dev.crmkit.core.deal;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.core.deal.DealHealth.Inactivity;
import dev.crmkit.core.deal.DealHealth.Part;
import dev.crmkit.core.policy.DetailedCommentRule;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.timeline.Interactions;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a deal is correct (DEAL-5) and active (DEAL-6), as a pure judgement of the deal and its
 * timeline: see {@link DealHealth} for what each means. It gets values and never reads storage. Immutable.
 */
final class DealHealthRule {

    private final DetailedCommentRule comments;
    private final Period period;

    private DealHealthRule(DetailedCommentRule comments, Period period) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.period = Objects.requireNonNull(period, "period");
    }

    static DealHealthRule of(Policy policy) {
        return new DealHealthRule(policy.detailedComments(), policy.activityPeriod());
    }

    /**
     * Judges a deal.
     *
     * @param deal the deal
     * @param timeline entries of its timeline; entries of other records (its contacts, say) are ignored
     * @param now the moment to judge at
     * @param zone the time zone the period's calendar months are counted in
     * @return the verdict
     */
    DealHealth judge(Deal deal, List<? extends TimelineEntry> timeline, Instant now, ZoneId zone) {
        RecordRef own = RecordRef.of(deal.id());
        Instant since = since(now, zone);
        Optional<Instant> lastInteraction = Optional.empty();
        Optional<Instant> lastDetailed = Optional.empty();
        for (TimelineEntry e : timeline) {
            if (!e.owner().equals(own) || e.at().isAfter(now)) {
                continue;
            }
            if (Interactions.isInteraction(e)) {
                lastInteraction = later(lastInteraction, e.at());
            } else if (e instanceof Comment c && comments.isDetailed(c.text())) {
                lastDetailed = later(lastDetailed, e.at());
            }
        }
        EnumSet<Part> missing = EnumSet.noneOf(Part.class);
        if (deal.productGroup().isEmpty()) {
            missing.add(Part.PRODUCT_GROUP);
        }
        if (!deal.isOpen()) {
            missing.add(Part.CURRENT_STAGE);
        }
        if (deal.contacts().isEmpty()) {
            missing.add(Part.CONTACT);
        }
        if (lastDetailed.isEmpty()) {
            missing.add(Part.DETAILED_COMMENT);
        }
        if (deal.products().isEmpty()) {
            missing.add(Part.PRODUCT);
        }
        if (deal.budget().isEmpty() || deal.budget().get().amount().amount().signum() <= 0) {
            missing.add(Part.AMOUNT);
        }
        EnumSet<Inactivity> inactivity = EnumSet.noneOf(Inactivity.class);
        if (!missing.isEmpty()) {
            inactivity.add(Inactivity.NOT_CORRECT);
        }
        if (lastInteraction.isEmpty() || lastInteraction.get().isBefore(since)) {
            inactivity.add(Inactivity.NO_INTERACTION);
        }
        if (lastDetailed.isEmpty() || lastDetailed.get().isBefore(since)) {
            inactivity.add(Inactivity.NO_DETAILED_COMMENT);
        }
        return new DealHealth(deal.id(), missing, inactivity, since, now, lastInteraction, lastDetailed);
    }

    /**
     * {@code now} minus the period in calendar terms in {@code zone} (two months before 31 December is
     * 31 October, before 30 April is 28 or 29 February); a period reaching beyond the calendar counts everything.
     */
    private Instant since(Instant now, ZoneId zone) {
        try {
            return now.atZone(zone).minus(period).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MIN;
        }
    }

    private static Optional<Instant> later(Optional<Instant> known, Instant at) {
        return known.isPresent() && !known.get().isBefore(at) ? known : Optional.of(at);
    }
}
