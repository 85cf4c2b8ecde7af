package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.contact.OnDuplicate;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.user.UserForm;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Access rights through the facade (CON-8, USER-1, USER-4, USER-5): what each user sees and may change, and
 * the attacks that made the news refused — a guessed id, a change of someone else's private record, a filter
 * or a duplicate lookup that would reveal one, an owner or version set through a command.
 */
abstract class AccessKit extends FacadeKitBase {

    private User carlUser;
    private CrmSession carl;
    private Contact secret;

    @BeforeEach
    void privateContact() {
        carlUser = anna.users().add(UserForm.named("Carl Manager").email("carl@crmkit.test"));
        carl = crm.as(carlUser.id());
        secret = boris.contacts().create(ContactForm.named("Secret Client").phone("+7 901 776-34-34")
                .email("secret@client.test").access(AccessLevel.PRIVATE));
    }

    private static List<String> names(List<Contact> contacts) {
        return contacts.stream().map(c -> c.name().full()).collect(Collectors.toList());
    }

    private List<String> contactsSeenBy(CrmSession s) {
        return names(s.contacts().query(ContactFields.NAME.present(), Sort.by(ContactFields.NAME),
                PageRequest.first(100)).items());
    }

    @Test
    @Tag("CON-8")
    @DisplayName("a private contact is seen by its managers and admins only; a guessed id answers not found")
    void guessedId() {
        assertThat(boris.contacts().get(secret.id()).name().full()).isEqualTo("Secret Client");
        assertThat(anna.contacts().get(secret.id())).isEqualTo(boris.contacts().get(secret.id()));
        assertThatThrownBy(() -> carl.contacts().get(secret.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carl.timeline().of(RecordRef.of(secret.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carl.tasks().of(RecordRef.of(secret.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carl.events().of(RecordRef.of(secret.id()))).isInstanceOf(NotFoundException.class);
        Contact managed = anna.contacts().update(secret.id(), secret.version(), c -> c.manager(carlUser.id()));
        assertThat(carl.contacts().get(secret.id())).as("a manager sees it").isEqualTo(managed);
    }

    @Test
    @Tag("CON-8")
    @DisplayName("a change of someone else's private contact is not found, of a read-only one denied; nothing changes")
    void changes() {
        failsAndChangesNothing(NotFoundException.class,
                () -> carl.contacts().update(secret.id(), secret.version(), c -> c.position("Spy")));
        failsAndChangesNothing(NotFoundException.class, () -> carl.contacts().delete(secret.id(), secret.version()));
        Contact shared = boris.contacts().create(ContactForm.named("Shared Client"));
        assertThat(shared.access()).as("the default share").isEqualTo(AccessLevel.SHARED_READ);
        assertThat(carl.contacts().get(shared.id())).isEqualTo(shared);
        failsAndChangesNothing(AccessDeniedException.class,
                () -> carl.contacts().update(shared.id(), shared.version(), c -> c.position("CFO")));
        failsAndChangesNothing(AccessDeniedException.class, () -> carl.contacts().delete(shared.id(), shared.version()));
        Contact open = boris.contacts().update(shared.id(), shared.version(), c -> c.access(AccessLevel.SHARED_WRITE));
        assertThat(carl.contacts().update(open.id(), open.version(), c -> c.position("CFO")).position()).contains("CFO");
    }

    @Test
    @Tag("CON-8")
    @DisplayName("a filter that would match a private record answers without it, on every query")
    void revealingFilter() {
        boris.contacts().create(ContactForm.named("Open Client"));
        assertThat(contactsSeenBy(carl)).containsExactly("Open Client");
        assertThat(contactsSeenBy(boris)).containsExactly("Open Client", "Secret Client");
        assertThat(contactsSeenBy(anna)).containsExactly("Open Client", "Secret Client");
        assertThat(carl.contacts().query(ContactFields.NAME.eq("Secret Client"), Sort.byId(), PageRequest.first(10))
                .items()).isEmpty();
        assertThat(carl.contacts().query(ContactFields.ACCESS.eq(AccessLevel.PRIVATE), Sort.byId(),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(carl.contacts().scanDuplicates()).isEmpty();
    }

    @Test
    @Tag("CON-8")
    @DisplayName("duplicate detection protects a private contact without naming it")
    void revealingDuplicateLookup() {
        ContactForm same = ContactForm.named("Copy").phone("8 (901) 776-34-34");
        assertThat(carl.contacts().findDuplicates(same)).isEmpty();
        assertThat(boris.contacts().findDuplicates(same)).extracting(m -> m.record().id()).containsExactly(secret.id().value());
        DuplicateException refused = failsAndChangesNothing(DuplicateException.class, () -> carl.contacts().create(same));
        assertThat(refused.matches()).isEmpty();
        assertThat(refused.hiddenMatches()).isEqualTo(1);
        assertThat(refused.getMessage()).doesNotContain(secret.id().toString()).doesNotContain("Secret");
        DuplicateException merge = failsAndChangesNothing(DuplicateException.class,
                () -> carl.contacts().create(ContactForm.named("Copy").email("SECRET@client.test")
                        .onDuplicate(OnDuplicate.MERGE)));
        assertThat(merge.hiddenMatches()).isEqualTo(1);
        assertThat(carl.contacts().create(ContactForm.named("Copy").phone("89017763434")
                .onDuplicate(OnDuplicate.CREATE_ANYWAY)).name().full()).as("where the policy allows it").isEqualTo("Copy");
        var lead = carl.leads().create(LeadForm.named("Request").phone("+7 901 776 34 34"));
        assertThat(carl.leads().findDuplicates(lead.id())).extracting(m -> m.record().id())
                .doesNotContain(secret.id().value());
    }

    @Test
    @Tag("USER-5")
    @DisplayName("a restricted deal is seen and changed by its listed users, its responsible user and admins only")
    void restrictedDeals() {
        Deal open = boris.deals().create(DealForm.in(sales().id()).name("Open deal"));
        Deal restricted = boris.deals().create(DealForm.in(sales().id()).name("Restricted deal")
                .restrictedTo(List.of(borisUser.id())));
        assertThat(restricted.restrictedTo()).containsExactly(borisUser.id());
        assertThatThrownBy(() -> carl.deals().get(restricted.id())).isInstanceOf(NotFoundException.class);
        failsAndChangesNothing(NotFoundException.class, () -> carl.deals().move(restricted.id(),
                sales().stages().get(1).id()));
        failsAndChangesNothing(NotFoundException.class, () -> carl.tasks().create(TaskForm.todo("Peek")
                .on(RecordRef.of(restricted.id())).deadline(clock.instant().plus(Duration.ofHours(1)))));
        assertThat(carl.deals().query(DealFields.NAME.present(), Sort.by(DealFields.NAME), PageRequest.first(10))
                .items()).extracting(Deal::name).containsExactly("Open deal");
        assertThat(anna.deals().query(DealFields.NAME.present(), Sort.by(DealFields.NAME), PageRequest.first(10))
                .items()).extracting(Deal::name).containsExactly("Open deal", "Restricted deal");
        Deal shared = boris.deals().update(restricted.id(), restricted.version(),
                d -> d.restrictedTo(List.of(borisUser.id(), carlUser.id())));
        assertThat(carl.deals().get(shared.id()).name()).isEqualTo("Restricted deal");
        assertThat(carl.deals().update(shared.id(), shared.version(), d -> d.name("Renamed")).name()).isEqualTo("Renamed");
        assertThat(open.restrictedTo()).isEmpty();
        refused(dev.crmkit.api.ValidationException.class, () -> boris.deals().create(DealForm.in(sales().id())
                .restrictedTo(List.of(dev.crmkit.api.user.UserId.of(java.util.UUID.randomUUID())))),
                "deal.restricted.unknown");
    }

    @Test
    @Tag("USER-5")
    @DisplayName("the event feed and the timeline leave out what a user may not see")
    void eventsAndTimeline() {
        Contact open = boris.contacts().create(ContactForm.named("Open Client"));
        boris.timeline().comment(RecordRef.of(secret.id()), "Met at the fair, wants 40 chairs");
        boris.timeline().comment(RecordRef.of(open.id()), "Called, sends the price list");
        List<Event> seenByCarl = carl.events().after(0, 1000);
        assertThat(seenByCarl).extracting(Event::entity).doesNotContain(RecordRef.of(secret.id()))
                .contains(RecordRef.of(open.id()));
        assertThat(anna.events().after(0, 1000)).extracting(Event::entity).contains(RecordRef.of(secret.id()));
        assertThat(carl.timeline().of(RecordRef.of(open.id()))).isNotEmpty();
    }

    @Test
    @Tag("USER-4")
    @DisplayName("export is a right of admins and of users an admin granted it; users cannot grant it themselves")
    void exportRight() {
        assertThat(anna.may(UserRight.EXPORT)).isTrue();
        assertThat(boris.may(UserRight.EXPORT)).isFalse();
        assertThatThrownBy(() -> boris.users().update(borisUser.id(), borisUser.version(),
                u -> u.grant(UserRight.EXPORT))).isInstanceOf(AccessDeniedException.class);
        anna.users().update(borisUser.id(), borisUser.version(), u -> u.grant(UserRight.EXPORT));
        assertThat(boris.may(UserRight.EXPORT)).isTrue();
        assertThat(carl.may(UserRight.EXPORT)).isFalse();
        CrmSession generous = crm(policy().toBuilder().newUserRights(Set.of(UserRight.EXPORT)).build())
                .as(annaUser.id());
        User granted = generous.users().add(UserForm.named("Eve").email("eve@crmkit.test"));
        assertThat(generous.users().add(UserForm.named("Fred").email("fred@crmkit.test").revoke(UserRight.EXPORT))
                .rights()).as("an admin who names the rights decides").isEmpty();
        assertThat(granted.rights()).as("a new user named no rights gets the policy's").containsExactly(UserRight.EXPORT);
    }

    @Test
    @Tag("USER-1")
    @DisplayName("only admins change settings: pipelines, custom fields, lists and users' rights")
    void settingsAreAdmins() {
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.pipelines().create(NewPipeline.named("Mine")));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.customFields().define(
                CustomFieldForm.of(EntityType.DEAL, "Mine", FieldType.TEXT)));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().taskTypes().add("Mine"));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().update(carlUser.id(),
                carlUser.version(), u -> u.grant(UserRight.EXPORT)));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().add(UserForm.named("Dina")));
    }

    @Test
    @Tag("CON-8")
    @DisplayName("no command sets what only operations set: ids, versions, authors, timestamps, markers")
    void noMassAssignment() {
        Set<String> forbidden = Set.of("id", "version", "created", "updated", "author", "closed", "decided",
                "decidedBy", "convertedDeal", "convertedContact", "convertedCompany", "merged", "status",
                "stageEntered", "sequence");
        List<Class<?>> forms = List.of(ContactForm.class, CompanyForm.class, LeadForm.class, DealForm.class,
                TaskForm.class, UserForm.class, CustomFieldForm.class);
        List<String> offending = forms.stream().flatMap(f -> Stream.of(f.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() != Object.class)
                .map(Method::getName).filter(forbidden::contains).map(n -> f.getSimpleName() + "." + n))
                .collect(Collectors.toList());
        assertThat(offending).isEmpty();
        Contact c = boris.contacts().create(ContactForm.named("Versioned"));
        failsAndChangesNothing(ConflictException.class, () -> boris.contacts().update(c.id(), c.version() + 1,
                f -> f.position("CFO")));
        Contact edited = boris.contacts().update(c.id(), c.version(), f -> f.position("CFO"));
        assertThat(edited.version()).as("the version is the store's").isEqualTo(c.version() + 1);
        assertThat(edited.created()).isEqualTo(c.created());
    }

    @Test
    @DisplayName("a null argument of the access calls is refused by its name")
    void nullArguments() {
        assertThatThrownBy(() -> boris.may(null)).isInstanceOf(NullPointerException.class).hasMessage("right");
        assertThatThrownBy(() -> ContactForm.named("Ivan").manager(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("manager");
        assertThatThrownBy(() -> CompanyForm.named("Hooves").removeManager(null))
                .isInstanceOf(NullPointerException.class).hasMessage("manager");
        assertThatThrownBy(() -> DealForm.in(sales().id()).restrictedTo(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("users");
        assertThatThrownBy(() -> DealForm.in(sales().id()).restrictedTo(java.util.Arrays.asList(borisUser.id(), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
    }
}
