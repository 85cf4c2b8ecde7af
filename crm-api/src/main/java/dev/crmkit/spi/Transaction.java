package dev.crmkit.spi;

import dev.crmkit.api.ConflictException;
import java.util.Collection;
import java.util.Optional;

/**
 * A unit of work: the ports it hands out read and write inside it. A transaction belongs to the thread
 * running {@link Storage#inTransaction}; it must not be used after that call returns. Once it has ended,
 * the transaction, every port it handed out and every stream they returned throw
 * {@link IllegalStateException} when used, so that nothing (an appended event, say) is silently dropped.
 */
public interface Transaction {

    /**
     * The users.
     *
     * @return the port
     */
    Users users();

    /**
     * The contacts.
     *
     * @return the port
     */
    Contacts contacts();

    /**
     * The companies.
     *
     * @return the port
     */
    Companies companies();

    /**
     * The leads.
     *
     * @return the port
     */
    Leads leads();

    /**
     * The pipelines.
     *
     * @return the port
     */
    Pipelines pipelines();

    /**
     * The custom field definitions.
     *
     * @return the port
     */
    CustomFields customFields();

    /**
     * The log of deals' stage changes.
     *
     * @return the port
     */
    StageTransitions stageTransitions();

    /**
     * The sales goals.
     *
     * @return the port
     */
    SalesGoals salesGoals();

    /**
     * The exchange rates of reports.
     *
     * @return the port
     */
    RateTables rateTables();

    /**
     * The saved import mappings.
     *
     * @return the port
     */
    ImportTemplates importTemplates();

    /**
     * The deals.
     *
     * @return the port
     */
    Deals deals();

    /**
     * The tasks.
     *
     * @return the port
     */
    Tasks tasks();

    /**
     * The timeline entries.
     *
     * @return the port
     */
    Timeline timeline();

    /**
     * The event log.
     *
     * @return the port
     */
    Events events();

    /**
     * The admin-managed lists.
     *
     * @return the port
     */
    Settings settings();

    /**
     * Takes exclusive locks on logical keys (such as phone match keys) until this transaction ends, so
     * transactions that lock a common key run one after the other: whatever the first one committed is
     * visible to the second once it holds the lock. Lock every key a rule needs in one call; keys are
     * taken in a fixed order, so two such calls cannot deadlock. Locking a key this transaction already
     * holds returns at once.
     *
     * @param keys the keys
     * @throws ConflictException if the locks cannot be had within the adapter's lock time-out
     */
    void lock(Collection<String> keys);

    /**
     * The adapter's own computation of report facts, when it has one (an optional capability); crm-core
     * computes them through the ports otherwise.
     *
     * @return the capability, or empty
     */
    default Optional<AnalyticsQueries> analytics() {
        return Optional.empty();
    }

    /**
     * The adapter's own first step of a duplicate scan, when it has one (an optional capability); crm-core
     * reads every contact through the ports otherwise.
     *
     * @return the capability, or empty
     */
    default Optional<DuplicateQueries> duplicates() {
        return Optional.empty();
    }
}
