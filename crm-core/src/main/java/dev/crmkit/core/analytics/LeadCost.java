package dev.crmkit.core.analytics;

import dev.crmkit.api.Limits;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.core.policy.Presentation;
import dev.crmkit.core.support.CoreMessages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cost of leads and clients of an advertising campaign (AN-1): click-to-lead conversion = leads / clicks
 * (as a percentage), lead cost = spend / leads, client cost = spend / clients. Figures are exact quotients; a
 * {@link Presentation} rounds them only when shown. No clicks, no leads or no clients make the figure that divides
 * by them undefined, never an exception. The amoCRM certification's example: spend 10 000, 800 clicks, 20 calls
 * and 50 requests (70 leads) give a conversion of 8.75 % and a lead cost of 142.857…, shown as 142.85 when cut to
 * cents.
 *
 * @param conversionPercent leads per 100 clicks; undefined ({@code an.no_clicks}) without clicks
 * @param leadCost spend per lead; undefined ({@code an.no_leads}) without leads
 * @param clientCost spend per client, never below the lead cost; undefined ({@code an.no_clients}) without clients
 */
public record LeadCost(Figure conversionPercent, Figure leadCost, Figure clientCost) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Rejects nulls. */
    public LeadCost {
        Objects.requireNonNull(conversionPercent, "conversionPercent");
        Objects.requireNonNull(leadCost, "leadCost");
        Objects.requireNonNull(clientCost, "clientCost");
    }

    /**
     * Computes the figures of a campaign.
     *
     * @param spend what the campaign cost, not negative, bounded as money is
     * @param clicks the clicks on its ads, not negative
     * @param leads the leads it brought (calls, requests, chats…), not negative
     * @param clients the leads that became clients, not negative, at most the leads
     * @return the figures
     * @throws ValidationException listing every problem: {@code an.spend.negative}, {@code an.spend.too_large},
     *         {@code an.count.negative} (path {@code clicks}, {@code leads} or {@code clients}),
     *         {@code an.clients.exceed_leads}
     */
    public static LeadCost of(BigDecimal spend, long clicks, long leads, long clients) {
        Objects.requireNonNull(spend, "spend");
        List<Violation> v = new ArrayList<>();
        if (spend.signum() < 0) {
            v.add(CoreMessages.violation("spend", "an.spend.negative", spend));
        }
        if (Limits.integerDigits(spend) > Limits.AMOUNT_INTEGER_DIGITS) {
            v.add(CoreMessages.violation("spend", "an.spend.too_large", Limits.AMOUNT_INTEGER_DIGITS));
        }
        count(v, "clicks", clicks);
        count(v, "leads", leads);
        count(v, "clients", clients);
        if (clients > leads) {
            v.add(CoreMessages.violation("clients", "an.clients.exceed_leads", clients, leads));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return new LeadCost(Figure.ratio(BigDecimal.valueOf(leads), BigDecimal.valueOf(clicks), "an.no_clicks")
                .times(HUNDRED), Figure.ratio(spend, BigDecimal.valueOf(leads), "an.no_leads"),
                Figure.ratio(spend, BigDecimal.valueOf(clients), "an.no_clients"));
    }

    private static void count(List<Violation> v, String path, long n) {
        if (n < 0) {
            v.add(CoreMessages.violation(path, "an.count.negative", n));
        }
    }
}
