package dev.crmkit.api.query;

import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** The standard fields of a {@link Deal} that filters and sorts may name (DEAL-11). */
public final class DealFields {

    /** The id. */
    public static final Field<Deal, DealId> ID = Field.of("id", DealId.class, Deal::id);
    /** The name. */
    public static final Field<Deal, String> NAME = Field.of("name", String.class, Deal::name);
    /** The pipeline. */
    public static final Field<Deal, PipelineId> PIPELINE = Field.of("pipeline", PipelineId.class, Deal::pipeline);
    /** The stage. */
    public static final Field<Deal, StageId> STAGE = Field.of("stage", StageId.class, Deal::stage);
    /** The responsible user. */
    public static final Field<Deal, UserId> RESPONSIBLE = Field.of("responsible", UserId.class, Deal::responsible);
    /** The contacts (many-valued). */
    public static final Field<Deal, ContactId> CONTACT = Field.many("contact", ContactId.class, Deal::contacts);
    /** The company. */
    public static final Field<Deal, CompanyId> COMPANY = Field.optional("company", CompanyId.class, Deal::company);
    /** The product group. */
    public static final Field<Deal, ProductGroupId> PRODUCT_GROUP =
            Field.optional("productGroup", ProductGroupId.class, Deal::productGroup);
    /** The loss reason. */
    public static final Field<Deal, LossReasonId> LOSS_REASON =
            Field.optional("lossReason", LossReasonId.class, Deal::lossReason);
    /** The source. */
    public static final Field<Deal, LeadSource> SOURCE = Field.optional("source", LeadSource.class, Deal::source);
    /** The budget amount, regardless of currency. */
    public static final Field<Deal, BigDecimal> BUDGET_AMOUNT = Field.optional("budget.amount", BigDecimal.class,
            d -> d.budget().map(Budget::amount).map(Money::amount));
    /** The budget currency. */
    public static final Field<Deal, Currency> BUDGET_CURRENCY = Field.optional("budget.currency", Currency.class,
            d -> d.budget().map(Budget::amount).map(Money::currency));
    /** The expected close date. */
    public static final Field<Deal, LocalDate> EXPECTED_CLOSE =
            Field.optional("expectedClose", LocalDate.class, Deal::expectedClose);
    /** When the deal was closed. */
    public static final Field<Deal, Instant> CLOSED = Field.optional("closed", Instant.class, Deal::closed);
    /** When the deal was created. */
    public static final Field<Deal, Instant> CREATED = Field.of("created", Instant.class, Deal::created);
    /** When the deal was last changed. */
    public static final Field<Deal, Instant> UPDATED = Field.of("updated", Instant.class, Deal::updated);
    /** The users a restricted deal is visible to besides its responsible user (many-valued, USER-5). */
    public static final Field<Deal, UserId> RESTRICTED_TO = Field.many("restrictedTo", UserId.class, Deal::restrictedTo);
    /** The tags (many-valued). */
    public static final Field<Deal, String> TAG = Field.many("tag", String.class, Deal::tags);


    /**
     * Every field above: the only ones a query of {@code Deal} may filter and sort by, in every adapter.
     */
    public static final List<Field<Deal, ?>> ALL = List.of(ID, NAME, PIPELINE, STAGE, RESPONSIBLE, CONTACT,
            COMPANY, PRODUCT_GROUP, LOSS_REASON, SOURCE, BUDGET_AMOUNT, BUDGET_CURRENCY, EXPECTED_CLOSE, CLOSED,
            CREATED, UPDATED, TAG, RESTRICTED_TO);

    private DealFields() {
    }
}
