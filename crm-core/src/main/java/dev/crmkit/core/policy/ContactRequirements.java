package dev.crmkit.core.policy;

import dev.crmkit.api.phone.PhoneNumber;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a contact (person) and a company must have to be stored (CON-2), as a sentence:
 * {@code ContactRequirements.nameOnly()} (amoCRM), {@code ContactRequirements.person(FIRST_NAME, LAST_NAME)}
 * (ONLYOFFICE), {@code person(FIRST_NAME, MIDDLE_NAME, LAST_NAME, PHONE, MOBILE_PHONE, BIRTH_DATE,
 * PRIVATE_EMAIL)} (Bitrix24). Every contact needs some name in any case. Immutable.
 *
 * @param person what a person needs beside some name
 * @param companyPhone whether a company needs a phone
 * @param isMobile which numbers count as mobile, for {@link Requirement#MOBILE_PHONE}
 */
public record ContactRequirements(Set<Requirement> person, boolean companyPhone, Predicate<PhoneNumber> isMobile) {

    /** What a person may be required to have. */
    public enum Requirement {
        /** A first name. */
        FIRST_NAME,
        /** A middle name (patronymic). */
        MIDDLE_NAME,
        /** A last name. */
        LAST_NAME,
        /** At least one phone. */
        PHONE,
        /** A phone the policy counts as mobile. */
        MOBILE_PHONE,
        /** A birth date. */
        BIRTH_DATE,
        /** An e-mail of kind private. */
        PRIVATE_EMAIL
    }

    /** Copies the set and rejects a null predicate. */
    public ContactRequirements {
        person = person.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(person));
        Objects.requireNonNull(isMobile, "isMobile");
    }

    /**
     * Only some name: amoCRM.
     *
     * @return the requirements
     */
    public static ContactRequirements nameOnly() {
        return new ContactRequirements(Set.of(), false, MobilePhones::russian);
    }

    /**
     * A person needs these; a company its name only. Mobile numbers are Russian ones unless
     * {@link #mobileWhen} says otherwise.
     *
     * @param requirements what a person needs
     * @return the requirements
     */
    public static ContactRequirements person(Requirement... requirements) {
        return new ContactRequirements(Set.copyOf(List.of(requirements)), false, MobilePhones::russian);
    }

    /**
     * The same requirements, and a company needs a phone too.
     *
     * @return the requirements
     */
    public ContactRequirements andCompanyPhone() {
        return new ContactRequirements(person, true, isMobile);
    }

    /**
     * The same requirements with another idea of a mobile number.
     *
     * @param test which numbers are mobile
     * @return the requirements
     */
    public ContactRequirements mobileWhen(Predicate<PhoneNumber> test) {
        return new ContactRequirements(person, companyPhone, test);
    }

    /**
     * Whether a person needs something.
     *
     * @param requirement what
     * @return true when it is required
     */
    public boolean requires(Requirement requirement) {
        return person.contains(requirement);
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
