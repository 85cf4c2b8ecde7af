package dev.crmkit.core.support;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.id.IdGenerator;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every service of one session needs: the storage, the policy, the clock, ids, validation and
 * the acting user. Immutable and thread-safe; shared by a session's services.
 */
public final class Context {

    private final Storage storage;
    private final Policy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final CommandValidator validator;
    private final UserId actor;

    /**
     * Creates a context.
     *
     * @param storage the storage
     * @param policy the policy
     * @param clock the clock
     * @param ids the id generator
     * @param validator the command validator
     * @param actor the acting user, or null for the system (bootstrap)
     */
    public Context(Storage storage, Policy policy, Clock clock, IdGenerator ids, CommandValidator validator, UserId actor) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.actor = actor;
    }

    /**
     * The same context acting as another user.
     *
     * @param user the user
     * @return the context
     */
    public Context as(UserId user) {
        return new Context(storage, policy, clock, ids, validator, Objects.requireNonNull(user, "user"));
    }

    /**
     * The policy in force.
     *
     * @return the policy
     */
    public Policy policy() {
        return policy;
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The current time at the storage's precision (microseconds).
     *
     * @return the instant
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The id generator.
     *
     * @return the generator
     */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * The command validator.
     *
     * @return the validator
     */
    public CommandValidator validator() {
        return validator;
    }

    /**
     * Runs an operation of the acting user in one transaction: the user must exist and be active; the
     * operation's events are appended in the same transaction, so they exist exactly when its changes do.
     *
     * @param work the operation
     * @param <T> its result
     * @return the result
     * @throws AccessDeniedException when the acting user is missing or inactive
     */
    public <T> T write(Function<Unit, T> work) {
        if (actor == null) {
            throw new IllegalStateException("a session needs an acting user");
        }
        return storage.inTransaction(tx -> {
            User user = tx.users().find(actor).orElseThrow(() ->
                    new AccessDeniedException("unknown user " + actor + " cannot act"));
            if (!user.active()) {
                throw new AccessDeniedException("user " + user.name() + " is deactivated and cannot act");
            }
            Unit unit = new Unit(this, tx, user, now());
            T result = work.apply(unit);
            unit.flush();
            return result;
        });
    }

    /**
     * Runs a read of the acting user in a transaction.
     *
     * @param work the read
     * @param <T> its result
     * @return the result
     */
    public <T> T read(Function<Unit, T> work) {
        return write(work);
    }

    /**
     * Runs the bootstrap: in one transaction, creates the first user and then runs work acting as them.
     *
     * @param admin creates and stores the first user, given the transaction and the operation's time
     * @param work what follows, acting as that user
     * @param <T> the result
     * @return the result
     */
    public <T> T bootstrap(java.util.function.BiFunction<Transaction, Instant, User> admin, Function<Unit, T> work) {
        return storage.inTransaction(tx -> {
            Instant at = now();
            Unit unit = new Unit(this, tx, admin.apply(tx, at), at);
            T result = work.apply(unit);
            unit.flush();
            return result;
        });
    }
}
