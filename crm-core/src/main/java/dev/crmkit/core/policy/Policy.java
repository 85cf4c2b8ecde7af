package dev.crmkit.core.policy;

import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The behaviours on which the CRM products disagree, as data. Build one from a preset in
 * {@link Policies} and change what differs with {@link #builder(Policy)}. Immutable and thread-safe.
 *
 * <p>No code in crmkit asks which preset is in force; it reads these values.
 */
public final class Policy {

    private final String name;
    private final ContactRequirements contacts;
    private final int maxPipelines;
    private final int maxStagesPerPipeline;
    private final Reopening reopening;
    private final boolean lossReasonRequired;
    private final Reminder defaultReminder;
    private final Duration sameCallWindow;
    private final DuplicateCriteria contactDuplicates;
    private final DuplicateCriteria companyDuplicates;
    private final PhoneMatcher phoneMatcher;
    private final Set<String> ownDomains;
    private final boolean duplicateDetection;

    private Policy(Builder b) {
        this.name = b.name;
        this.contacts = b.contacts;
        this.maxPipelines = b.maxPipelines;
        this.maxStagesPerPipeline = b.maxStagesPerPipeline;
        this.reopening = b.reopening;
        this.lossReasonRequired = b.lossReasonRequired;
        this.defaultReminder = b.defaultReminder;
        this.sameCallWindow = b.sameCallWindow;
        this.contactDuplicates = b.contactDuplicates;
        this.companyDuplicates = b.companyDuplicates;
        this.phoneMatcher = b.phoneMatcher;
        this.ownDomains = Set.copyOf(b.ownDomains);
        this.duplicateDetection = b.duplicateDetection;
    }

    /**
     * A builder starting from a preset's values.
     *
     * @param preset the policy to start from
     * @return the builder
     */
    public static Builder builder(Policy preset) {
        return new Builder(preset);
    }

    /**
     * A short name for logs and messages, such as {@code amoCRM}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What contacts and companies must have (CON-2).
     *
     * @return the requirements
     */
    public ContactRequirements contacts() {
        return contacts;
    }

    /**
     * How many pipelines there may be (DEAL-2).
     *
     * @return the limit
     */
    public int maxPipelines() {
        return maxPipelines;
    }

    /**
     * How many stages a pipeline may have, Won and Lost included (DEAL-2).
     *
     * @return the limit
     */
    public int maxStagesPerPipeline() {
        return maxStagesPerPipeline;
    }

    /**
     * Who may re-open a closed deal.
     *
     * @return nobody, admins or anyone
     */
    public Reopening reopening() {
        return reopening;
    }

    /**
     * Whether closing a deal as Lost needs a reason from the admin list (DEAL-9).
     *
     * @return true when a reason is required
     */
    public boolean lossReasonRequired() {
        return lossReasonRequired;
    }

    /**
     * The reminder of a new task when none is given (TASK-1).
     *
     * @return the reminder
     */
    public Reminder defaultReminder() {
        return defaultReminder;
    }

    /**
     * How far apart the start times of two calls reported by two integrations with the same numbers and
     * direction may be for them to be one call (ACT-2).
     *
     * @return the window
     */
    public Duration sameCallWindow() {
        return sameCallWindow;
    }

    /**
     * When two contacts are duplicates (CON-5).
     *
     * @return the criteria
     */
    public DuplicateCriteria contactDuplicates() {
        return contactDuplicates;
    }

    /**
     * When two companies are duplicates (CON-5).
     *
     * @return the criteria
     */
    public DuplicateCriteria companyDuplicates() {
        return companyDuplicates;
    }

    /**
     * When two phone numbers are the same number (CON-4); by default the last ten digits.
     *
     * @return the matcher
     */
    public PhoneMatcher phoneMatcher() {
        return phoneMatcher;
    }

    /**
     * The organization's own e-mail domains (lower case, ASCII), which a client's contact may not carry (CON-3).
     *
     * @return the domains
     */
    public Set<String> ownDomains() {
        return ownDomains;
    }

    /**
     * Whether creating and updating contacts and companies checks for duplicates (CON-5); on in every
     * preset. Turning it off is for trusted bulk loads that are de-duplicated otherwise.
     *
     * @return true when duplicates are looked for and rejected
     */
    public boolean duplicateDetection() {
        return duplicateDetection;
    }

    @Override
    public String toString() {
        return "Policy[" + name + "]";
    }

    /** Builds a {@link Policy}; not thread-safe. */
    public static final class Builder {
        private String name;
        private ContactRequirements contacts;
        private int maxPipelines;
        private int maxStagesPerPipeline;
        private Reopening reopening;
        private boolean lossReasonRequired;
        private Reminder defaultReminder;
        private Duration sameCallWindow;
        private DuplicateCriteria contactDuplicates;
        private DuplicateCriteria companyDuplicates;
        private PhoneMatcher phoneMatcher;
        private Set<String> ownDomains;
        private boolean duplicateDetection;

        private Builder(Policy p) {
            name = p.name;
            contacts = p.contacts;
            maxPipelines = p.maxPipelines;
            maxStagesPerPipeline = p.maxStagesPerPipeline;
            reopening = p.reopening;
            lossReasonRequired = p.lossReasonRequired;
            defaultReminder = p.defaultReminder;
            sameCallWindow = p.sameCallWindow;
            contactDuplicates = p.contactDuplicates;
            companyDuplicates = p.companyDuplicates;
            phoneMatcher = p.phoneMatcher;
            ownDomains = p.ownDomains;
            duplicateDetection = p.duplicateDetection;
        }

        Builder(String name) {
            this.name = name;
            contacts = ContactRequirements.nameOnly();
            maxPipelines = 50;
            maxStagesPerPipeline = 100;
            reopening = Reopening.ANYONE;
            lossReasonRequired = true;
            defaultReminder = Reminder.DAY_BEFORE;
            sameCallWindow = Duration.ofMinutes(1);
            contactDuplicates = DuplicateCriteria.anyOf(MatchField.PHONE,
                    MatchField.EMAIL).mayCreateAnyway();
            companyDuplicates = DuplicateCriteria.same(MatchField.NAME)
                    .andAnyOf(MatchField.PHONE, MatchField.EMAIL)
                    .mayCreateAnyway();
            phoneMatcher = PhoneMatcher.lastDigits(PhoneNumber.DEFAULT_MATCH_DIGITS);
            ownDomains = Set.of();
            duplicateDetection = true;
        }

        /**
         * Sets the name.
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets the contact requirements.
         *
         * @param value the requirements
         * @return this builder
         */
        public Builder contacts(ContactRequirements value) {
            this.contacts = Objects.requireNonNull(value, "contacts");
            return this;
        }

        /**
         * Sets the pipeline limit.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxPipelines(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPipelines must be at least 1");
            }
            this.maxPipelines = value;
            return this;
        }

        /**
         * Sets the stage limit per pipeline.
         *
         * @param value at least 3 (one open stage, Won, Lost)
         * @return this builder
         */
        public Builder maxStagesPerPipeline(int value) {
            if (value < 3) {
                throw new IllegalArgumentException("maxStagesPerPipeline must be at least 3");
            }
            this.maxStagesPerPipeline = value;
            return this;
        }

        /**
         * Sets who may re-open closed deals.
         *
         * @param value nobody, admins or anyone
         * @return this builder
         */
        public Builder reopening(Reopening value) {
            this.reopening = Objects.requireNonNull(value, "reopening");
            return this;
        }

        /**
         * Sets whether a Lost deal needs a reason.
         *
         * @param value true to require one
         * @return this builder
         */
        public Builder lossReasonRequired(boolean value) {
            this.lossReasonRequired = value;
            return this;
        }

        /**
         * Sets the default reminder of new tasks.
         *
         * @param value the reminder
         * @return this builder
         */
        public Builder defaultReminder(Reminder value) {
            this.defaultReminder = Objects.requireNonNull(value, "defaultReminder");
            return this;
        }

        /**
         * Sets the window within which two integrations' reports of a call are one call (ACT-2).
         *
         * @param value the window, not negative
         * @return this builder
         */
        public Builder sameCallWindow(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("sameCallWindow must not be negative");
            }
            this.sameCallWindow = value;
            return this;
        }

        /**
         * Sets when two contacts are duplicates (CON-5).
         *
         * @param value the criteria
         * @return this builder
         */
        public Builder contactDuplicates(DuplicateCriteria value) {
            this.contactDuplicates = Objects.requireNonNull(value, "contactDuplicates");
            return this;
        }

        /**
         * Sets when two companies are duplicates (CON-5).
         *
         * @param value the criteria
         * @return this builder
         */
        public Builder companyDuplicates(DuplicateCriteria value) {
            this.companyDuplicates = Objects.requireNonNull(value, "companyDuplicates");
            return this;
        }

        /**
         * Compares phone numbers on their last {@code digits} digits (CON-4; default 10).
         *
         * @param digits at least 7
         * @return this builder
         */
        public Builder phoneMatchDigits(int digits) {
            this.phoneMatcher = PhoneMatcher.lastDigits(digits);
            return this;
        }

        /**
         * Sets how phone numbers are matched, for instance region-aware with crm-phone-e164.
         *
         * @param value the matcher
         * @return this builder
         */
        public Builder phoneMatcher(PhoneMatcher value) {
            this.phoneMatcher = Objects.requireNonNull(value, "phoneMatcher");
            return this;
        }

        /**
         * Sets the organization's own e-mail domains (CON-3), such as {@code example.com}.
         *
         * @param domains the domains; international ones in any form
         * @return this builder
         */
        public Builder ownDomains(Set<String> domains) {
            this.ownDomains = domains.stream().map(d -> java.net.IDN.toASCII(d.strip()).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * Turns duplicate detection on or off (CON-5; on by default).
         *
         * @param value false to skip the duplicate check on create and update
         * @return this builder
         */
        public Builder duplicateDetection(boolean value) {
            this.duplicateDetection = value;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public Policy build() {
            return new Policy(this);
        }
    }
}
