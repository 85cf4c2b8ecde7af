package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.Converted;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.NewMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Bitrix24 sales department's discipline around leads and deals through the facade: a lead is converted
 * only after a real interaction and a comment (LEAD-5), a deal comes only from a lead and has exactly one
 * contact, and a contact has at most one open deal per product group (DEAL-8); and what the amoCRM preset
 * allows instead.
 */
abstract class LeadRulesKit extends FacadeKitBase {

    @Override
    protected Policy policy() {
        return Policies.bitrix24SalesDepartment();
    }

    /** A lead with everything the preset requires of a contact except the birth date, which no lead carries. */
    private Lead lead(CrmSession by, String title, String phone, String email) {
        return by.leads().create(LeadForm.named(title).person("Ivan", "Petrov").middleName("Sergeevich")
                .phone(phone, PhoneKind.MOBILE).email(email, EmailKind.PRIVATE));
    }

    /** Into the Sales pipeline, in a product group unless null, with the birth date the preset requires. */
    private Conversion into(ProductGroupId group) {
        Conversion c = Conversion.into(sales().id()).completeContact(f -> f.birthDate(LocalDate.of(1990, 5, 17)));
        return group == null ? c : c.productGroup(group);
    }

    private void talkedAndCommented(Lead lead) {
        boris.timeline().logCall(RecordRef.of(lead.id()), NewCall.inbound("+7 901 776-34-34", "+7 495 000-00-00",
                clock.instant()).answered(Duration.ofSeconds(95)));
        boris.timeline().comment(RecordRef.of(lead.id()), "Wants 40 chairs, delivery on the 15th");
    }

    private List<String> unmet(Lead lead) {
        return anna.leads().checkConversion(lead.id()).stream().map(Violation::code).toList();
    }

    @Test
    @Tag("LEAD-5")
    @DisplayName("Bitrix24: a lead is converted only after a connected call or a client's reply, and a comment; each unmet one is named")
    void conversionNeedsAnInteractionAndAComment() {
        sales();
        Lead lead = lead(boris, "Chairs", "+7 901 776-34-34", "ivan@mail.test");
        RecordRef ref = RecordRef.of(lead.id());
        assertThat(unmet(lead)).containsExactly("lead.conversion.interaction_required",
                "lead.conversion.comment_required", "contact.birth_date.required");
        boris.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.OUTBOUND, "boris@crmkit.test",
                "ivan@mail.test").subject("Our offer"));
        boris.timeline().logCall(ref, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant()));
        boris.timeline().logCall(ref, NewCall.outbound("+7 495 000-00-00", "+7 901 776-34-34", clock.instant())
                .answered(Duration.ZERO));
        boris.timeline().comment(ref, "Sent the offer, no answer yet");
        assertThat(unmet(lead)).as("an unanswered e-mail and calls that did not connect are no interaction")
                .containsExactly("lead.conversion.interaction_required", "contact.birth_date.required");
        refused(RuleViolationException.class,
                () -> boris.leads().convert(lead.id(), lead.version(), into(null)), "lead.conversion.interaction_required");
        boris.timeline().logMessage(ref, NewMessage.of(Channel.EMAIL, Direction.INBOUND, "ivan@mail.test",
                "boris@crmkit.test").subject("Re: Our offer"));
        assertThat(unmet(lead)).containsExactly("contact.birth_date.required");
        Converted made = boris.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id())
                .completeContact(c -> c.birthDate(LocalDate.of(1990, 5, 17))));
        assertThat(made.contact().birthDate()).contains(LocalDate.of(1990, 5, 17));
        assertThat(made.contact().name().full()).isEqualTo("Ivan Sergeevich Petrov");
    }

    @Test
    @Tag("LEAD-5")
    @DisplayName("Bitrix24: an answered call of more than zero seconds is an interaction; the amoCRM preset asks for none")
    void aConnectedCallIsAnInteractionAndOtherPresetsNeedNone() {
        Lead lead = lead(boris, "Chairs", "+7 901 776-34-34", "ivan@mail.test");
        talkedAndCommented(lead);
        assertThat(unmet(lead)).containsExactly("contact.birth_date.required");
        CrmSession amo = crm(Policies.amoCrm()).as(borisUser.id());
        Lead plain = amo.leads().create(LeadForm.named("Desks").person("Olga", "Sidorova"));
        assertThat(amo.leads().checkConversion(plain.id())).isEmpty();
        assertThat(amo.leads().convert(plain.id(), plain.version(), Conversion.into(sales().id())).deal().lead())
                .contains(plain.id());
    }

    @Test
    @Tag("DEAL-8")
    @DisplayName("Bitrix24: a deal is made only from a lead and keeps exactly one contact")
    void dealsComeFromLeadsWithOneContact() {
        sales();
        Contact olga = crm(Policies.amoCrm()).as(annaUser.id()).contacts().create(ContactForm.named("Olga"));
        refused(RuleViolationException.class,
                () -> boris.deals().create(DealForm.in(sales().id()).name("Chairs")), "deal.create.from_lead_only");
        Lead lead = lead(boris, "Chairs", "+7 901 776-34-34", "ivan@mail.test");
        talkedAndCommented(lead);
        Deal deal = boris.leads().convert(lead.id(), lead.version(), into(null)).deal();
        assertThat(deal.contacts()).hasSize(1);
        assertThat(deal.lead()).contains(lead.id());
        refused(ValidationException.class,
                () -> boris.deals().update(deal.id(), deal.version(), d -> d.contact(olga.id())), "deal.contacts.exactly_one");
        refused(ValidationException.class,
                () -> boris.deals().update(deal.id(), deal.version(), d -> d.clearContacts()), "deal.contacts.exactly_one");
    }

    @Test
    @Tag("DEAL-8")
    @DisplayName("Bitrix24: a contact never has two open deals in one product group; another group, or after closing, is fine")
    void oneOpenDealPerProductGroup() {
        ProductGroupId chairs = anna.settings().productGroups().add("Chairs").id();
        ProductGroupId desks = anna.settings().productGroups().add("Desks").id();
        Lead first = lead(boris, "Chairs", "+7 901 776-34-34", "ivan@mail.test");
        talkedAndCommented(first);
        Converted made = boris.leads().convert(first.id(), first.version(), into(chairs));
        Lead second = boris.leads().create(LeadForm.named("More chairs").contact(made.contact().id()));
        talkedAndCommented(second);
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> boris.leads().convert(second.id(), second.version(), into(chairs)));
        assertThat(codes(e)).containsExactly("deal.product_group.open_deal");
        assertThat(e.getMessage()).contains(made.deal().name()).contains(made.deal().id().toString());
        Converted desk = boris.leads().convert(second.id(), second.version(), into(desks));
        assertThat(desk.deal().contacts()).containsExactly(made.contact().id());
        refused(RuleViolationException.class, () -> boris.deals().update(desk.deal().id(),
                desk.deal().version(), d -> d.productGroup(chairs)), "deal.product_group.open_deal");
        boris.deals().win(made.deal().id());
        Lead third = boris.leads().create(LeadForm.named("Chairs again").contact(made.contact().id()));
        talkedAndCommented(third);
        assertThat(boris.leads().convert(third.id(), third.version(), into(chairs)).deal().closed()).isEmpty();
    }

    @Test
    @Tag("DEAL-8")
    @DisplayName("Bitrix24: two leads of one contact converted at once into one product group give one open deal")
    void oneOpenDealPerProductGroupUnderConcurrency() throws Exception {
        ProductGroupId chairs = anna.settings().productGroups().add("Chairs").id();
        Lead first = lead(boris, "Chairs", "+7 901 776-34-34", "ivan@mail.test");
        talkedAndCommented(first);
        Contact ivan = boris.leads().convert(first.id(), first.version(), into(anna.settings().productGroups()
                .add("Desks").id())).contact();
        for (int round = 0; round < 4; round++) {
            List<Lead> leads = List.of(boris.leads().create(LeadForm.named("A" + round).contact(ivan.id())),
                    boris.leads().create(LeadForm.named("B" + round).contact(ivan.id())));
            leads.forEach(this::talkedAndCommented);
            List<Object> outcomes = together(2, i -> () -> outcome(RuleViolationException.class,
                    () -> (i == 0 ? anna : boris).leads().convert(leads.get(i).id(), leads.get(i).version(), into(chairs))));
            assertThat(outcomes).filteredOn(Converted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(RuleViolationException.class::isInstance).singleElement()
                    .satisfies(x -> assertThat(codes((Throwable) x)).containsExactly("deal.product_group.open_deal"));
            Converted won = (Converted) outcomes.stream().filter(Converted.class::isInstance).findFirst().orElseThrow();
            boris.deals().win(won.deal().id());
        }
    }

    @Test
    @Tag("DEAL-8")
    @DisplayName("amoCRM: a deal has several contacts and one company, and is created directly")
    void amoCrmDealsHaveSeveralContactsAndOneCompany() {
        CrmSession amo = crm(Policies.amoCrm()).as(borisUser.id());
        Company hooves = amo.companies().create(CompanyForm.named("Horns and Hooves"));
        Contact ivan = amo.contacts().create(ContactForm.named("Ivan"));
        Contact olga = amo.contacts().create(ContactForm.named("Olga"));
        Contact petr = amo.contacts().create(ContactForm.named("Petr"));
        Deal deal = amo.deals().create(DealForm.in(sales().id()).name("Chairs").contact(ivan.id()).contact(olga.id())
                .contact(petr.id()).company(hooves.id()));
        assertThat(amo.deals().get(deal.id()).contacts()).containsExactly(ivan.id(), olga.id(), petr.id());
        assertThat(amo.deals().get(deal.id()).company()).contains(hooves.id());
    }
}
