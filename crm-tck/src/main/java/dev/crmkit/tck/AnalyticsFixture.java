package dev.crmkit.tck;


import dev.crmkit.api.EntityType;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.User;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.analytics.Figure;
import dev.crmkit.core.analytics.ReportPeriod;
import dev.crmkit.core.analytics.Sum;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.user.UserForm;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;

/**
 * One small week of sales whose every figure was worked out by hand, for the reports (AN-2 to AN-14).
 *
 * <p>The Sales pipeline has First contact (10 %), Negotiation (50 %), Invoice sent (80 %), Won and Lost. On Monday
 * 2 November 2026 (UTC), at 09:00, Boris creates Alpha (1,000 RUB, product GTX, from a call), Beta (2,000 RUB, GTX,
 * call) and Old (5,000 RUB, MG), whose creation is then backfilled to 20 October; Vera creates Gamma (3,000 RUB,
 * MG, web form, expected to close on 5 November) and Delta (4,000 RUB, MG, at Negotiation, expected on 20
 * November, restricted to Vera). At 10:00 Alpha moves to Negotiation, Beta jumps to Invoice sent and Old is won;
 * at 11:00 Alpha is won; at 12:00 Beta is lost. The week is 2–8 November.
 */
abstract class AnalyticsFixture extends FacadeKitBase {

    User veraUser;
    CrmSession vera;
    Pipeline p;
    CustomFieldId product;
    Deal alpha;
    Deal beta;
    Deal gamma;
    Deal delta;
    Deal old;
    final ReportPeriod week = ReportPeriod.days(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));

    StageId stage(int i) {
        return p.stages().get(i).id();
    }

    Deal deal(CrmSession by, String name, String rub, String productKey, UnaryOperator<DealForm> with) {
        return by.deals().create(with.apply(DealForm.in(p.id()).name(name).budget(Money.of(rub, "RUB"))
                .customField(product, productKey)));
    }

    static Figure exact(String value) {
        return Figure.of(new BigDecimal(value));
    }

    static Sum sumRub(String amount) {
        return new Sum(Currency.getInstance("RUB"), new BigDecimal(amount));
    }

    @BeforeEach
    void week() {
        veraUser = anna.users().add(UserForm.named("Vera Manager").email("vera@crmkit.test"));
        vera = crm.as(veraUser.id());
        p = sales();
        CustomFieldForm form = CustomFieldForm.of(EntityType.DEAL, "Product", FieldType.LIST);
        form.option("gtx", "GTX Pro");
        form.option("mg", "MG Special");
        product = anna.customFields().define(form).id();
        alpha = deal(boris, "Alpha", "1000", "gtx", f -> f.source(LeadSource.CALL));
        beta = deal(boris, "Beta", "2000", "gtx", f -> f.source(LeadSource.CALL));
        old = deal(boris, "Old", "5000", "mg", f -> f);
        boris.deals().backfill(old.id(), Optional.empty(), stage(0), Instant.parse("2026-10-20T00:00:00Z"));
        gamma = deal(vera, "Gamma", "3000", "mg", f -> f.source(LeadSource.WEB_FORM)
                .expectedClose(LocalDate.of(2026, 11, 5)));
        delta = deal(vera, "Delta", "4000", "mg", f -> f.stage(stage(1)).expectedClose(LocalDate.of(2026, 11, 20))
                .restrictedTo(List.of(veraUser.id())));
        clock.advance(Duration.ofHours(1));
        boris.deals().move(alpha.id(), stage(1));
        boris.deals().move(beta.id(), stage(2));
        boris.deals().win(old.id());
        clock.advance(Duration.ofHours(1));
        boris.deals().win(alpha.id());
        clock.advance(Duration.ofHours(1));
        boris.deals().lose(beta.id(), reason("Too expensive").id());
    }

}
