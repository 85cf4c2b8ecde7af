package dev.crmkit.core.user;

import dev.crmkit.api.Limits;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Text;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.UserFields;
import dev.crmkit.api.user.Role;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.CoreMessages;
import dev.crmkit.core.support.Engine;
import dev.crmkit.core.support.Pages;
import dev.crmkit.core.support.References;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.support.Violations;
import dev.crmkit.spi.Transaction;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Users and their rights (USER-1, USER-2, USER-3). Only administrators add users and change their
 * settings; the last active administrator can never be demoted, deactivated or deleted; a user who
 * leaves hands their deals, contacts, companies, leads and open tasks to a successor in one
 * transaction. Obtained from {@code CrmSession}; thread-safe.
 */
public final class UserService {

    /** Serializes changes of users, so the last-admin rule holds under concurrency. */
    static final String USERS_LOCK = "crmkit:users";

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
     * Adds a user (admins only).
     *
     * @param form the new user
     * @return the stored user
     * @throws dev.crmkit.api.AccessDeniedException when the acting user is not an admin
     * @throws dev.crmkit.api.ValidationException listing every problem with the input
     */
    public User add(UserForm form) {
        Objects.requireNonNull(form, "form");
        return context.write(unit -> {
            unit.requireAdmin("add users");
            unit.tx().lock(List.of(USERS_LOCK));
            return unit.insert(unit.tx().users(), build(unit.engine(), unit.tx(), form, null, unit.now()));
        });
    }

    /**
     * Changes a user's name, e-mail, role, time zone, locale and rights (admins only): the edit gets the
     * user's form filled with its values, {@code u -> u.timeZone(ZoneId.of("Europe/Moscow"))}.
     *
     * @param id the user
     * @param expectedVersion the version the change is based on
     * @param edit what changes
     * @return the stored user
     * @throws dev.crmkit.api.ConflictException when the user changed since that version
     * @throws RuleViolationException {@code user.last_admin} when this would leave no active admin
     */
    public User update(UserId id, long expectedVersion, Consumer<? super UserForm> edit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(edit, "edit");
        return context.write(unit -> {
            unit.requireAdmin("change users");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = unit.requireVersion(unit.tx().users().get(id), expectedVersion);
            UserForm form = UserForm.of(current);
            edit.accept(form);
            User next = build(unit.engine(), unit.tx(), form, current, unit.now());
            if (current.isActiveAdmin() && !next.isActiveAdmin()) {
                requireAnotherActiveAdmin(unit.tx(), current);
            }
            return unit.update(unit.tx().users(), current, next);
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
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        return context.write(unit -> {
            unit.requireAdmin("change roles");
            unit.tx().lock(List.of(USERS_LOCK));
            User current = unit.tx().users().get(id);
            if (current.isActiveAdmin() && role != Role.ADMIN) {
                requireAnotherActiveAdmin(unit.tx(), current);
            }
            return unit.update(unit.tx().users(), current, current.toBuilder().role(role).build());
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
        return leave(id, successor, "deactivate users",
                (unit, leaving) -> unit.update(unit.tx().users(), leaving, leaving.toBuilder().active(false).build()));
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
        return leave(id, successor, "delete users", (unit, leaving) -> unit.delete(unit.tx().users(), leaving));
    }

    /** Hands the leaving user's work to the successor, then deactivates or deletes them ({@code then}). */
    private Handover leave(UserId id, UserId successor, String action, BiConsumer<Unit, User> then) {
        Objects.requireNonNull(id, "id");
        return context.write(unit -> {
            unit.requireAdmin(action);
            unit.tx().lock(List.of(USERS_LOCK));
            User leaving = unit.tx().users().get(id);
            Handover handover = handOver(unit, leaving, successor);
            then.accept(unit, leaving);
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
        Objects.requireNonNull(id, "id");
        return context.read(unit -> unit.tx().users().find(id));
    }

    /**
     * Every user, by name.
     *
     * @return the users
     */
    public List<User> list() {
        return context.read(unit -> Pages.all(unit.tx().users(), Filter.all()).stream()
                .sorted(Comparator.comparing(User::name)).collect(Collectors.toList()));
    }

    /**
     * The first administrator of an empty CRM, not yet stored: the bootstrap stores it as its first write.
     *
     * @param engine the CRM's engine
     * @param tx the bootstrap's transaction
     * @param form the administrator; the role is forced to admin
     * @param now the bootstrap's time
     * @return the user
     * @throws RuleViolationException {@code crm.bootstrap.done} when the CRM has users already
     */
    @SuppressWarnings("exports")
    public static User firstAdmin(Engine engine, Transaction tx, UserForm form, Instant now) {
        tx.lock(List.of(USERS_LOCK));
        if (tx.users().count(Filter.all()) > 0) {
            throw RuleViolationException.of(CoreMessages.violation("", "crm.bootstrap.done"));
        }
        return build(engine, tx, form.role(Role.ADMIN), null, now);
    }

    private Handover handOver(Unit unit, User leaving, UserId successorId) {
        Violations v = new Violations();
        if (successorId == null) {
            v.add("successor", "user.successor.required", leaving.name()).throwRuleIfAny();
        }
        if (successorId.equals(leaving.id())) {
            v.add("successor", "user.successor.self", leaving.name()).throwRuleIfAny();
        }
        User successor = unit.tx().users().get(successorId);
        if (!successor.active()) {
            v.add("successor", "user.successor.inactive", successor.name());
        }
        if (leaving.isActiveAdmin() && otherActiveAdmins(unit.tx(), leaving.id()) == 0) {
            v.add("", "user.last_admin", leaving.name());
        }
        v.throwRuleIfAny();
        Map<String, Integer> moved = References.handOver(unit, leaving.id(), successor.id());
        return new Handover(leaving.id(), successor.id(), moved.get("deals"), moved.get("contacts"),
                moved.get("companies"), moved.get("leads"), moved.get("openTasks"));
    }

    private static long otherActiveAdmins(Transaction tx, UserId id) {
        return tx.users().count(Filter.and(UserFields.ROLE.eq(Role.ADMIN), UserFields.ACTIVE.eq(true),
                UserFields.ID.ne(id)));
    }

    private static void requireAnotherActiveAdmin(Transaction tx, User user) {
        if (otherActiveAdmins(tx, user.id()) == 0) {
            throw RuleViolationException.of(CoreMessages.violation("role", "user.last_admin", user.name()));
        }
    }

    /** The user a form describes, new or the next state of {@code current}; every problem at once. */
    private static User build(Engine engine, Transaction tx, UserForm form, User current, Instant now) {
        Violations v = new Violations().addAll(engine.validator().validate(form));
        // new Locale(...) takes any text; a locale is stored as its string, so that must be a clean code.
        v.addAll(Text.checkCode("locale", form.localeValue().toString(), Limits.CODE));
        Email email = form.emailValue().map(raw -> v.parse("email", () -> Email.parse(raw))).orElse(null);
        if (email != null) {
            tx.users().byEmail(email).filter(other -> current == null || !other.id().equals(current.id()))
                    .ifPresent(other -> v.add("email", "user.email.taken", email));
        }
        v.throwIfAny();
        var b = current == null
                ? User.builder().id(new UserId(engine.ids().next())).created(now).updated(now).active(true)
                : current.toBuilder();
        b.name(form.nameValue()).role(form.roleValue()).timeZone(form.timeZoneValue()).locale(form.localeValue())
                .rights(form.rightsValue(engine.policy().newUserRights()));
        if (email == null) {
            b.clearEmail();
        } else {
            b.email(email);
        }
        return b.build();
    }
}
