package dev.crmkit.core.policy;

import dev.crmkit.api.phone.PhoneNumber;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a contact (person) and a company must have to be stored (CON-2).
 *
 * @param firstName a person needs a first name
 * @param middleName a person needs a middle name (patronymic)
 * @param lastName a person needs a last name
 * @param phone a person needs at least one phone
 * @param mobilePhone a person needs a phone that {@code isMobile} accepts
 * @param isMobile which numbers count as mobile
 * @param birthDate a person needs a birth date
 * @param privateEmail a person needs an e-mail of kind private
 * @param companyPhone a company needs a phone
 */
public record ContactRequirements(boolean firstName, boolean middleName, boolean lastName, boolean phone,
                                  boolean mobilePhone, Predicate<PhoneNumber> isMobile, boolean birthDate,
                                  boolean privateEmail, boolean companyPhone) {

    /** Rejects a null predicate. */
    public ContactRequirements {
        Objects.requireNonNull(isMobile, "isMobile");
    }

    /**
     * Only a name (any part of it): amoCRM.
     *
     * @return the requirements
     */
    public static ContactRequirements nameOnly() {
        return new ContactRequirements(false, false, false, false, false, MobilePhones::russian, false, false, false);
    }

    /**
     * Russian mobile numbers: ten national digits starting with 9, after an optional 7 or 8 prefix
     * ({@code +7 9xx …}, {@code 8 9xx …}, {@code 9xx …}).
     */
    public static final class MobilePhones {

        private MobilePhones() {
        }

        /**
         * Whether a number is a Russian mobile number.
         *
         * @param number the number
         * @return true for +7 9xx xxx-xx-xx in any of its usual spellings
         */
        public static boolean russian(PhoneNumber number) {
            String d = number.digits();
            if (d.length() == 11 && (d.charAt(0) == '7' || d.charAt(0) == '8')) {
                d = d.substring(1);
            }
            return d.length() == 10 && d.charAt(0) == '9';
        }
    }
}
