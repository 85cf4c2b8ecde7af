package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.money.Percent;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("DEAL-9")
@DisplayName("Bounds of money and percentages")
class MoneyBoundsTest {

    private static final Currency RUB = Currency.getInstance("RUB");

    private static ValidationException violation(Runnable call) {
        return Refusals.refused(call::run);
    }

    @ParameterizedTest(name = "''{0}'' {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1e-999999999        | RUB | money.amount.scale
            1e999999999         | RUB | money.amount.too_large
            -1e999999999        | RUB | money.amount.too_large
            1E+15               | RUB | money.amount.too_large
            1000000000000000    | RUB | money.amount.too_large
            9999999999999999.99 | RUB | money.amount.too_large
            1.001               | RUB | money.amount.scale
            1.5                 | JPY | money.amount.scale
            1.23456             | CLF | money.amount.scale
            1.23456             | XAU | money.amount.scale
            1e-5                | XAU | money.amount.scale
            12,5                | RUB | money.amount.invalid
            NaN                 | RUB | money.amount.invalid
            1e999999999         | QQQ | money.amount.too_large,money.currency.unknown
            1.001               | QQQ | money.currency.unknown
            """)
    @DisplayName("amounts beyond the bounds are violations with a code, checked before any rescaling")
    void refused(String amount, String currency, String codes) {
        ValidationException e = violation(() -> Money.of(amount, currency));
        assertThat(e.codes()).containsExactlyInAnyOrder(codes.split(","));
    }

    @ParameterizedTest(name = "''{0}'' {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            999999999999999.99                        | RUB | 999999999999999.99
            -999999999999999.99                       | RUB | -999999999999999.99
            1E+14                                     | RUB | 100000000000000.00
            0E+999999999                              | RUB | 0.00
            0E-999999999                              | RUB | 0.00
            1.2345                                    | CLF | 1.2345
            1.2345                                    | XAU | 1.2345
            1.23450000                                | XAU | 1.2345
            1E+3                                      | XAU | 1E+3
            1000                                      | XAU | 1E+3
            10.50000000000000000000000000000000000000 | RUB | 10.50
            """)
    @DisplayName("amounts within the bounds are kept exactly")
    void accepted(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    @DisplayName("the canonical constructor enforces the same bounds as Money.of")
    void constructor() {
        assertThat(violation(() -> new Money(new BigDecimal("1E+999999999"), RUB)).codes())
                .containsExactly("money.amount.too_large");
        assertThat(violation(() -> new Money(new BigDecimal("1E-999999999"), RUB)).codes())
                .containsExactly("money.amount.scale");
        assertThat(violation(() -> Money.of(new BigDecimal("1E+999999999"), "RUB")).violations().get(0).messageEn())
                .isEqualTo("The amount 1E+999999999 has more than 15 digits before the decimal point.");
    }

    @Test
    @DisplayName("a budget of 1,001 digits cannot even be written, as text or as a number")
    void hugeBudget() {
        String digits = "9".repeat(1001);
        assertThat(violation(() -> Money.of(digits, "RUB")).codes()).containsExactly("text.too_long");
        assertThat(violation(() -> Budget.fixed(Money.of(new BigDecimal(digits), "RUB"))).codes())
                .containsExactly("money.amount.too_large");
    }

    @Test
    @DisplayName("text longer than an amount can be is refused before parsing, and a 1 MB input gives a short message")
    void longInput() {
        String mb = "1".repeat(1_000_000);
        ValidationException e = violation(() -> Money.of(mb, "RUB"));
        assertThat(e.codes()).containsExactly("text.too_long");
        assertThat(e.violations().get(0).path()).isEqualTo("amount");
        assertThat(violation(() -> Money.of("1" + "0".repeat(Limits.AMOUNT_INPUT - 1), "RUB")).codes())
                .as("64 characters are parsed").containsExactly("money.amount.too_large");
        assertThat(violation(() -> Money.of("1", "R".repeat(1_000_000))).codes()).containsExactly("money.currency.unknown");
        assertThat(violation(() -> Money.of(" 12,5\u0000", "RUB")).violations().get(0).messageEn())
                .isEqualTo("'12,5\uFFFD' is not a decimal amount.");
    }

    @Test
    @DisplayName("arithmetic beyond the bounds is a violation, never an unbounded value")
    void arithmetic() {
        Money max = Money.of("999999999999999.99", "RUB");
        Money cent = Money.of("0.01", "RUB");
        assertThat(violation(() -> max.plus(cent)).codes()).containsExactly("money.amount.too_large");
        assertThat(violation(() -> Money.of("-999999999999999.99", "RUB").minus(cent)).codes()).containsExactly("money.amount.too_large");
        assertThat(violation(() -> max.times(BigDecimal.TEN)).codes()).containsExactly("money.amount.too_large");
        assertThat(violation(() -> cent.times(new BigDecimal("1E+999999999"))).codes())
                .containsExactly("money.amount.too_large");
        assertThat(cent.times(new BigDecimal("1E-999999999"))).isEqualTo(Money.zero(RUB));
        assertThat(cent.times(new BigDecimal("-1E-999999999"))).isEqualTo(Money.zero(RUB));
        assertThat(max.times(BigDecimal.ONE)).isEqualTo(max);
        assertThat(max.minus(cent).plus(cent)).isEqualTo(max);
        assertThat(Money.of("0.03", "RUB").times(new BigDecimal("0.5"))).isEqualTo(Money.of("0.02", "RUB"));
        assertThat(Money.of("1", "XAU").times(new BigDecimal("0.123456"))).isEqualTo(Money.of("0.1235", "XAU"));
    }

    @Test
    @DisplayName("null arguments name the parameter")
    void nulls() {
        assertThatThrownBy(() -> Money.of((String) null, "RUB")).isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
        assertThatThrownBy(() -> Money.of("1", null)).isInstanceOf(NullPointerException.class).hasMessage("currencyCode");
        assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(NullPointerException.class).hasMessage("code");
    }

    @ParameterizedTest(name = "{0} % → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1E-999999999  | percent.scale
            1E+999999999  | percent.range
            -1E-999999999 | percent.range,percent.scale
            12.34567      | percent.scale
            100.00001     | percent.range,percent.scale
            101           | percent.range
            """)
    @DisplayName("a percentage has at most four decimals and lies within 0–100, checked before rescaling")
    void percentRefused(String value, String codes) {
        assertThat(violation(() -> Percent.of(new BigDecimal(value))).codes()).containsExactlyInAnyOrder(codes.split(","));
    }

    @Test
    @DisplayName("a percentage within the bounds is exact and kept without trailing zeros")
    void percentAccepted() {
        assertThat(Percent.of(new BigDecimal("12.3456")).value()).isEqualTo(new BigDecimal("12.3456"));
        assertThat(Percent.of(new BigDecimal("50.0000000000000000000"))).isEqualTo(Percent.of(50));
        assertThat(Percent.of(new BigDecimal("1E+2")).value()).isEqualTo(new BigDecimal("100"));
        assertThat(Percent.of(new BigDecimal("0E-999999999"))).isEqualTo(Percent.of(0));
    }
}
