package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
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
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.event.EventQuery;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.user.Handover;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.spi.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Users, roles and handover (USER-1, USER-2, USER-3). */
abstract class UsersKit extends FacadeKitBase {

    @Test
    @Tag("USER-1")
    @DisplayName("bootstrap creates the first admin and the default lists once; a second bootstrap fails")
    void bootstrapRunsOnceOnAnEmptyCrm() {
        assertThat(annaUser.role()).isEqualTo(Role.ADMIN);
        assertThat(anna.settings().taskTypes().list()).extracting(ListItem::name)
                .containsExactly("Call", "Meeting", "Letter");
        assertThat(anna.settings().contactTypes().list()).extracting(ListItem::name)
                .contains("Client", "Supplier", "Partner", "Competitor");
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> crm.bootstrap(UserForm.named("Eve").email("eve@crmkit.test")));
        assertThat(codes(e)).containsExactly("crm.bootstrap.done");
    }

    @Test
    @Tag("USER-1")
    @DisplayName("only admins add users and change settings; a manager gets AccessDeniedException and nothing changes")
    void onlyAdminsAddUsersAndChangeSettings() {
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().add(UserForm.named("Carl")));
        failsAndChangesNothing(AccessDeniedException.class,
                () -> boris.pipelines().create(NewPipeline.named("Mine").stage("One", 10)));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.settings().taskTypes().add("Visit"));
        failsAndChangesNothing(AccessDeniedException.class,
                () -> boris.settings().contactTypes().add("Reseller"));
        failsAndChangesNothing(AccessDeniedException.class,
                () -> boris.users().changeRole(borisUser.id(), Role.ADMIN));
        assertThat(anna.settings().taskTypes().add("Visit").name()).isEqualTo("Visit");
        User carl = anna.users().add(UserForm.named("Carl").email("carl@crmkit.test"));
        assertThat(anna.users().list()).extracting(User::name).containsExactly("Anna Admin", "Boris Manager", "Carl");
        assertThat(carl.role()).isEqualTo(Role.USER);
    }

    @Test
    @Tag("USER-1")
    @DisplayName("a new user's bad data is reported all at once and nothing is stored")
    void badUserDataIsReportedAtOnce() {
        ValidationException e = failsAndChangesNothing(ValidationException.class,
                () -> anna.users().add(UserForm.named("  ").email("not an address")));
        assertThat(codes(e)).containsExactlyInAnyOrder("user.name.blank", "email.invalid");
        ValidationException taken = failsAndChangesNothing(ValidationException.class,
                () -> anna.users().add(UserForm.named("Twin").email("BORIS@crmkit.test")));
        assertThat(codes(taken)).containsExactly("user.email.taken");
    }

    @Test
    @Tag("USER-2")
    @DisplayName("an admin can make another user admin; the last active admin can never be demoted")
    void lastActiveAdminCannotBeDemoted() {
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> anna.users().changeRole(annaUser.id(), Role.USER));
        assertThat(codes(e)).containsExactly("user.last_admin");
        assertThat(e.violations().get(0).messageRu()).contains("Anna Admin");
        anna.users().changeRole(borisUser.id(), Role.ADMIN);
        User demoted = boris.users().changeRole(annaUser.id(), Role.USER);
        assertThat(demoted.role()).isEqualTo(Role.USER);
        failsAndChangesNothing(RuleViolationException.class, () -> boris.users().changeRole(borisUser.id(), Role.USER));
        failsAndChangesNothing(AccessDeniedException.class, () -> anna.users().add(UserForm.named("X")));
    }

    @Test
    @Tag("USER-1")
    @DisplayName("admins change a user's settings (time zone, locale, rights) with events; a stale version conflicts")
    void adminsChangeUserSettingsWithEvents() {
        User changed = anna.users().update(borisUser.id(), borisUser.version(), u -> u
                .timeZone(java.time.ZoneId.of("Europe/Moscow")).locale(java.util.Locale.forLanguageTag("ru"))
                .grant(dev.crmkit.api.user.UserRight.EXPORT));
        assertThat(changed.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Moscow"));
        assertThat(changed.rights()).containsExactly(dev.crmkit.api.user.UserRight.EXPORT);
        failsAndChangesNothing(ConflictException.class, () -> anna.users().update(borisUser.id(),
                borisUser.version(), u -> u.name("Boris B.")));
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.users().update(borisUser.id(),
                changed.version(), u -> u.role(dev.crmkit.api.user.Role.ADMIN)));
        assertThat(anna.events().of(RecordRef.of(borisUser.id()))).extracting(e -> e.field().orElse(""))
                .contains("timeZone", "locale", "rights");
    }

    @Test
    @Tag("USER-2")
    @DisplayName("the last active admin can never be deactivated or deleted")
    void lastActiveAdminCannotBeDeactivatedOrDeleted() {
        User carl = anna.users().add(UserForm.named("Carl"));
        RuleViolationException e = failsAndChangesNothing(RuleViolationException.class,
                () -> anna.users().deactivate(annaUser.id(), carl.id()));
        assertThat(codes(e)).containsExactly("user.last_admin");
        failsAndChangesNothing(RuleViolationException.class, () -> anna.users().delete(annaUser.id(), carl.id()));
    }

    @Test
    @Tag("USER-3")
    @DisplayName("deactivating needs an active successor other than the user")
    void deactivatingNeedsAnActiveSuccessor() {
        User carl = anna.users().add(UserForm.named("Carl"));
        refused(RuleViolationException.class,
                () -> anna.users().deactivate(borisUser.id(), null), "user.successor.required");
        refused(RuleViolationException.class,
                () -> anna.users().deactivate(borisUser.id(), borisUser.id()), "user.successor.self");
        anna.users().deactivate(carl.id(), annaUser.id());
        refused(RuleViolationException.class,
                () -> anna.users().deactivate(borisUser.id(), carl.id()), "user.successor.inactive");
    }

    @Test
    @Tag("USER-3")
    @DisplayName("a leaving user's deals, contacts, companies and open tasks move to the successor in one go, with events")
    void leavingUsersRecordsMoveToTheSuccessor() {
        Pipeline p = sales();
        Company horns = boris.companies().create(CompanyForm.named("Horns"));
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Deal d1 = boris.deals().create(DealForm.in(p.id()).name("Chairs").contact(ivan.id()));
        Deal d2 = boris.deals().create(DealForm.in(p.id()).name("Tables"));
        Task open = boris.tasks().create(TaskForm.todo("Call Ivan").on(RecordRef.of(d1.id())).deadline(T0.plusSeconds(3600)));
        Task done = boris.tasks().create(TaskForm.todo("Send offer").on(RecordRef.of(d1.id())).deadline(T0.plusSeconds(7200)));
        boris.tasks().close(done.id(), Optional.of("Sent"));
        Deal annas = anna.deals().create(DealForm.in(p.id()).name("Anna's own"));
        dev.crmkit.api.lead.Lead lead = data.aLead("Request from the site", borisUser.id());
        committed(tx -> tx.leads().insert(lead));
        long before = anna.events().after(0, 10_000).size();

        Handover h = anna.users().deactivate(borisUser.id(), annaUser.id());

        assertThat(h).isEqualTo(new Handover(borisUser.id(), annaUser.id(), 2, 1, 1, 1, 1));
        assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(lead.id())).responsible())
                .isEqualTo(annaUser.id());
        assertThat(anna.deals().get(d1.id()).responsible()).isEqualTo(annaUser.id());
        assertThat(anna.deals().get(d2.id()).responsible()).isEqualTo(annaUser.id());
        assertThat(anna.deals().get(annas.id()).version()).isEqualTo(annas.version());
        assertThat(anna.contacts().get(ivan.id()).responsible()).isEqualTo(annaUser.id());
        assertThat(anna.companies().get(horns.id()).responsible()).isEqualTo(annaUser.id());
        assertThat(anna.tasks().get(open.id()).assignee()).isEqualTo(annaUser.id());
        assertThat(anna.tasks().get(done.id()).assignee()).as("closed tasks stay").isEqualTo(borisUser.id());
        List<Event> events = anna.events().after(0, 10_000).subList((int) before, anna.events().after(0, 10_000).size());
        assertThat(events).filteredOn(e -> e.kind() == EventKind.RESPONSIBLE_CHANGED).hasSize(6)
                .allSatisfy(e -> {
                    assertThat(e.before()).contains("Boris Manager");
                    assertThat(e.after()).contains("Anna Admin");
                    assertThat(e.author()).contains(annaUser.id());
                });
        assertThat(events).anySatisfy(e -> assertThat(e.field()).contains("active"));
        assertThat(anna.users().find(borisUser.id()).orElseThrow().active()).isFalse();
        failsAndChangesNothing(AccessDeniedException.class, () -> boris.deals().create(DealForm.in(p.id())));
    }

    @Test
    @Tag("USER-3")
    @DisplayName("deleting a user hands over their records and removes the user")
    void deletingAUserHandsOverTheirRecords() {
        Deal d = chairs(boris);
        Handover h = anna.users().delete(borisUser.id(), annaUser.id());
        assertThat(h.deals()).isEqualTo(1);
        assertThat(anna.users().find(borisUser.id())).isEmpty();
        assertThat(anna.deals().get(d.id()).responsible()).isEqualTo(annaUser.id());
        assertThat(anna.events().query(EventQuery.all().kinds(EventKind.DELETED).entityType(EntityType.USER),
                PageRequest.first(10)).items()).hasSize(1);
    }
}
