package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.user.UserForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of access rights (CON-8, USER-5): seeded random operations by several users through the
 * public API — contacts with every share and random managers, deals restricted to random users, edits that
 * change shares and restrictions, edits by users who may or may not change the record — and after every one,
 * each user's answers (queries, lookups by id, the outcome of each edit) are checked against a small reference
 * model of who may see and change what. Runs on every adapter, so both agree with the model.
 */
abstract class VisibilityModelKit extends FacadeKitBase {

    private static final int OPERATIONS = 120;

    /** What the model keeps of a contact. */
    private record ModelContact(UserId responsible, Set<UserId> managers, AccessLevel access) {
        boolean seenBy(User u) {
            return u.role() == Role.ADMIN || access != AccessLevel.PRIVATE || managedBy(u.id());
        }

        boolean changedBy(User u) {
            return u.role() == Role.ADMIN || access == AccessLevel.SHARED_WRITE || managedBy(u.id());
        }

        private boolean managedBy(UserId u) {
            return responsible.equals(u) || managers.contains(u);
        }
    }

    /** What the model keeps of a deal. */
    private record ModelDeal(UserId responsible, Set<UserId> restrictedTo) {
        boolean seenBy(User u) {
            return u.role() == Role.ADMIN || restrictedTo.isEmpty() || restrictedTo.contains(u.id())
                    || responsible.equals(u.id());
        }
    }

    @Test
    @Tag("CON-8")
    @Tag("USER-5")
    @DisplayName("seeded random operations by four users: every answer agrees with the reference model of access")
    void agreesWithTheModel() {
        Random random = new Random(20261203L);
        List<User> users = new ArrayList<>(List.of(annaUser, borisUser));
        users.add(anna.users().add(UserForm.named("Carl").email("carl@crmkit.test")));
        users.add(anna.users().add(UserForm.named("Dina").email("dina@crmkit.test")));
        Map<UserId, CrmSession> sessions = new LinkedHashMap<>();
        users.forEach(u -> sessions.put(u.id(), crm.as(u.id())));
        Map<ContactId, ModelContact> contacts = new LinkedHashMap<>();
        Map<DealId, ModelDeal> deals = new LinkedHashMap<>();
        var pipeline = sales().id();

        for (int op = 0; op < OPERATIONS; op++) {
            User actor = users.get(random.nextInt(users.size()));
            CrmSession as = sessions.get(actor.id());
            int kind = random.nextInt(10);
            String step = "operation " + op + " by " + actor.name();
            if (kind < 3 || contacts.isEmpty()) {
                UserId responsible = users.get(random.nextInt(users.size())).id();
                Set<UserId> managers = someOf(users, random);
                AccessLevel access = AccessLevel.values()[random.nextInt(3)];
                ContactForm form = ContactForm.named("Client " + op).responsible(responsible).access(access);
                managers.forEach(form::manager);
                Contact made = as.contacts().create(form);
                contacts.put(made.id(), new ModelContact(responsible, managers, access));
            } else if (kind < 5) {
                UserId responsible = users.get(random.nextInt(users.size())).id();
                Set<UserId> restricted = someOf(users, random);
                Deal made = as.deals().create(DealForm.in(pipeline).name("Deal " + op).responsible(responsible)
                        .restrictedTo(restricted));
                deals.put(made.id(), new ModelDeal(responsible, restricted));
            } else if (kind < 8) {
                ContactId id = pick(contacts.keySet(), random);
                ModelContact before = contacts.get(id);
                AccessLevel access = AccessLevel.values()[random.nextInt(3)];
                Set<UserId> managers = someOf(users, random);
                Throwable failure = catchThrowable(() -> {
                    Contact current = anna.contacts().get(id);
                    as.contacts().update(id, current.version(), f -> {
                        f.access(access);
                        current.managers().forEach(f::removeManager);
                        managers.forEach(f::manager);
                    });
                });
                if (!before.seenBy(actor)) {
                    assertThat(failure).as(step + ": an edit of a contact not seen").isInstanceOf(NotFoundException.class);
                } else if (!before.changedBy(actor)) {
                    assertThat(failure).as(step + ": an edit of a read-only contact").isInstanceOf(AccessDeniedException.class);
                } else {
                    assertThat(failure).as(step + ": an allowed edit").isNull();
                    contacts.put(id, new ModelContact(before.responsible(), managers, access));
                }
            } else if (!deals.isEmpty()) {
                DealId id = pick(deals.keySet(), random);
                ModelDeal before = deals.get(id);
                Set<UserId> restricted = someOf(users, random);
                Throwable failure = catchThrowable(() -> {
                    Deal current = anna.deals().get(id);
                    as.deals().update(id, current.version(), f -> f.restrictedTo(restricted));
                });
                if (before.seenBy(actor)) {
                    assertThat(failure).as(step + ": an edit of a deal seen").isNull();
                    deals.put(id, new ModelDeal(before.responsible(), restricted));
                } else {
                    assertThat(failure).as(step + ": an edit of a deal not seen").isInstanceOf(NotFoundException.class);
                }
            }
            for (User u : users) {
                check(step, u, sessions.get(u.id()), contacts, deals, random);
            }
        }
        assertThat(contacts).hasSizeGreaterThan(20);
        assertThat(contacts.values().stream().map(ModelContact::access).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AccessLevel.values());
    }

    private void check(String step, User u, CrmSession s, Map<ContactId, ModelContact> contacts,
                       Map<DealId, ModelDeal> deals, Random random) {
        Set<ContactId> seenContacts = new TreeSet<>(dev.crmkit.api.EntityId.ORDER);
        seenContacts.addAll(s.contacts().query(Filter.all(), Sort.byId(), PageRequest.first(1000)).items().stream()
                .map(Contact::id).collect(Collectors.toList()));
        Set<ContactId> expectedContacts = new TreeSet<>(dev.crmkit.api.EntityId.ORDER);
        contacts.forEach((id, c) -> {
            if (c.seenBy(u)) {
                expectedContacts.add(id);
            }
        });
        assertThat(seenContacts).as(step + ": the contacts " + u.name() + " sees").isEqualTo(expectedContacts);
        Set<DealId> seenDeals = new TreeSet<>(dev.crmkit.api.EntityId.ORDER);
        seenDeals.addAll(s.deals().query(DealFields.NAME.present(), Sort.byId(), PageRequest.first(1000)).items()
                .stream().map(Deal::id).collect(Collectors.toList()));
        Set<DealId> expectedDeals = new TreeSet<>(dev.crmkit.api.EntityId.ORDER);
        deals.forEach((id, d) -> {
            if (d.seenBy(u)) {
                expectedDeals.add(id);
            }
        });
        assertThat(seenDeals).as(step + ": the deals " + u.name() + " sees").isEqualTo(expectedDeals);
        long counted = s.contacts().query(ContactFields.ACCESS.eq(AccessLevel.PRIVATE), Sort.byId(),
                PageRequest.first(1000)).items().size();
        assertThat(counted).as(step + ": the private contacts " + u.name() + " sees").isEqualTo(contacts.values()
                .stream().filter(c -> c.access() == AccessLevel.PRIVATE && c.seenBy(u)).count());
        if (!contacts.isEmpty()) {
            ContactId id = pick(contacts.keySet(), random);
            Throwable lookup = catchThrowable(() -> s.contacts().get(id));
            if (contacts.get(id).seenBy(u)) {
                assertThat(lookup).as(step + ": " + u.name() + " reads a contact seen").isNull();
            } else {
                assertThat(lookup).as(step + ": " + u.name() + " reads a contact not seen").isInstanceOf(NotFoundException.class);
            }
        }
    }

    private static Set<UserId> someOf(List<User> users, Random random) {
        Set<UserId> some = new LinkedHashSet<>();
        if (random.nextInt(3) == 0) {
            return some;
        }
        for (User u : users) {
            if (random.nextInt(3) == 0) {
                some.add(u.id());
            }
        }
        return some;
    }

    private static <T> T pick(Set<T> from, Random random) {
        int n = random.nextInt(from.size());
        for (T t : from) {
            if (n-- == 0) {
                return t;
            }
        }
        throw new IllegalStateException("empty");
    }
}
