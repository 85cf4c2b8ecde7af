package dev.crmkit.core.policy;

import static dev.crmkit.api.contact.MatchField.BIRTH_DATE;
import static dev.crmkit.api.contact.MatchField.EMAIL;
import static dev.crmkit.api.contact.MatchField.NAME;
import static dev.crmkit.api.contact.MatchField.PHONE;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.FIRST_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.LAST_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.MIDDLE_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.MOBILE_PHONE;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.PRIVATE_EMAIL;

import java.util.Set;


/**
 * The presets: one policy per product the rules come from. Change any of them with
 * {@link Policy#toBuilder()}.
 */
public final class Policies {

    private static final Policy AMO_CRM = Policy.defaults("amoCRM").build();

    private static final Policy BITRIX24 = Policy.defaults("Bitrix24 sales department")
            .contacts(ContactRequirements.person(FIRST_NAME, MIDDLE_NAME, LAST_NAME, ContactRequirements.Requirement.PHONE,
                    MOBILE_PHONE, ContactRequirements.Requirement.BIRTH_DATE, PRIVATE_EMAIL))
            .reopening(Reopening.ADMINS)
            .contactDuplicates(DuplicateCriteria.atLeast(2).of(NAME, PHONE, BIRTH_DATE))
            .conversionPrerequisites(Set.of(ConversionPrerequisite.INTERACTION, ConversionPrerequisite.COMMENT))
            .dealCreation(DealCreation.FROM_LEAD_ONLY)
            .dealContacts(DealContacts.EXACTLY_ONE)
            .oneOpenDealPerProductGroup(true)
            .presentation(Presentation.roundedCents())
            .build();

    private static final Policy ONLY_OFFICE = Policy.defaults("ONLYOFFICE")
            .contacts(ContactRequirements.person(FIRST_NAME, LAST_NAME))
            .contactDuplicates(DuplicateCriteria.anyOf(EMAIL, PHONE).mayCreateAnyway())
            .presentation(Presentation.roundedCents())
            .build();

    private Policies() {
    }

    /**
     * amoCRM: a contact needs a name; a contact with the same phone (last ten digits) or e-mail is a
     * duplicate, which may be created anyway on request; up to 50 pipelines of up to 100 stages; a deal has
     * several contacts and at most one company, and leads are converted without prerequisites; closed
     * deals may be dragged back to an open stage by anyone who may edit them.
     *
     * @return the preset
     */
    public static Policy amoCrm() {
        return AMO_CRM;
    }

    /**
     * The Bitrix24 sales department's rules: a contact needs the full name (first, middle and last),
     * a mobile phone, a birth date and a private e-mail (rule 4); two or more of full name, phone and birth
     * date matching make a duplicate, which is never created (rule 5). Closed deals are re-opened by admins
     * only, since the department counts Won and Lost deals per manager and a closed deal is not reused
     * for a new sale (rule 2). A deal is made only from a lead, has exactly one contact, and a contact has
     * at most one open deal per product group (rule 2); a lead is converted only after a real interaction with
     * the client and a comment (rule 1).
     *
     * @return the preset
     */
    public static Policy bitrix24SalesDepartment() {
        return BITRIX24;
    }

    /**
     * ONLYOFFICE: a person needs a first and a last name, a company a name; the same e-mail or phone makes
     * a duplicate, which may be created anyway on request; an opportunity's status can be switched between
     * open and closed by its users.
     *
     * @return the preset
     */
    public static Policy onlyOffice() {
        return ONLY_OFFICE;
    }
}
