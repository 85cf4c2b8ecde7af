package dev.crmkit.core.policy;

import dev.crmkit.api.contact.MatchField;
import dev.crmkit.api.internal.Checks;
import dev.crmkit.api.internal.WithBuilder;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.task.Reminder;
import dev.crmkit.api.user.UserRight;
import java.net.IDN;
import java.time.Duration;
import java.time.Period;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The behaviours on which the CRM products disagree, as data. Start from a preset in {@link Policies}
 * and change what differs: {@code Policies.amoCrm().toBuilder().maxPipelines(3).build()}. Immutable and
 * thread-safe.
 *
 * <p>No code in crmkit asks which preset is in force; it reads these values.
 *
 * @param name a short name for logs and messages, such as {@code amoCRM}
 * @param contacts what contacts and companies must have (CON-2)
 * @param maxPipelines how many pipelines there may be, at least 1 (DEAL-2)
 * @param maxStagesPerPipeline how many stages a pipeline may have, Won and Lost included; at least 3 (DEAL-2)
 * @param reopening who may re-open a closed deal
 * @param lossReasonRequired whether closing a deal as Lost needs a reason from the admin list (DEAL-9)
 * @param defaultReminder the reminder of a new task when none is given (TASK-1)
 * @param sameCallWindow how far apart the start times of two calls reported by two integrations with the
 *        same numbers and direction may be for them to be one call, not negative (ACT-2)
 * @param contactDuplicates when two contacts are duplicates (CON-5)
 * @param companyDuplicates when two companies are duplicates (CON-5)
 * @param phoneMatcher when two phone numbers are the same number (CON-4); by default the last ten digits
 * @param ownDomains the organization's own e-mail domains, which a client's contact may not carry (CON-3);
 *        kept in lower-case ASCII whatever their spelling
 * @param duplicateDetection whether creating and updating contacts and companies checks for duplicates
 *        (CON-5); on in every preset. Turning it off is for trusted bulk loads that are de-duplicated otherwise.
 * @param conversionPrerequisites what a lead must have before it is converted or accepted (LEAD-5); none by default
 * @param dealCreation whether deals are created directly or only from leads (DEAL-8)
 * @param dealContacts how many contacts a deal has (DEAL-8)
 * @param oneOpenDealPerProductGroup whether a contact may have at most one open deal in each product group
 *        (DEAL-8); a deal without a product group is not counted
 * @param detailedComments which comments are detailed (DEAL-7), for the correct and active deals of DEAL-5 and
 *        DEAL-6; {@link DetailedCommentRule#defaults()} in every preset
 * @param activityPeriod how far back from now a deal's interaction and detailed comment keep it active
 *        (DEAL-6), in calendar terms in the acting user's time zone; positive; two months in every preset
 * @param presentation how reports show their figures (AN-1): amoCRM cuts them to cents (142.857… is 142.85),
 *        the other presets round half up
 * @param newUserRights the rights a new user gets when the admin adding them names none (USER-4); none in
 *        every preset, so only admins export until a right is granted
 * @param importTagRequired whether every imported record gets the {@code import_<yyyy-MM-dd>_<HH:mm>} tag
 *        without a way to switch it off (IO-2); on in every preset (amoCRM: the tag cannot be switched off)
 * @param exportRecordsPerFile the most records one exported file holds (IO-5); a larger export is split into
 *        several files; at least 1; 500 in every preset (amoCRM)
 * @param reportCurrency the currency reports are in when no exchange rates are given (AN-13); RUB in every preset
 */
@WithBuilder
public record Policy(String name, ContactRequirements contacts, int maxPipelines, int maxStagesPerPipeline,
                     Reopening reopening, boolean lossReasonRequired, Reminder defaultReminder, Duration sameCallWindow,
                     DuplicateCriteria contactDuplicates, DuplicateCriteria companyDuplicates, PhoneMatcher phoneMatcher,
                     Set<String> ownDomains, boolean duplicateDetection,
                     Set<ConversionPrerequisite> conversionPrerequisites, DealCreation dealCreation,
                     DealContacts dealContacts, boolean oneOpenDealPerProductGroup,
                     DetailedCommentRule detailedComments, Period activityPeriod, Presentation presentation,
                     Set<UserRight> newUserRights, boolean importTagRequired, int exportRecordsPerFile,
                     Currency reportCurrency)
        implements PolicyBuilder.ToBuilder {

    /** Checks the values and normalizes the domains. */
    public Policy {
        Checks.present("name, contacts, reopening, defaultReminder, sameCallWindow, contactDuplicates, "
                + "companyDuplicates, phoneMatcher, ownDomains, conversionPrerequisites, dealCreation, dealContacts",
                name, contacts, reopening, defaultReminder, sameCallWindow, contactDuplicates, companyDuplicates,
                phoneMatcher, ownDomains, conversionPrerequisites, dealCreation, dealContacts);
        Checks.present("detailedComments, activityPeriod, presentation, newUserRights, reportCurrency",
                detailedComments, activityPeriod, presentation, newUserRights, reportCurrency);
        newUserRights = newUserRights.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(newUserRights));
        if (activityPeriod.isNegative() || activityPeriod.isZero()) {
            throw new IllegalArgumentException("activityPeriod must be positive (not zero, no unit negative), was "
                    + activityPeriod);
        }
        conversionPrerequisites = Set.copyOf(conversionPrerequisites);
        if (exportRecordsPerFile < 1) {
            throw new IllegalArgumentException("exportRecordsPerFile must be at least 1, was " + exportRecordsPerFile);
        }
        if (maxPipelines < 1) {
            throw new IllegalArgumentException("maxPipelines must be at least 1, was " + maxPipelines);
        }
        if (maxStagesPerPipeline < 3) {
            throw new IllegalArgumentException("maxStagesPerPipeline must be at least 3 (an open stage, Won and "
                    + "Lost), was " + maxStagesPerPipeline);
        }
        if (sameCallWindow.isNegative()) {
            throw new IllegalArgumentException("sameCallWindow must not be negative, was " + sameCallWindow);
        }
        ownDomains = ownDomains.stream().map(d -> IDN.toASCII(d.strip()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A builder starting from a preset's values: the same as {@code preset.toBuilder()}.
     *
     * @param preset the policy to start from
     * @return the builder
     */
    public static PolicyBuilder builder(Policy preset) {
        return preset.toBuilder();
    }

    /**
     * The values every preset starts from: amoCRM's.
     *
     * @param name the preset's name
     * @return a builder holding them
     */
    static PolicyBuilder defaults(String name) {
        return new PolicyBuilder().name(name)
                .contacts(ContactRequirements.nameOnly())
                .maxPipelines(50)
                .maxStagesPerPipeline(100)
                .reopening(Reopening.ANYONE)
                .lossReasonRequired(true)
                .defaultReminder(Reminder.DAY_BEFORE)
                .sameCallWindow(Duration.ofMinutes(1))
                .contactDuplicates(DuplicateCriteria.anyOf(MatchField.PHONE, MatchField.EMAIL).mayCreateAnyway())
                .companyDuplicates(DuplicateCriteria.same(MatchField.NAME).andAnyOf(MatchField.PHONE, MatchField.EMAIL)
                        .mayCreateAnyway())
                .phoneMatcher(PhoneMatcher.lastDigits(PhoneNumber.DEFAULT_MATCH_DIGITS))
                .duplicateDetection(true)
                .dealCreation(DealCreation.DIRECT_OR_FROM_LEAD)
                .dealContacts(DealContacts.SEVERAL)
                .oneOpenDealPerProductGroup(false)
                .detailedComments(DetailedCommentRule.defaults())
                .activityPeriod(Period.ofMonths(2))
                .presentation(Presentation.truncatedCents())
                .newUserRights(Set.of())
                .importTagRequired(true)
                .exportRecordsPerFile(500)
                .reportCurrency(Currency.getInstance("RUB"));
    }

    /** Only the name: a policy is named after its preset, and logs print it. */
    @Override
    public String toString() {
        return "Policy[" + name + "]";
    }
}
