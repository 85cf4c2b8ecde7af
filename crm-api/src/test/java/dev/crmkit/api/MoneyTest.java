package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("DEAL-9")
@DisplayName("Money and budgets (DEAL-9)")
class MoneyTest {

    @Test
    @DisplayName("amounts are exact and kept at the currency's scale, so equal sums are equal values")
    void scale() {
        EqualityContract.check(Money.of("15000", "RUB"), Money.of(new BigDecimal("15000.00"), "rub"),
                Money.of("15000.01", "RUB"), Money.of("15000", "USD"));
        assertThat(Money.of("15000", "RUB").amount().toPlainString()).isEqualTo("15000.00");
        assertThat(Money.of("500", "JPY").amount().toPlainString()).isEqualTo("500");
        assertThat(Money.of("0.1", "RUB").plus(Money.of("0.2", "RUB"))).isEqualTo(Money.of("0.3", "RUB"));
    }

    @Test
    @DisplayName("an amount with more decimals than the currency allows is rejected, not rounded")
    void tooManyDecimals() {
        assertThatThrownBy(() -> Money.of("10.005", "RUB"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    Violation v = ((ValidationException) e).violations().get(0);
                    assertThat(v.code()).isEqualTo("money.amount.scale");
                    assertThat(v.path()).isEqualTo("amount");
                    assertThat(v.messageEn()).contains("10.005").contains("RUB");
                    assertThat(v.message(Locale.forLanguageTag("ru"))).contains("10.005").contains("знаков");
                });
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(ValidationException.class);
        assertThat(Money.of("10.500", "RUB").amount()).isEqualByComparingTo("10.5");
    }

    @Test
    @DisplayName("an unknown currency code and a non-number are both reported at once")
    void unknownCurrencyAndBadAmount() {
        assertThatThrownBy(() -> Money.of("12,5x", "QQQ"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes())
                        .containsExactly("money.amount.invalid", "money.currency.unknown"));
        assertThatThrownBy(() -> Money.currency("ZZZ"))
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("money.currency.unknown"));
    }

    @Test
    @DisplayName("adding RUB to USD is an error, never a silent sum")
    void noCrossCurrencyArithmetic() {
        Money rub = Money.of("100", "RUB");
        Money usd = Money.of("1", "USD");
        assertThatThrownBy(() -> rub.plus(usd))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException ve = (ValidationException) e;
                    assertThat(ve.codes()).containsExactly("money.currency.mismatch");
                    assertThat(ve.violations().get(0).messageEn()).contains("RUB").contains("USD");
                });
        assertThatThrownBy(() -> rub.minus(usd)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> rub.compareAmount(usd)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("multiplying by a quantity rounds half-even to the currency's scale")
    void times() {
        assertThat(Money.of("10.01", "RUB").times(new BigDecimal("0.5"))).isEqualTo(Money.of("5.00", "RUB"));
        assertThat(Money.of("10.03", "RUB").times(new BigDecimal("0.5"))).isEqualTo(Money.of("5.02", "RUB"));
        assertThat(Money.of("3", "RUB").times(new BigDecimal("3"))).isEqualTo(Money.of("9", "RUB"));
    }

    @Test
    @DisplayName("a negative deal budget is rejected; zero and positive budgets of every type are fine")
    void negativeBudget() {
        assertThatThrownBy(() -> Budget.fixed(Money.of("-1", "RUB")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("budget.negative"));
        assertThat(new Budget(Money.of("0", "RUB"), BudgetType.PER_HOUR).amount().isZero()).isTrue();
        assertThat(Budget.fixed(Money.of("5", "EUR")).withAmount(Money.of("6", "EUR")).type())
                .isEqualTo(BudgetType.FIXED);
    }
}
