package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.TimelineItem;
import dev.crmkit.spi.Transaction;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contacts and companies (CON-1, CON-2, CON-9). */
abstract class ContactsKit extends FacadeKitBase {

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("dev.crmkit.tck.FacadeKitBase#presetsWithEmptyContact")
    @Tag("CON-2")
    @DisplayName("a contact missing what its policy requires is rejected naming every problem; nothing stored")
    void missingRequiredValuesAreNamedPerPreset(String preset, Policy policy, ContactForm form, List<String> expected) {
        CrmSession session = crm(policy).as(annaUser.id());
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> session.contacts().create(form));
        assertThat(codes(e)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(e.violations()).allSatisfy(v -> {
            assertThat(v.messageEn()).isNotBlank();
            assertThat(v.messageRu()).containsPattern("[а-яА-Я]");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.tck.FacadeKitBase#presetsWithValidContact")
    @Tag("CON-2")
    @DisplayName("a contact with what its policy requires is stored with a CREATED event")
    void completeContactIsStoredPerPreset(String preset, Policy policy, ContactForm form) {
        CrmSession session = crm(policy).as(annaUser.id());
        Contact c = session.contacts().create(form);
        assertThat(session.contacts().get(c.id())).isEqualTo(c);
        assertThat(session.events().of(RecordRef.of(c.id()))).extracting(Event::kind).containsExactly(EventKind.CREATED);
    }

    @Test
    @Tag("CON-2")
    @DisplayName("ONLYOFFICE: a company needs a name")
    void onlyOfficeCompanyNeedsAName() {
        CrmSession session = crm(Policies.onlyOffice()).as(annaUser.id());
        refused(ValidationException.class,
                () -> session.companies().create(CompanyForm.named("")), "company.name.required");
        assertThat(session.companies().create(CompanyForm.named("Horns and Hooves")).name()).isEqualTo("Horns and Hooves");
    }

    @Test
    @DisplayName("bad phones, e-mails and currency are reported with their paths, all at once")
    void badPhonesEmailsAndCurrencyAreReportedWithPaths() {
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.contacts().create(ContactForm.person("Ivan", "Petrov").phone("+7 901 776-34-34")
                        .phone("call me").email("ivan@@x.test").email("ok@x.test").currency("RUR1")));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                "phones[1] phone.letters", "emails[0] email.invalid", "currency money.currency.unknown");
    }

    @Test
    @Tag("CON-1")
    @DisplayName("a company has many contacts; linking and unlinking write LINKED and UNLINKED events")
    void companyHasManyContacts() {
        Company horns = anna.companies().create(CompanyForm.named("Horns and Hooves").phone("+7 495 123-45-67"));
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov").company(horns.id()));
        Contact petr = anna.contacts().create(ContactForm.person("Petr", "Ivanov"));
        anna.contacts().link(petr.id(), horns.id());
        assertThat(anna.contacts().ofCompany(horns.id())).extracting(Contact::id).containsExactly(ivan.id(), petr.id());
        anna.contacts().unlink(ivan.id());
        assertThat(anna.contacts().ofCompany(horns.id())).extracting(Contact::id).containsExactly(petr.id());
        assertThat(anna.events().of(RecordRef.of(ivan.id()))).extracting(Event::kind)
                .containsExactly(EventKind.CREATED, EventKind.LINKED, EventKind.UNLINKED);
        failsAndChangesNothing(NotFoundException.class, () -> anna.contacts().link(ivan.id(),
                new dev.crmkit.api.contact.CompanyId(java.util.UUID.randomUUID())));
    }

    @Test
    @Tag("CON-9")
    @DisplayName("contact types and temperature levels are admin-editable lists; contacts carry them and the CON-9 attributes")
    void contactTypesAndTemperatureLevelsAreAdminLists() {
        ListItem<ContactTypeId> reseller = anna.settings().contactTypes().add("Reseller");
        var hot = anna.settings().temperatureLevels().byName("Hot").orElseThrow();
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov").type(reseller.id())
                .temperature(hot.id()).tag("vip").currency("rub").photo(java.net.URI.create("https://f.test/i.png"))
                .link(java.net.URI.create("https://vk.com/ivan")).description("Buys twice a year")
                .address(new dev.crmkit.api.contact.Address("Tverskaya 1", "Moscow", "", "125009", "RU")));
        assertThat(c.type()).contains(reseller.id());
        assertThat(c.temperature()).contains(hot.id());
        assertThat(c.currency()).contains(java.util.Currency.getInstance("RUB"));
        assertThat(anna.contacts().get(c.id())).isEqualTo(c);
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().temperatureLevels().add("Boiling"));
        refused(RuleViolationException.class,
                () -> anna.settings().contactTypes().remove(reseller.id(), Optional.empty()), "setting.in_use");
        ListItem<ContactTypeId> client = anna.settings().contactTypes().byName("client").orElseThrow();
        anna.settings().contactTypes().remove(reseller.id(), Optional.of(client.id()));
        assertThat(anna.contacts().get(c.id()).type()).contains(client.id());
        assertThat(anna.settings().contactTypes().list()).extracting(ListItem::name).doesNotContain("Reseller");
    }

    @Test
    @DisplayName("two users save the same contact from the same version: the second save fails and changes nothing")
    void secondSaveOfAContactConflicts() {
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        anna.contacts().update(c.id(), c.version(), c2 -> c2.position("CFO"));
        failsAndChangesNothing(ConflictException.class,
                () -> boris.contacts().update(c.id(), c.version(), c2 -> c2.position("CEO")));
        assertThat(anna.contacts().get(c.id()).position()).contains("CFO");
        assertThat(anna.events().of(RecordRef.of(c.id()))).anySatisfy(e -> {
            assertThat(e.field()).contains("position");
            assertThat(e.after()).contains("CFO");
        });
    }

    @Test
    @Tag("CON-1")
    @DisplayName("deleting a company unlinks its contacts, deals and leads, with events")
    void deletingACompanyUnlinksWhatNamesIt() {
        Pipeline p = sales();
        Company horns = anna.companies().create(CompanyForm.named("Horns"));
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov").company(horns.id()));
        Deal d = anna.deals().create(DealForm.in(p.id()).company(horns.id()));
        dev.crmkit.api.lead.Lead lead = data.aLead("Request", annaUser.id()).toBuilder().company(horns.id()).build();
        committed(tx -> tx.leads().insert(lead));
        anna.companies().delete(horns.id(), horns.version());
        assertThat(anna.contacts().get(ivan.id()).company()).isEmpty();
        assertThat(anna.deals().get(d.id()).company()).isEmpty();
        assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).company()).isEmpty();
        assertThat(anna.events().of(RecordRef.of(lead.id()))).extracting(Event::kind).containsExactly(EventKind.UNLINKED);
    }

    @Test
    @DisplayName("deleting a contact unlinks it from its deals and removes its tasks and timeline, with events")
    void deletingAContactUnlinksAndRemovesWhatItOwns() {
        Pipeline p = sales();
        Contact c = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Deal d = anna.deals().create(DealForm.in(p.id()).contact(c.id()));
        anna.tasks().create(TaskForm.todo("Call").on(RecordRef.of(c.id())).deadline(T0.plusSeconds(60)));
        anna.timeline().comment(RecordRef.of(c.id()), "Met at the fair");
        failsAndChangesNothing(ConflictException.class, () -> anna.contacts().delete(c.id(), 7));
        anna.contacts().delete(c.id(), c.version());
        failsAndChangesNothing(NotFoundException.class, () -> anna.contacts().get(c.id()));
        assertThat(anna.deals().get(d.id()).contacts()).isEmpty();
        assertThat(anna.tasks().of(RecordRef.of(c.id()))).isEmpty();
        assertThat(anna.timeline().of(RecordRef.of(c.id()))).allSatisfy(i ->
                assertThat(i).isInstanceOf(TimelineItem.Change.class));
        assertThat(anna.events().of(RecordRef.of(d.id()))).extracting(Event::kind).contains(EventKind.UNLINKED);
    }
}
