package dev.crmkit.core.deal;

import dev.crmkit.api.deal.DealId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a deal is correct (DEAL-5) and active (DEAL-6) as of a moment, and why not; from
 * {@link DealService#health(DealId)}. Bitrix24 sales department, rule 2: a correct deal has its product
 * group, a current stage, a contact, a detailed comment, a product and an amount; an active deal is a correct
 * one on which the manager logged an interaction with the client (a call or correspondence) and a detailed
 * comment within the policy's {@linkplain dev.crmkit.core.policy.Policy#activityPeriod() activity period}.
 * Every active deal is correct; not every correct deal is active.
 *
 * <p>Only the deal's own timeline counts, for its comments and its interactions alike: a call or a
 * comment on its contact does not make the deal correct or active. The seed asks for them "in the deal";
 * a client may have several deals (one per product group, each with its own manager) and an entry on the
 * client cannot say which deal it was about; an inbound call is logged on the open deal too (ROUTE-1). The
 * same holds for the task indicator (DEAL-10). Lead conversion (LEAD-5) differs: a lead's contact stands
 * for the lead's client alone, so its calls count there.
 *
 * <p>A Won or Lost deal is at no current stage of a sale: it lacks {@link Part#CURRENT_STAGE}, so it is
 * neither correct nor active. The department's correct and active deals are the ones being worked.
 *
 * @param deal the deal
 * @param missing what a correct deal has and this one lacks, in the order of {@link Part}; empty when it is
 *        correct
 * @param inactivity why the deal is not active, in the order of {@link Inactivity}; empty when it is active
 * @param since where the activity period began: {@code asOf} minus the policy's period, included
 * @param asOf the moment the deal was judged at, included; entries dated later are not counted
 * @param lastInteraction when the last real interaction with the client on the deal's timeline happened,
 *        at or before {@code asOf}, if ever ({@link dev.crmkit.core.timeline.Interactions})
 * @param lastDetailedComment when the last detailed comment on the deal's timeline was written, at or before
 *        {@code asOf}, if ever
 */
public record DealHealth(DealId deal, Set<Part> missing, Set<Inactivity> inactivity, Instant since, Instant asOf,
                         Optional<Instant> lastInteraction, Optional<Instant> lastDetailedComment) {

    /** What a correct deal has (DEAL-5). */
    public enum Part {
        /** A product group. */
        PRODUCT_GROUP,
        /** A current stage: an open one, not Won or Lost. */
        CURRENT_STAGE,
        /** At least one contact. */
        CONTACT,
        /**
         * A comment on the deal's timeline that the policy's
         * {@link dev.crmkit.core.policy.Policy#detailedComments() classifier} calls detailed (DEAL-7).
         */
        DETAILED_COMMENT,
        /** At least one product line. */
        PRODUCT,
        /** A budget whose amount is above zero. */
        AMOUNT
    }

    /** Why a deal is not active (DEAL-6). */
    public enum Inactivity {
        /** It is not correct: it lacks one of the {@link Part}s. */
        NOT_CORRECT,
        /** No real interaction with the client (a connected call or a message from the client) in the period. */
        NO_INTERACTION,
        /** No detailed comment in the period. */
        NO_DETAILED_COMMENT
    }

    /**
     * Copies the sets and checks that the verdicts agree: not correct exactly when something is missing.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code inactivity} names {@link Inactivity#NOT_CORRECT} for a
     *         correct deal or not for an incorrect one, or the period ends before it begins
     */
    public DealHealth {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(lastInteraction, "lastInteraction");
        Objects.requireNonNull(lastDetailedComment, "lastDetailedComment");
        missing = copy(Objects.requireNonNull(missing, "missing"), Part.class);
        inactivity = copy(Objects.requireNonNull(inactivity, "inactivity"), Inactivity.class);
        if (missing.isEmpty() == inactivity.contains(Inactivity.NOT_CORRECT)) {
            throw new IllegalArgumentException("a deal missing " + missing + " cannot be inactive for " + inactivity);
        }
        if (asOf.isBefore(since)) {
            throw new IllegalArgumentException("the period ends (" + asOf + ") before it begins (" + since + ")");
        }
    }

    /**
     * Whether the deal is correct: nothing of {@link Part} is missing (DEAL-5).
     *
     * @return true when it is
     */
    public boolean correct() {
        return missing.isEmpty();
    }

    /**
     * Whether the deal is active: correct, with an interaction and a detailed comment in the period (DEAL-6).
     *
     * @return true when it is
     */
    public boolean active() {
        return inactivity.isEmpty();
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }
}
