package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fuzzes the parsers of what people type: only the typed violation may come out, and the canonical form
 * of a result parses to an equal value. In CI the seed inputs in
 * {@code src/test/resources/dev/crmkit/api/ParserFuzzTestInputs/} are replayed as ordinary tests; run
 * {@code JAZZER_FUZZ=1 mvn test -pl crm-api -Dtest=ParserFuzzTest} to fuzz for real.
 */
class ParserFuzzTest {

    /** Currencies with two, none, four and no decimals of their own. */
    private static final String[] CURRENCIES = {"RUB", "JPY", "CLF", "XAU"};
    private static final Set<String> MONEY_CODES = Set.of("text.too_long", "money.amount.invalid",
            "money.amount.too_large", "money.amount.scale");
    private static final Set<String> PHONE_CODES = Set.of("phone.blank", "phone.letters", "phone.no_digits",
            "phone.too_long", "phone.extension.too_long", "text.too_long", "text.control_character",
            "text.line_break", "text.format_character", "text.unpaired_surrogate", "text.combining_marks");
    private static final Set<String> EMAIL_CODES = Set.of("email.blank", "email.invalid", "email.too_long",
            "email.local_part.too_long");

    @FuzzTest(maxDuration = "30s")
    void phone(@NotNull String raw) {
        PhoneNumber n = parsed(() -> PhoneNumber.parse(raw), PHONE_CODES, PHONE_CODES.size());
        if (n == null) {
            return;
        }
        assertThat(n.digits()).isNotEmpty().containsOnlyDigits().hasSizeLessThanOrEqualTo(Limits.PHONE_DIGITS + 2);
        assertThat(n.extension().orElse("")).hasSizeLessThanOrEqualTo(Limits.PHONE_EXTENSION_DIGITS);
        assertThat(Text.checkCode("raw", n.raw(), Limits.PHONE_INPUT)).isEmpty();
        assertThat(PhoneNumber.parse(n.canonical())).isEqualTo(n);
        assertThat(n.matchKey().length()).isLessThanOrEqualTo(10);
        assertThat(n.digits()).endsWith(n.matchKey()).endsWith(n.indexKey());
    }

    @FuzzTest(maxDuration = "30s")
    void money(@NotNull String amount) {
        for (String currency : CURRENCIES) {
            Money m = parsed(() -> Money.of(amount, currency), MONEY_CODES, MONEY_CODES.size());
            if (m == null) {
                continue;
            }
            assertThat(Limits.integerDigits(m.amount())).isLessThanOrEqualTo(Limits.AMOUNT_INTEGER_DIGITS);
            assertThat(Limits.hasAtMostDecimals(m.amount(), Limits.AMOUNT_SCALE)).isTrue();
            assertThat(Money.of(m.amount().toPlainString(), currency)).isEqualTo(m);
            assertThat(new Money(m.amount(), m.currency())).isEqualTo(m);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void email(@NotNull String raw) {
        Email e = parsed(() -> Email.parse(raw), EMAIL_CODES, 1);
        if (e == null) {
            return;
        }
        assertThat(Text.length(e.value())).isLessThanOrEqualTo(Limits.EMAIL_LENGTH);
        assertThat(Text.length(e.normalized())).isLessThanOrEqualTo(Limits.EMAIL_LENGTH);
        assertThat(e.value().codePoints().allMatch(Text::isVisible)).isTrue();
        assertThat(Email.parse(e.normalized())).isEqualTo(e);
        assertThat(Email.parse(e.value())).isEqualTo(e);
        assertThat(e.domain()).isLowerCase();
    }

    /**
     * What the parser made of the input, or null when it refused it the only allowed way: a typed
     * violation with at least one and at most {@code maxCodes} of the allowed codes and a short message.
     */
    private static <T> T parsed(Supplier<T> parse, Set<String> allowed, int maxCodes) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            assertThat(e.codes()).isNotEmpty().hasSizeLessThanOrEqualTo(maxCodes).isSubsetOf(allowed);
            assertThat(e.getMessage()).hasSizeLessThan(400);
            return null;
        }
    }
}
