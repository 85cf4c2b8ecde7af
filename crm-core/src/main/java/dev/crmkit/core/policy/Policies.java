package dev.crmkit.core.policy;

/**
 * The presets: one policy per product the rules come from. Change any of them with
 * {@link Policy#builder(Policy)}.
 */
public final class Policies {

    private static final Policy AMO_CRM = new Policy.Builder("amoCRM").build();

    private static final Policy BITRIX24 = new Policy.Builder("Bitrix24 sales department")
            .contacts(new ContactRequirements(true, true, true, true, true, ContactRequirements.MobilePhones::russian,
                    true, true, false))
            .reopen(ReopenRule.ADMINS_ONLY)
            .build();

    private static final Policy ONLY_OFFICE = new Policy.Builder("ONLYOFFICE")
            .contacts(new ContactRequirements(true, false, true, false, false, ContactRequirements.MobilePhones::russian,
                    false, false, false))
            .build();

    private Policies() {
    }

    /**
     * amoCRM: a contact needs a name; up to 50 pipelines of up to 100 stages; closed deals may be
     * dragged back to an open stage by anyone who may edit them.
     *
     * @return the preset
     */
    public static Policy amoCrm() {
        return AMO_CRM;
    }

    /**
     * The Bitrix24 sales department's rules: a contact needs the full name (first, middle and last),
     * a mobile phone, a birth date and a private e-mail (rule 4). Closed deals are re-opened by admins
     * only, since the department counts Won and Lost deals per manager and a closed deal is not reused
     * for a new sale (rule 2).
     *
     * @return the preset
     */
    public static Policy bitrix24SalesDepartment() {
        return BITRIX24;
    }

    /**
     * ONLYOFFICE: a person needs a first and a last name, a company a name; an opportunity's status can
     * be switched between open and closed by its users.
     *
     * @return the preset
     */
    public static Policy onlyOffice() {
        return ONLY_OFFICE;
    }
}
