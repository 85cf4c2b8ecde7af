package dev.crmkit.api.deal;

import java.util.function.Predicate;

/**
 * A standard field of a deal that a stage may require (DEAL-4), with how to tell whether a deal has it.
 */
public enum DealPart {
    /** The budget. */
    BUDGET("budget", d -> d.budget().isPresent()),
    /** At least one contact. */
    CONTACT("contacts", d -> !d.contacts().isEmpty()),
    /** The company. */
    COMPANY("company", d -> d.company().isPresent()),
    /** The product group. */
    PRODUCT_GROUP("productGroup", d -> d.productGroup().isPresent()),
    /** The source. */
    SOURCE("source", d -> d.source().isPresent()),
    /** The expected close date. */
    EXPECTED_CLOSE("expectedClose", d -> d.expectedClose().isPresent()),
    /** At least one product line. */
    PRODUCTS("products", d -> !d.products().isEmpty());

    private final String path;
    private final Predicate<Deal> present;

    DealPart(String path, Predicate<Deal> present) {
        this.path = path;
        this.present = present;
    }

    /**
     * The deal component this part is, as violations name it: {@code budget}, {@code contacts}, ….
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Whether a deal has this part.
     *
     * @param deal the deal
     * @return true when it is filled in
     */
    public boolean isPresentIn(Deal deal) {
        return present.test(deal);
    }
}
