package dev.crmkit.core.support;

import dev.crmkit.api.user.User;
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
 * What every operation of a CRM needs, shared by all its sessions: the storage, the policy, the clock,
 * the id generator, the validator and the scan's thread count. Immutable and thread-safe.
 */
public final class Engine {

    private final Storage storage;
    private final Policy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final CommandValidator validator;
    private final int scanThreads;

    /**
     * Creates the engine.
     *
     * @param storage the storage
     * @param policy the policy
     * @param clock the clock every time comes from
     * @param scanThreads how many threads a large duplicate scan may use, at least 1
     */
    public Engine(Storage storage, Policy policy, Clock clock, int scanThreads) {
        if (scanThreads < 1) {
            throw new IllegalArgumentException("scanThreads must be at least 1, not " + scanThreads);
        }
        this.scanThreads = scanThreads;
        this.storage = Objects.requireNonNull(storage, "storage");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new IdGenerator(clock);
        this.validator = new CommandValidator();
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
     * The id generator.
     *
     * @return the generator
     */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * How many threads a large duplicate scan may use (the calling thread and the common pool's).
     *
     * @return at least 1
     */
    public int scanThreads() {
        return scanThreads;
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
     * Runs one operation in one transaction: {@code actor} finds (or, for the bootstrap, creates) the
     * acting user, then {@code work} runs as them; the events the work records are appended in the same
     * transaction, so they exist exactly when its changes do.
     *
     * @param actor gives the acting user, given the transaction and the operation's time
     * @param readOnly true for a read, whose unit refuses to write
     * @param work the operation
     * @param <T> its result
     * @return the result
     */
    public <T> T run(ActorSource actor, boolean readOnly, Function<Unit, T> work) {
        return storage.inTransaction(tx -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Unit unit = new Unit(this, tx, actor.actor(tx, now), now, readOnly);
            T result = work.apply(unit);
            unit.flush();
            return result;
        });
    }

    /** Where the acting user of an operation comes from. */
    @FunctionalInterface
    public interface ActorSource {
        /**
         * The acting user.
         *
         * @param tx the operation's transaction
         * @param now the operation's time
         * @return the user
         */
        User actor(Transaction tx, Instant now);
    }
}
