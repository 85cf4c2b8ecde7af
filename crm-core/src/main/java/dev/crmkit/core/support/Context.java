package dev.crmkit.core.support;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.core.policy.Policy;
import java.util.Objects;
import java.util.function.Function;

/**
 * One session's view of a CRM: the shared {@link Engine} and the acting user. Immutable and
 * thread-safe; shared by a session's services.
 */
public final class Context {

    private final Engine engine;
    private final UserId actor;

    /**
     * Creates the context of a session.
     *
     * @param engine the CRM's engine
     * @param actor the acting user
     */
    public Context(Engine engine, UserId actor) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /**
     * The CRM's engine.
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
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
     * Runs a change of the acting user in one transaction. The user must exist and be active.
     *
     * @param work the operation
     * @param <T> its result
     * @return the result
     * @throws AccessDeniedException when the acting user is missing or inactive
     */
    public <T> T write(Function<Unit, T> work) {
        return engine.run((tx, now) -> activeActor(tx.users().find(actor).orElse(null)), false, work);
    }

    /**
     * Runs a read of the acting user in one transaction; its unit refuses to write. The user must exist
     * and be active.
     *
     * @param work the read
     * @param <T> its result
     * @return the result
     * @throws AccessDeniedException when the acting user is missing or inactive
     */
    public <T> T read(Function<Unit, T> work) {
        return engine.run((tx, now) -> activeActor(tx.users().find(actor).orElse(null)), true, work);
    }

    private User activeActor(User user) {
        if (user == null) {
            throw new AccessDeniedException("unknown user " + actor + " cannot act");
        }
        if (!user.active()) {
            throw new AccessDeniedException("user " + user.name() + " is deactivated and cannot act");
        }
        return user;
    }
}
