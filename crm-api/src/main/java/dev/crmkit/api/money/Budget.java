package dev.crmkit.api.money;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.util.Objects;

/**
 * A deal's budget: a non-negative amount and how it is counted (DEAL-9). The amount is bounded as every
 * {@link Money} is ({@link dev.crmkit.api.Limits#AMOUNT_INTEGER_DIGITS} digits before the decimal point).
 *
 * @param amount the amount, never negative
 * @param type fixed, or per hour/day/week/month/year
 */
public record Budget(Money amount, BudgetType type) {

    /**
     * Rejects a negative amount.
     *
     * @throws NullPointerException if either component is null
     * @throws ValidationException {@code budget.negative}
     */
    public Budget {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        if (amount.isNegative()) {
            throw ValidationException.of(Violation.of("amount", "budget.negative", amount));
        }
    }

    /**
     * A fixed budget.
     *
     * @param amount the amount
     * @return the budget
     */
    public static Budget fixed(Money amount) {
        return new Budget(amount, BudgetType.FIXED);
    }

    /**
     * The same budget type with another amount.
     *
     * @param newAmount the amount
     * @return the budget
     */
    public Budget withAmount(Money newAmount) {
        return new Budget(newAmount, type);
    }
}
