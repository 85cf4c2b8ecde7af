package dev.crmkit.core;

import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.settings.Defaults;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Engine;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.core.user.UserService;
import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRM: storage, policy and clock put together. Build one with {@link #builder()}, set it up once with
 * {@link #bootstrap(UserForm)}, then act as a user with {@link #as(UserId)}.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm()).clock(Clock.systemUTC()).build();
 * User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@example.com"));
 * CrmSession anna = crm.as(admin.id());
 * }</pre>
 *
 * <p>A {@code Crm} is immutable and thread-safe; share one per storage.
 */
public final class Crm {

    private static final Logger LOG = LoggerFactory.getLogger(Crm.class);

    private final Engine engine;

    private Crm(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts building a CRM. The policy defaults to {@link Policies#amoCrm()} and the clock to UTC system
     * time; the storage must be given.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A session acting as a user: every call checks that user's rights and records them as the author.
     *
     * @param user the acting user
     * @return the session
     */
    public CrmSession as(UserId user) {
        return new CrmSession(new Context(engine, Objects.requireNonNull(user, "user")));
    }

    /**
     * Sets up an empty CRM: creates the first administrator and the default admin-managed lists (task
     * types call, meeting, letter; contact types; temperature levels; loss reasons), with events.
     *
     * @param firstAdmin the first administrator; the role is forced to admin
     * @return the administrator
     * @throws RuleViolationException {@code crm.bootstrap.done} when the CRM already has users
     * @throws dev.crmkit.api.ValidationException when the user's data is invalid
     */
    public User bootstrap(UserForm firstAdmin) {
        Objects.requireNonNull(firstAdmin, "firstAdmin");
        User admin = engine.run((tx, now) -> UserService.firstAdmin(engine, tx, firstAdmin, now), false, unit -> {
            User stored = unit.insert(unit.tx().users(), unit.actor());
            Defaults.seed(unit);
            return stored;
        });
        LOG.info("crmkit bootstrapped: first administrator {}, policy {}", admin.id(), engine.policy().name());
        return admin;
    }

    /**
     * The policy in force.
     *
     * @return the policy
     */
    public Policy policy() {
        return engine.policy();
    }

    /**
     * The clock every time in the CRM comes from.
     *
     * @return the clock
     */
    public Clock clock() {
        return engine.clock();
    }

    /** Builds a {@link Crm}; not thread-safe. */
    public static final class Builder {
        private Storage storage;
        private Policy policy = Policies.amoCrm();
        private Clock clock = Clock.systemUTC();
        private int scanThreads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Sets the storage adapter.
         *
         * @param value the storage
         * @return this builder
         */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /**
         * Sets the policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * Sets the clock every time in the CRM comes from.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how many threads a large duplicate scan ({@code contacts().scanDuplicates()}) may use: the calling
         * thread and up to {@code threads - 1} of the common {@link java.util.concurrent.ForkJoinPool}'s, for
         * scans of 20,000 contacts or more whose count the storage knows up front (the in-memory adapter, for a
         * user who sees every contact). The clusters are the same for any count. Defaults to the number of
         * processors; 1 keeps every scan on the calling thread.
         *
         * @param threads at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code threads} is less than 1
         */
        public Builder scanThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("scanThreads must be at least 1, not " + threads);
            }
            this.scanThreads = threads;
            return this;
        }

        /**
         * Builds the CRM.
         *
         * @return the CRM
         * @throws IllegalStateException when no storage was set
         */
        public Crm build() {
            if (storage == null) {
                throw new IllegalStateException("a Crm needs a storage: call storage(...)");
            }
            LOG.debug("crmkit on {} with the {} policy", storage, policy.name());
            return new Crm(new Engine(storage, policy, clock, scanThreads));
        }
    }
}
