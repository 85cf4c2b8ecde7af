package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.field.WhenUsed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stage requirements (DEAL-4) through the facade: a field (standard or custom) required from a stage of a
 * pipeline on; moving, creating or editing a deal into a state that lacks it is refused, naming every
 * missing field; {@code checkMove} tells without writing.
 */
abstract class StageRequirementsKit extends FacadeKitBase {

    private Pipeline p;
    private Stage first;
    private Stage negotiation;
    private Stage invoice;
    private CustomField contract;
    private ListItem<LossReasonId> price;

    @BeforeEach
    void requireFromNegotiation() {
        p = sales();
        first = p.stages().get(0);
        negotiation = p.stages().get(1);
        invoice = p.stages().get(2);
        contract = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Contract no.", FieldType.TEXT));
        anna.pipelines().require(p.id(), StageRequirement.of(negotiation.id(), DealPart.BUDGET));
        anna.pipelines().require(p.id(), StageRequirement.of(negotiation.id(), contract.id()));
        p = anna.pipelines().require(p.id(), StageRequirement.of(invoice.id(), DealPart.CONTACT));
        price = anna.settings().lossReasons().list().get(0);
    }

    private Deal bare() {
        return anna.deals().create(DealForm.in(p.id()).name("Chairs"));
    }

    private Deal complete() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan"));
        return anna.deals().create(DealForm.in(p.id()).name("Chairs").budget(Money.of("150000", "RUB"))
                .customField(contract.id(), "K-17").contact(ivan.id()));
    }

    private static List<String> paths(List<Violation> violations) {
        return violations.stream().map(Violation::path).toList();
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("moving a deal to a stage without the fields it requires is refused, naming every one, and changes nothing")
    void moveWithoutRequiredFields() {
        Deal d = bare();
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> anna.deals().move(d.id(), negotiation.id()));
        assertThat(codes(e)).containsExactly("deal.field.required", "deal.field.required");
        assertThat(paths(e.violations())).containsExactly("budget", "customFields." + contract.id());
        assertThat(e.violations().get(1).message(Locale.ENGLISH)).contains("Contract no.", "Negotiation");
        assertThat(e.violations().get(1).message(Locale.forLanguageTag("ru"))).contains("Contract no.", "Negotiation");
        assertThat(anna.deals().get(d.id()).stage()).isEqualTo(first.id());
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("a deal with the required fields moves; later stages and Won require them too, Lost does not")
    void fromStageOn() {
        Deal d = complete();
        assertThat(anna.deals().move(d.id(), negotiation.id()).stage()).isEqualTo(negotiation.id());
        assertThat(anna.deals().move(d.id(), invoice.id()).stage()).isEqualTo(invoice.id());
        assertThat(anna.deals().win(d.id()).stage()).isEqualTo(p.wonStage().id());

        Deal other = bare();
        refused(RuleViolationException.class, () -> anna.deals().move(other.id(), invoice.id()),
                "deal.field.required", "deal.field.required", "deal.field.required");
        assertThat(paths(anna.deals().checkMove(other.id(), p.wonStage().id())))
                .containsExactly("budget", "customFields." + contract.id(), "contacts");
        assertThat(anna.deals().lose(other.id(), price.id()).stage()).as("a deal can always be lost")
                .isEqualTo(p.lostStage().id());
        assertThat(anna.deals().checkMove(other.id(), first.id())).isEmpty();
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("checkMove lists the missing fields without writing anything")
    void checkMoveWritesNothing() {
        Deal d = bare();
        long events = anna.events().of(dev.crmkit.api.RecordRef.of(d.id())).size();
        assertThat(paths(anna.deals().checkMove(d.id(), invoice.id())))
                .containsExactly("budget", "customFields." + contract.id(), "contacts");
        assertThat(anna.deals().checkMove(d.id(), first.id())).isEmpty();
        assertThat(anna.deals().get(d.id())).isEqualTo(d);
        assertThat(anna.events().of(dev.crmkit.api.RecordRef.of(d.id()))).hasSize((int) events);
        Deal done = complete();
        assertThat(anna.deals().checkMove(done.id(), invoice.id())).isEmpty();
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("a deal created at a stage, or edited there, must have what the stage requires")
    void createAndEditAtStage() {
        refused(RuleViolationException.class, () -> anna.deals().create(DealForm.in(p.id()).name("Chairs")
                .stage(negotiation.id()).budget(Money.of("1000", "RUB"))), "deal.field.required");
        Deal d = complete();
        Deal there = anna.deals().move(d.id(), negotiation.id());
        refused(RuleViolationException.class, () -> anna.deals().update(there.id(), there.version(),
                f -> f.budget(null).name("Cheaper chairs")), "deal.field.required");
        Deal renamed = anna.deals().update(there.id(), there.version(), f -> f.name("Office chairs"));
        assertThat(renamed.name()).isEqualTo("Office chairs");
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("a requirement added later does not block unrelated edits of deals already past its stage")
    void laterRequirement() {
        Deal d = complete();
        Deal there = anna.deals().move(d.id(), invoice.id());
        anna.pipelines().require(p.id(), StageRequirement.of(negotiation.id(), DealPart.EXPECTED_CLOSE));
        Deal renamed = anna.deals().update(there.id(), there.version(), f -> f.name("Office chairs"));
        assertThat(renamed.name()).isEqualTo("Office chairs");
        assertThat(paths(anna.deals().checkMove(renamed.id(), p.wonStage().id()))).containsExactly("expectedClose");
    }

    @Test
    @Tag("DEAL-4")
    @DisplayName("requirements go with a deleted stage and a removed field; only admins set them, and only deal fields")
    void requirementsLifecycle() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan"));
        CustomField hobby = anna.customFields().define(CustomFieldForm.of(EntityType.CONTACT, "Hobby", FieldType.TEXT));
        refused(RuleViolationException.class, () -> anna.pipelines().require(p.id(),
                StageRequirement.of(first.id(), hobby.id())), "pipeline.requirement.field");
        assertThatThrownBy(() -> boris.pipelines().require(p.id(), StageRequirement.of(first.id(), DealPart.SOURCE)))
                .isInstanceOf(AccessDeniedException.class);

        anna.customFields().remove(contract.id(), contract.version(), WhenUsed.REFUSE);
        Pipeline now = anna.pipelines().get(p.id());
        assertThat(now.requirements()).extracting(StageRequirement::path).containsExactly("budget", "contacts");

        anna.pipelines().deleteStage(p.id(), negotiation.id(), Optional.empty());
        assertThat(anna.pipelines().get(p.id()).requirements()).extracting(StageRequirement::path)
                .containsExactly("contacts");
        Deal d = anna.deals().create(DealForm.in(p.id()).name("Chairs").contact(ivan.id()));
        assertThat(anna.deals().move(d.id(), invoice.id()).stage()).isEqualTo(invoice.id());
        anna.pipelines().unrequire(p.id(), StageRequirement.of(invoice.id(), DealPart.CONTACT));
        assertThat(anna.pipelines().get(p.id()).requirements()).isEmpty();
    }
}
