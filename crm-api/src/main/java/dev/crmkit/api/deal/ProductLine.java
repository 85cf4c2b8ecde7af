package dev.crmkit.api.deal;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product line of a deal (DEAL-9): what, how many, at what unit price.
 *
 * <p>The product's name follows the rules of {@link Text} (one line, at most {@value Limits#NAME} code
 * points, not blank); the quantity has at most {@value Limits#QUANTITY_INTEGER_DIGITS} digits before the
 * decimal point and {@value Limits#QUANTITY_SCALE} decimals and is kept without trailing zeros
 * ({@code 2.50} is {@code 2.5}), so every adapter gives back an equal line; the total must be an amount
 * {@link Money} can hold, so {@link #total()} never fails.
 *
 * @param product the product or service name, never blank
 * @param quantity how many, above zero
 * @param price the unit price, not negative
 */
public record ProductLine(String product, BigDecimal quantity, Money price) {

    /**
     * Normalizes the name and quantity and checks the values.
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException listing every problem: {@code product.name.blank} and the
     *         {@code text.*} codes of {@link Text#check} (path {@code product}),
     *         {@code product.quantity.positive}, {@code product.quantity.too_large},
     *         {@code product.quantity.scale}, {@code product.price.negative}, {@code product.total.too_large}
     */
    public ProductLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        List<Violation> violations = new ArrayList<>(0);
        product = Text.normalize(product);
        if (Text.isBlank(product)) {
            violations.add(Violation.of("product", "product.name.blank"));
        }
        violations.addAll(Text.check("product", product, Limits.NAME, false));
        boolean quantityFits = true;
        if (quantity.signum() <= 0) {
            violations.add(Violation.of("quantity", "product.quantity.positive", Text.excerpt(quantity)));
            quantityFits = false;
        }
        if (Limits.integerDigits(quantity) > Limits.QUANTITY_INTEGER_DIGITS) {
            violations.add(Violation.of("quantity", "product.quantity.too_large", Text.excerpt(quantity),
                    Limits.QUANTITY_INTEGER_DIGITS));
            quantityFits = false;
        }
        if (!Limits.hasAtMostDecimals(quantity, Limits.QUANTITY_SCALE)) {
            violations.add(Violation.of("quantity", "product.quantity.scale", Text.excerpt(quantity),
                    Limits.QUANTITY_SCALE));
            quantityFits = false;
        }
        if (price.isNegative()) {
            violations.add(Violation.of("price", "product.price.negative", price));
        }
        if (quantityFits) {
            quantity = quantity.setScale(Limits.QUANTITY_SCALE, RoundingMode.UNNECESSARY).stripTrailingZeros();
            if (quantity.scale() < 0) {
                quantity = quantity.setScale(0);
            }
            try {
                price.times(quantity);
            } catch (ValidationException e) {
                violations.add(Violation.of("", "product.total.too_large", Text.excerpt(quantity), price,
                        Limits.AMOUNT_INTEGER_DIGITS));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Quantity times price, rounded half-even to the currency's scale. It always fits the bounds of
     * {@link Money}: the constructor checked that.
     *
     * @return the line's total
     */
    public Money total() {
        return price.times(quantity);
    }
}
