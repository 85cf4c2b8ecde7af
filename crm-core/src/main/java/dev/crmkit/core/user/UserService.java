package dev.crmkit.core.user;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Records;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.api.query.CompanyFields;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.spi.Transaction;
import dev.crmkit.api.query.UserFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Users and their rights (USER-1, USER-2, USER-3). Only administrators add users and change their
 * settings; the last active administrator can never be demoted, deactivated or deleted; a user who
 * leaves hands their deals, contacts, companies, leads and open tasks to a successor in one
 * transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class UserService {

    private static final String USERS_LOCK = "crmkit:users";

    private final Context context;

    /**
     * Used by {@code CrmSession}; not for direct construction.
     *
     * @param context the session's context
     */
    @SuppressWarnings("exports")
    public UserService(Context context) {
        this.context = context;
    }

    /**
     * Creates the first administrator and runs the seeding of default lists, in one transaction.
     *
     * @param context the CRM's context
     * @param form the administrator
     * @param seed what else a new CRM gets
     * @return the administrator
     */
    @SuppressWarnings("exports")
    public static User bootstrap(Context context, NewUser form, Consumer<Unit> seed) {
        return context.bootstrap((tx, now) -> {
            tx.lock(List.of(USERS_LOCK));
            if (tx.users().count(Filter.all()) > 0) {
                throw RuleViolationException.of(CoreMessages.violation("", "crm.bootstrap.done"));
            }
            User admin = build(context, tx, form.role(Role.ADMIN), null, now);
            return tx.users().insert(admin);
        }, unit -> {
            unit.event(RecordRef.of(unit.actor().id()), unit.actor().name(), EventKind.CREATED);
            seed.accept(unit);
            return unit.actor();
        });
    }

    /**
     * Adds a user (admins only).
     *
     * @param form the new user
     * @return the stored user
     * @throws dev.crmkit.api.AccessDeniedException when the acting user is not an admin
     * @throws dev.crmkit.api.ValidationException listing every problem with the input
     */
    public User add(NewUser form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            unit.requireAdmin("add users");
            unit.tx().lock(List.of(USERS_LOCK));
            User user = unit.tx().users().insert(build(context, unit.tx(), form, null, unit.now()));
            unit.event(RecordRef.of(user.id()), user.name(), EventKind.CREATED);
            return user;
        });
    }

    /**
     * Changes a user's name, e-mail, time zone, locale, rights and role (admins only).
     *
     * @param id the user
     * @param expectedVersion the version the change is based on
     * @param form the new values
     * @return the stored user
     * @throws dev.crmkit.api.ConflictException when the user changed since that version
     * @throws RuleViolationException {@code user.last_admin} when this would leave no active admin
     */
    public User update(UserId id, long expectedVersion, NewUser form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            unit.requireAdmin("change users");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = Records.requireVersion(unit.tx().users().get(id), expectedVersion);
            User next = build(context, unit.tx(), form, current, unit.now());
            if (current.isActiveAdmin() && !next.isActiveAdmin()) {
                requireAnotherActiveAdmin(unit.tx(), id);
            }
            User stored = unit.tx().users().update(next, expectedVersion);
            RecordRef ref = RecordRef.of(id);
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "name", current.name(), stored.name());
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "email", current.email(), stored.email());
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "role", current.role(), stored.role());
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "timeZone", current.timeZone(), stored.timeZone());
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "locale", current.locale(), stored.locale());
            unit.change(ref, stored.name(), EventKind.FIELD_CHANGED, "rights", current.rights(), stored.rights());
            return stored;
        });
    }

    /**
     * Makes a user an administrator or an ordinary user (admins only, USER-2).
     *
     * @param id the user
     * @param role the new role
     * @return the stored user
     * @throws RuleViolationException {@code user.last_admin} when demoting the last active admin
     */
    public User changeRole(UserId id, Role role) {
        Objects.requireNonNull(role, "role");
        return context.write(unit -> {
            unit.requireAdmin("change roles");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = unit.tx().users().get(id);
            if (current.role() == role) {
                return current;
            }
            if (current.isActiveAdmin()) {
                requireAnotherActiveAdmin(unit.tx(), id);
            }
            User stored = unit.tx().users().update(current.toBuilder().version(current.version() + 1)
                    .updated(unit.now()).role(role).build(), current.version());
            unit.change(RecordRef.of(id), stored.name(), EventKind.FIELD_CHANGED, "role", current.role(), role);
            return stored;
        });
    }

    /**
     * Deactivates a user, handing everything they are responsible for to a successor (USER-3).
     *
     * @param id the user who leaves
     * @param successor who takes over; an active user other than {@code id}
     * @return what moved
     * @throws RuleViolationException {@code user.successor.required}, {@code user.successor.inactive},
     *         {@code user.last_admin}
     */
    public Handover deactivate(UserId id, UserId successor) {
        return context.write(unit -> {
            unit.requireAdmin("deactivate users");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = unit.tx().users().get(id);
            Handover handover = handOver(unit, current, successor);
            User stored = unit.tx().users().update(current.toBuilder().version(current.version() + 1)
                    .updated(unit.now()).active(false).build(), current.version());
            unit.change(RecordRef.of(id), stored.name(), EventKind.FIELD_CHANGED, "active", true, false);
            return handover;
        });
    }

    /**
     * Deletes a user, handing everything they are responsible for to a successor (USER-3).
     *
     * @param id the user who leaves
     * @param successor who takes over; an active user other than {@code id}
     * @return what moved
     * @throws RuleViolationException as {@link #deactivate(UserId, UserId)}
     */
    public Handover delete(UserId id, UserId successor) {
        return context.write(unit -> {
            unit.requireAdmin("delete users");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = unit.tx().users().get(id);
            Handover handover = handOver(unit, current, successor);
            unit.tx().users().delete(id, current.version());
            unit.event(RecordRef.of(id), current.name(), EventKind.DELETED);
            return handover;
        });
    }

    /**
     * Finds a user.
     *
     * @param id the user
     * @return the user, if any
     */
    public Optional<User> find(UserId id) {
        return context.read(unit -> unit.tx().users().find(id));
    }

    /**
     * Every user, by name.
     *
     * @return the users
     */
    public List<User> list() {
        return context.read(unit -> Records.all(unit.tx().users(), Filter.all()).stream()
                .sorted(Comparator.comparing(User::name)).collect(Collectors.toList()));
    }

    private Handover handOver(Unit unit, User leaving, UserId successorId) {
        Violations v = new Violations();
        if (successorId == null) {
            v.add("successor", "user.successor.required", leaving.name());
            v.throwRuleIfAny();
        }
        if (successorId.equals(leaving.id())) {
            v.add("successor", "user.successor.self", leaving.name());
            v.throwRuleIfAny();
        }
        Transaction tx = unit.tx();
        User successor = tx.users().get(successorId);
        if (!successor.active()) {
            v.add("successor", "user.successor.inactive", successor.name());
        }
        if (leaving.isActiveAdmin() && tx.users().count(Filter.and(UserFields.ROLE.eq(Role.ADMIN),
                UserFields.ACTIVE.eq(true), UserFields.ID.ne(leaving.id()))) == 0) {
            v.add("", "user.last_admin", leaving.name());
        }
        v.throwRuleIfAny();
        Instant now = unit.now();
        UserId to = successor.id();
        String toName = successor.name();
        String fromName = leaving.name();
        int deals = 0;
        for (Deal d : Records.all(tx.deals(), DealFields.RESPONSIBLE.eq(leaving.id()))) {
            tx.deals().update(d.toBuilder().version(d.version() + 1).updated(now).responsible(to).build(), d.version());
            unit.change(RecordRef.of(d.id()), d.name(), EventKind.RESPONSIBLE_CHANGED, "responsible", fromName, toName);
            deals++;
        }
        int contacts = 0;
        for (Contact c : Records.all(tx.contacts(), ContactFields.RESPONSIBLE.eq(leaving.id()))) {
            tx.contacts().update(c.toBuilder().version(c.version() + 1).updated(now).responsible(to).build(), c.version());
            unit.change(RecordRef.of(c.id()), c.name().full(), EventKind.RESPONSIBLE_CHANGED, "responsible", fromName, toName);
            contacts++;
        }
        int companies = 0;
        for (Company c : Records.all(tx.companies(), CompanyFields.RESPONSIBLE.eq(leaving.id()))) {
            tx.companies().update(c.toBuilder().version(c.version() + 1).updated(now).responsible(to).build(), c.version());
            unit.change(RecordRef.of(c.id()), c.name(), EventKind.RESPONSIBLE_CHANGED, "responsible", fromName, toName);
            companies++;
        }
        int leads = 0;
        for (Lead l : Records.all(tx.leads(), LeadFields.RESPONSIBLE.eq(leaving.id()))) {
            tx.leads().update(l.toBuilder().version(l.version() + 1).updated(now).responsible(to).build(), l.version());
            unit.change(RecordRef.of(l.id()), l.name(), EventKind.RESPONSIBLE_CHANGED, "responsible", fromName, toName);
            leads++;
        }
        int tasks = 0;
        for (Task t : tx.tasks().byAssignee(leaving.id())) {
            if (t.isOpen()) {
                tx.tasks().update(t.toBuilder().version(t.version() + 1).updated(now).assignee(to).build(), t.version());
                unit.change(new RecordRef(EntityType.TASK, t.id().value()), t.text(), EventKind.RESPONSIBLE_CHANGED,
                        "assignee", fromName, toName);
                tasks++;
            }
        }
        return new Handover(leaving.id(), to, deals, contacts, companies, leads, tasks);
    }

    private static void requireAnotherActiveAdmin(Transaction tx, UserId id) {
        long others = tx.users().count(Filter.and(UserFields.ROLE.eq(Role.ADMIN), UserFields.ACTIVE.eq(true),
                UserFields.ID.ne(id)));
        if (others == 0) {
            throw RuleViolationException.of(CoreMessages.violation("role", "user.last_admin",
                    tx.users().get(id).name()));
        }
    }

    private static User build(Context context, Transaction tx, NewUser form, User current, Instant now) {
        Violations v = new Violations().addAll(context.validator().validate(form));
        Email email = form.emailValue().map(raw -> v.parse("email", () -> Email.parse(raw))).orElse(null);
        if (email != null) {
            tx.users().byEmail(email).filter(other -> current == null || !other.id().equals(current.id()))
                    .ifPresent(other -> v.add("email", "user.email.taken", email));
        }
        v.throwIfAny();
        User.Builder b = current == null
                ? User.builder().id(new UserId(context.ids().next())).created(now)
                : current.toBuilder().version(current.version() + 1);
        return b.updated(now).name(form.nameValue()).email(Optional.ofNullable(email)).role(form.roleValue())
                .timeZone(form.timeZoneValue()).locale(form.localeValue()).rights(form.rightsValue()).build();
    }
}
