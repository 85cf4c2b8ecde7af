package dev.crmkit.api.deal;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A product line of a deal (DEAL-9): what, how many, at what unit price.
 *
 * @param product the product or service name, never blank
 * @param quantity how many, above zero
 * @param price the unit price, not negative
 */
public record ProductLine(String product, BigDecimal quantity, Money price) {

    /**
     * Checks the values.
     *
     * @throws ValidationException listing {@code product.name.blank}, {@code product.quantity.positive},
     *         {@code product.price.negative}
     */
    public ProductLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        java.util.List<Violation> violations = new java.util.ArrayList<>();
        if (product.isBlank()) {
            violations.add(Violation.of("product", "product.name.blank"));
        }
        if (quantity.signum() <= 0) {
            violations.add(Violation.of("quantity", "product.quantity.positive", quantity.toPlainString()));
        }
        if (price.isNegative()) {
            violations.add(Violation.of("price", "product.price.negative", price));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Quantity times price, rounded half-even to the currency's scale.
     *
     * @return the line's total
     */
    public Money total() {
        return price.times(quantity);
    }
}
