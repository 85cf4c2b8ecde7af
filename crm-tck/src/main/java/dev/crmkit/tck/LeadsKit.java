package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.Converted;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.contact.OnDuplicate;
import dev.crmkit.spi.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Leads through the facade under the amoCRM preset: many per contact, their sources and read-only web
 * analytics, the Unsorted inbox, conversion that reuses a duplicate contact, the merge choice on a
 * duplicate, and two users converting one lead at once.
 */
abstract class LeadsKit extends FacadeKitBase {

    private static final Utm UTM = new Utm(Optional.of("yandex"), Optional.of("cpc"), Optional.of("chairs-autumn"),
            Optional.of("banner-1"), Optional.of("office chairs"), Optional.of("GA1.2.1234.5678"));

    private Lead webLead(String phone) {
        return boris.leads().create(LeadForm.named("Chairs from the site").source(LeadSource.WEB_FORM).unsorted()
                .person("Ivan", "Petrov").phone(phone).email("ivan@hooves.test").companyName("Horns and Hooves")
                .budget(Money.of("40000", "RUB")).utm(UTM));
    }

    private long count(java.util.function.Function<Transaction, java.util.stream.Stream<?>> table) {
        return storage.inTransaction(tx -> {
            try (var s = table.apply(tx)) {
                return s.count();
            }
        });
    }

    private List<Event> eventsOf(RecordRef ref) {
        return anna.events().of(ref);
    }

    @Test
    @Tag("LEAD-1")
    @DisplayName("a contact has several leads with different responsible users")
    void aContactHasManyLeadsWithDifferentResponsibles() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Lead first = anna.leads().create(LeadForm.named("Chairs").contact(ivan.id()));
        Lead second = anna.leads().create(LeadForm.named("Desks").contact(ivan.id()).responsible(borisUser.id()));
        assertThat(anna.leads().byContact(ivan.id())).extracting(Lead::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(anna.leads().byContact(ivan.id())).extracting(Lead::responsible)
                .containsExactlyInAnyOrder(annaUser.id(), borisUser.id());
        assertThat(first.status()).isEqualTo(LeadStatus.NEW);
        assertThat(eventsOf(RecordRef.of(second.id()))).extracting(Event::kind)
                .containsExactly(EventKind.CREATED, EventKind.LINKED);
    }

    @Test
    @Tag("LEAD-2")
    @DisplayName("a web-form lead keeps its five utm values and client id read-only: an edit changing one is refused, naming it")
    void webFormAnalyticsAreReadOnly() {
        Lead lead = webLead("+7 901 776-34-34");
        assertThat(anna.leads().get(lead.id()).utm()).isEqualTo(UTM);
        Utm changed = new Utm(UTM.source(), UTM.medium(), Optional.of("spring"), UTM.content(), UTM.term(),
                Optional.of("GA1.2.9999"));
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.leads().update(lead.id(), lead.version(), f -> f.utm(changed)));
        assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("utm.campaign", "lead.utm.read_only"),
                org.assertj.core.groups.Tuple.tuple("utm.analyticsClientId", "lead.utm.read_only"));
        Lead renamed = anna.leads().update(lead.id(), lead.version(), f -> f.name("Chairs, 40 pieces"));
        assertThat(renamed.utm()).isEqualTo(UTM);
        assertThat(renamed.name()).isEqualTo("Chairs, 40 pieces");
    }

    @Test
    @Tag("LEAD-2")
    @DisplayName("a lead comes from any of the seven sources, and its phones and e-mails are checked as a contact's")
    void everySourceAndCheckedContactData() {
        for (LeadSource source : LeadSource.values()) {
            assertThat(anna.leads().create(LeadForm.named("From " + source).source(source)).source()).isEqualTo(source);
        }
        assertThat(codes(failsAndChangesNothing(ValidationException.class, () -> anna.leads().create(
                LeadForm.named(" ").phone("not a phone").email("nobody").budget(Money.of("-5", "RUB"))))))
                .containsExactlyInAnyOrder("lead.name.blank", "phone.letters", "email.invalid", "lead.budget.negative");
    }

    @Test
    @Tag("LEAD-3")
    @DisplayName("accepting from Unsorted makes a deal at the pipeline's first stage, reusing the contact the lead duplicates")
    void acceptReusesTheMatchedContact() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan Petrov").phone("8 (901) 776-34-34"));
        Lead lead = webLead("+7 901 776-34-34");
        assertThat(anna.leads().query(LeadFields.STATUS.eq(LeadStatus.UNSORTED), Sort.by(LeadFields.ID),
                PageRequest.first(10)).items()).extracting(Lead::id).containsExactly(lead.id());
        assertThat(anna.leads().findDuplicates(lead.id())).extracting(m -> m.record().id()).containsExactly(ivan.id().value());
        Converted made = anna.leads().accept(lead.id(), lead.version(), Conversion.into(sales().id()));
        assertThat(made.contactReused()).isTrue();
        assertThat(made.contact().id()).isEqualTo(ivan.id());
        assertThat(made.deal().stage()).isEqualTo(sales().firstStage().id());
        assertThat(made.deal().contacts()).containsExactly(ivan.id());
        assertThat(made.deal().lead()).contains(lead.id());
        assertThat(made.deal().budget().map(b -> b.amount())).contains(Money.of("40000", "RUB"));
        assertThat(made.lead().status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(made.lead().decidedBy()).contains(annaUser.id());
        assertThat(made.lead().decided()).contains(clock.instant());
        assertThat(count(tx -> tx.contacts().streamAll())).isEqualTo(1);
        assertThat(anna.leads().query(LeadFields.STATUS.eq(LeadStatus.UNSORTED), Sort.by(LeadFields.ID),
                PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @Tag("LEAD-3")
    @DisplayName("accepting at a chosen stage with no matching contact creates the contact from the lead's data")
    void acceptCreatesTheContactAtAChosenStage() {
        Lead lead = webLead("+7 901 776-34-34");
        Converted made = anna.leads().accept(lead.id(), lead.version(),
                Conversion.into(sales().id()).stage(sales().stages().get(1).id()));
        assertThat(made.contactReused()).isFalse();
        assertThat(made.contact().name().full()).isEqualTo("Ivan Petrov");
        assertThat(made.contact().phones()).extracting(p -> p.number().raw()).containsExactly("+7 901 776-34-34");
        assertThat(made.contact().emails()).extracting(e -> e.email().value()).containsExactly("ivan@hooves.test");
        assertThat(made.contact().responsible()).isEqualTo(borisUser.id());
        assertThat(made.deal().stage()).isEqualTo(sales().stages().get(1).id());
        assertThat(made.deal().responsible()).isEqualTo(borisUser.id());
        assertThat(eventsOf(RecordRef.of(made.contact().id()))).extracting(Event::kind).containsExactly(EventKind.CREATED);
    }

    @Test
    @Tag("LEAD-3")
    @DisplayName("a declined lead is kept as declined with who declined it and when; it cannot be accepted afterwards")
    void declineKeepsTheLead() {
        PipelineId sales = sales().id();
        Lead lead = webLead("+7 901 776-34-34");
        clock.advance(java.time.Duration.ofMinutes(5));
        Lead declined = boris.leads().decline(lead.id(), lead.version());
        assertThat(anna.leads().get(lead.id())).isEqualTo(declined);
        assertThat(declined.status()).isEqualTo(LeadStatus.DECLINED);
        assertThat(declined.decidedBy()).contains(borisUser.id());
        assertThat(declined.decided()).contains(clock.instant());
        refused(RuleViolationException.class,
                () -> anna.leads().accept(lead.id(), declined.version(), Conversion.into(sales)), "lead.status.closed");
        refused(RuleViolationException.class,
                () -> anna.leads().convert(lead.id(), declined.version(), Conversion.into(sales)), "lead.status.closed");
    }

    @Test
    @Tag("LEAD-3")
    @DisplayName("linking attaches a lead to a stored deal without making another; a lead outside Unsorted is not accepted")
    void linkAttachesToAnExistingDeal() {
        Deal chairs = chairs(boris);
        Lead lead = webLead("+7 901 776-34-34");
        Lead linked = anna.leads().link(lead.id(), lead.version(), chairs.id());
        assertThat(linked.status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(linked.convertedDeal()).contains(chairs.id());
        assertThat(count(tx -> tx.deals().streamAll())).isEqualTo(1);
        assertThat(count(tx -> tx.contacts().streamAll())).isZero();
        Lead other = anna.leads().create(LeadForm.named("Desks").unsorted());
        failsAndChangesNothing(NotFoundException.class,
                () -> anna.leads().link(other.id(), other.version(), new DealId(UUID.randomUUID())));
        Lead fresh = anna.leads().create(LeadForm.named("Desks"));
        PipelineId sales = sales().id();
        refused(RuleViolationException.class,
                () -> anna.leads().accept(fresh.id(), fresh.version(), Conversion.into(sales)), "lead.status.not_unsorted");
    }

    @Test
    @Tag("LEAD-4")
    @DisplayName("conversion makes a contact, a company and a deal, marks the lead converted with references, and writes one CONVERTED event")
    void conversionMakesEverythingAndMarksTheLead() {
        PipelineId sales = sales().id();
        Lead lead = webLead("+7 901 776-34-34");
        Converted made = anna.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id()).withCompany());
        Company hooves = made.company().orElseThrow();
        assertThat(hooves.name()).isEqualTo("Horns and Hooves");
        assertThat(made.contact().company()).contains(hooves.id());
        assertThat(made.deal().company()).contains(hooves.id());
        assertThat(made.deal().name()).isEqualTo("Chairs from the site");
        Lead stored = anna.leads().get(lead.id());
        assertThat(stored.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(stored.convertedContact()).contains(made.contact().id());
        assertThat(stored.convertedCompany()).contains(hooves.id());
        assertThat(stored.convertedDeal()).contains(made.deal().id());
        assertThat(stored.contact()).contains(made.contact().id());
        assertThat(eventsOf(RecordRef.of(lead.id())).stream().filter(e -> e.kind() == EventKind.CONVERTED))
                .singleElement().satisfies(e -> assertThat(e.after()).contains("Chairs from the site (" + made.deal().id() + ")"));
        assertThat(eventsOf(RecordRef.of(made.deal().id()))).extracting(Event::kind).containsExactly(EventKind.CREATED,
                EventKind.LINKED, EventKind.LINKED);
        refused(RuleViolationException.class,
                () -> anna.leads().convert(lead.id(), stored.version(), Conversion.into(sales)), "lead.status.closed");
    }

    @Test
    @Tag("LEAD-4")
    @DisplayName("conversion reuses a stored duplicate of the lead's contact data, never creating a second contact")
    void conversionNeverDuplicatesTheContact() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").email("IVAN@hooves.test"));
        Lead lead = boris.leads().create(LeadForm.named("Desks").person("Ivan", "Petrov").email("ivan@hooves.test"));
        Converted made = boris.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id()));
        assertThat(made.contact().id()).isEqualTo(ivan.id());
        assertThat(made.contactReused()).isTrue();
        assertThat(count(tx -> tx.contacts().streamAll())).isEqualTo(1);
    }

    @Test
    @DisplayName("a converted lead follows a merge of its contact and forgets a deleted company")
    void convertedReferencesFollowMergesAndDeletes() {
        Lead lead = webLead("+7 901 776-34-34");
        Converted made = anna.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id()).withCompany());
        Contact survivor = anna.contacts().create(ContactForm.named("Ivan P.").onDuplicate(OnDuplicate.REJECT));
        anna.contacts().merge(anna.contacts().previewMerge(survivor.id(), List.of(made.contact().id())));
        Lead merged = anna.leads().get(lead.id());
        assertThat(merged.contact()).contains(survivor.id());
        assertThat(merged.convertedContact()).contains(survivor.id());
        Company hooves = made.company().orElseThrow();
        anna.companies().delete(hooves.id(), anna.companies().get(hooves.id()).version());
        assertThat(anna.leads().get(lead.id()).company()).isEmpty();
        assertThat(anna.leads().get(lead.id()).convertedCompany()).isEmpty();
        assertThat(anna.leads().get(lead.id()).convertedDeal()).contains(made.deal().id());
    }

    @Test
    @Tag("LEAD-4")
    @DisplayName("bad conversions change nothing: unknown lead, pipeline or stage, a contact missing what the policy requires")
    void badConversionsChangeNothing() {
        sales();
        Lead lead = anna.leads().create(LeadForm.named("Chairs").phone("+7 901 776-34-34"));
        failsAndChangesNothing(NotFoundException.class, () -> anna.leads().convert(new dev.crmkit.api.lead.LeadId(
                UUID.randomUUID()), 1, Conversion.into(sales().id())));
        failsAndChangesNothing(NotFoundException.class, () -> anna.leads().convert(lead.id(), lead.version(),
                Conversion.into(new PipelineId(UUID.randomUUID()))));
        assertThat(codes(failsAndChangesNothing(ValidationException.class, () -> anna.leads().convert(lead.id(),
                lead.version(), Conversion.into(sales().id()).stage(new dev.crmkit.api.deal.StageId(UUID.randomUUID()))))))
                .as("every problem at once").containsExactly("deal.stage.unknown", "contact.name.required");
        ValidationException tooLong = failsAndChangesNothing(ValidationException.class, () -> anna.leads().convert(
                lead.id(), lead.version(), Conversion.into(sales().id()).dealName("x".repeat(300))));
        assertThat(tooLong).isNotInstanceOf(RuleViolationException.class);
        assertThat(tooLong.violations()).extracting(Violation::path).contains("dealName", "contact.name");
        ValidationException noName = failsAndChangesNothing(ValidationException.class,
                () -> anna.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id())));
        assertThat(noName.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contact.name", "contact.name.required"));
        assertThat(anna.leads().checkConversion(lead.id())).extracting(Violation::code)
                .containsExactly("contact.name.required");
        Converted made = anna.leads().convert(lead.id(), lead.version(), Conversion.into(sales().id())
                .completeContact(c -> c.firstName("Ivan")));
        assertThat(made.contact().name().full()).isEqualTo("Ivan");
        assertThat(anna.leads().checkConversion(lead.id())).extracting(Violation::code).containsExactly("lead.status.closed");
    }

    @Test
    @Tag("LEAD-4")
    @DisplayName("two users converting one lead at once: one contact and one deal, and the loser is told the lead is converted")
    void concurrentConversionsMakeOneDeal() throws Exception {
        for (int round = 0; round < 5; round++) {
            Lead lead = boris.leads().create(LeadForm.named("Chairs " + round).person("Ivan", "Petrov " + round)
                    .phone("+7 901 776-34-" + (10 + round)));
            List<Object> outcomes = together(2, i -> () -> outcome(RuleViolationException.class,
                    () -> (i == 0 ? anna : boris).leads().convert(lead.id(), lead.version(), Conversion.into(sales().id()))));
            assertThat(outcomes).filteredOn(Converted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(RuleViolationException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(codes((Throwable) e)).containsExactly("lead.status.closed"));
        }
        assertThat(count(tx -> tx.contacts().streamAll())).isEqualTo(5);
        assertThat(count(tx -> tx.deals().streamAll())).isEqualTo(5);
    }

    @Test
    @Tag("CON-5")
    @DisplayName("a new contact or company that duplicates a stored one can be merged into it instead of refused or created")
    void duplicateCanBeMergedIntoTheStoredRecord() {
        Contact ivan = anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34"));
        Contact merged = anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("8 901 776 34 34")
                .email("ivan@hooves.test").tag("from-site").onDuplicate(OnDuplicate.MERGE));
        assertThat(merged.id()).isEqualTo(ivan.id());
        assertThat(merged.version()).isEqualTo(ivan.version() + 1);
        assertThat(merged.name().full()).as("the stored first name stays, the missing last name is added").isEqualTo("Ivan Petrov");
        assertThat(merged.phones()).extracting(p -> p.number().raw()).containsExactly("+7 901 776-34-34");
        assertThat(merged.emails()).extracting(e -> e.email().value()).containsExactly("ivan@hooves.test");
        assertThat(merged.tags()).containsExactly("from-site");
        assertThat(count(tx -> tx.contacts().streamAll())).isEqualTo(1);
        assertThat(eventsOf(RecordRef.of(ivan.id()))).extracting(Event::kind).endsWith(EventKind.MERGED);

        Company hooves = anna.companies().create(CompanyForm.named("Horns and Hooves").phone("+7 495 000-00-00"));
        Company same = anna.companies().create(CompanyForm.named("Horns and Hooves").phone("8 495 000 00 00")
                .description("Furniture").onDuplicate(OnDuplicate.MERGE));
        assertThat(same.id()).isEqualTo(hooves.id());
        assertThat(same.description()).contains("Furniture");
        assertThat(count(tx -> tx.companies().streamAll())).isEqualTo(1);
        refused(ValidationException.class, () -> anna.contacts().create(
                ContactForm.named(" ").phone("+7 901 776-34-34").onDuplicate(OnDuplicate.MERGE)), "contact.name.required");
        assertThatThrownBy(() -> anna.contacts().create(ContactForm.named("Ivan").phone("+7 901 776-34-34")))
                .isInstanceOf(dev.crmkit.api.DuplicateException.class);
        assertThat(eventsOf(RecordRef.of(hooves.id())).stream().map(Event::kind).collect(Collectors.toList()))
                .endsWith(EventKind.MERGED);
        ContactForm many = ContactForm.named("Olga");
        ContactForm more = ContactForm.named("Olga").onDuplicate(OnDuplicate.MERGE);
        for (int i = 10; i < 25; i++) {
            many.phone("+7 902 000-00-" + i);
            more.phone("+7 903 000-00-" + i);
        }
        anna.contacts().create(many);
        refused(ValidationException.class, () -> anna.contacts().create(more.phone("+7 902 000-00-10")
                .removePhone("+7 903 000-00-24")), "collection.too_many");
    }
}
