package dev.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crmkit.api.ValidationException;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Presentation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("AN-1 lead cost, conversion and client cost")
class LeadCostTest {

    @Test
    @Tag("AN-1")
    @DisplayName("the certification example: 10 000 spent, 800 clicks, 20 calls + 50 requests → 8.75 % and 142.85 under amoCRM")
    void certificationExample() {
        LeadCost c = LeadCost.of(new BigDecimal("10000"), 800, 20 + 50, 10);
        assertThat(c.conversionPercent()).isEqualTo(Figure.of(new BigDecimal("8.75")));
        assertThat(c.conversionPercent().shown(Policies.amoCrm().presentation())).contains(new BigDecimal("8.75"));
        assertThat(c.leadCost().value(MathContext.DECIMAL64)).contains(new BigDecimal("142.8571428571429"));
        assertThat(c.leadCost()).as("kept exact: 10000 / 70 is 1000 / 7")
                .isEqualTo(Figure.ratio(BigDecimal.valueOf(1000), BigDecimal.valueOf(7), "x"));
        assertThat(c.leadCost().shown(Policies.amoCrm().presentation())).contains(new BigDecimal("142.85"));
        assertThat(c.leadCost().shown(Policies.onlyOffice().presentation())).as("rounded half up elsewhere")
                .contains(new BigDecimal("142.86"));
        assertThat(c.clientCost().shown(Policies.amoCrm().presentation())).contains(new BigDecimal("1000.00"));
    }

    @ParameterizedTest(name = "spend {0}, {1} clicks, {2} leads, {3} clients")
    @CsvSource({
        "0, 0, 0, 0, an.no_clicks, an.no_leads, an.no_clients",
        "500, 0, 0, 0, an.no_clicks, an.no_leads, an.no_clients",
        "500, 100, 0, 0, , an.no_leads, an.no_clients",
        "500, 100, 5, 0, , , an.no_clients",
        "500, 0, 5, 1, an.no_clicks, , "})
    @Tag("AN-1")
    @DisplayName("no clicks, no leads or no clients make their figure undefined, never an exception or infinity")
    void undefined(String spend, long clicks, long leads, long clients, String conversion, String lead, String client) {
        LeadCost c = LeadCost.of(new BigDecimal(spend), clicks, leads, clients);
        check(c.conversionPercent(), conversion);
        check(c.leadCost(), lead);
        check(c.clientCost(), client);
    }

    private static void check(Figure f, String undefinedBecause) {
        if (undefinedBecause == null) {
            assertThat(f.defined()).isTrue();
            assertThat(f.shown(Presentation.roundedCents())).isPresent();
        } else {
            assertThat(f.defined()).isFalse();
            assertThat(f.undefinedBecause()).contains(undefinedBecause);
            assertThat(f.shown(Presentation.roundedCents())).isEmpty();
            assertThat(f.value(MathContext.DECIMAL128)).isEmpty();
        }
    }

    @Test
    @Tag("AN-1")
    @DisplayName("bad inputs are refused together: negative spend or counts, more clients than leads")
    void badInputs() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> LeadCost.of(new BigDecimal("-1"), -5, 3, 4));
        assertThat(e.codes()).containsExactly("an.spend.negative", "an.count.negative", "an.clients.exceed_leads");
        assertThat(e.violations().get(2).message(java.util.Locale.forLanguageTag("ru"))).contains("4", "3");
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> LeadCost.of(new BigDecimal("1E+20"), 1, 1, 1)).codes()).containsExactly("an.spend.too_large");
    }

    @Test
    @Tag("AN-1")
    @DisplayName("over 10,000 seeded campaigns the client cost is never below the lead cost, and figures are exact")
    void clientCostNeverBelowLeadCost() {
        Random random = new Random(1_000_003L);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal spend = BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(3));
            long clicks = random.nextInt(5) == 0 ? 0 : random.nextInt(100_000);
            long leads = random.nextInt(4) == 0 ? 0 : random.nextInt(5_000);
            long clients = leads == 0 ? 0 : random.nextInt((int) leads + 1);
            LeadCost c = LeadCost.of(spend, clicks, leads, clients);
            if (c.clientCost().defined()) {
                assertThat(c.clientCost()).as("campaign %d", i).isGreaterThanOrEqualTo(c.leadCost());
                assertThat(c.clientCost().times(BigDecimal.valueOf(clients))).as("exact").isEqualTo(Figure.of(spend));
            }
            assertThat(c.leadCost().defined()).isEqualTo(leads > 0);
            assertThat(c.conversionPercent().defined()).isEqualTo(clicks > 0);
        }
        assertThat(List.of(Figure.of(BigDecimal.ONE), Figure.ratio(BigDecimal.ONE, BigDecimal.ZERO, "x")))
                .as("an undefined figure sorts after every defined one").isSorted();
    }
}
