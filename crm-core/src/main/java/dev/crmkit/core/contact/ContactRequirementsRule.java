package dev.crmkit.core.contact;

import dev.crmkit.api.Text;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.BIRTH_DATE;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.FIRST_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.LAST_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.MIDDLE_NAME;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.MOBILE_PHONE;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.PHONE;
import static dev.crmkit.core.policy.ContactRequirements.Requirement.PRIVATE_EMAIL;

import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.core.policy.ContactRequirements;
import dev.crmkit.core.support.CoreMessages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person or a company must have under a policy (CON-2). Pure: it gets the parsed values and
 * the requirements, returns every violation, and never reads storage.
 */
final class ContactRequirementsRule {

    private ContactRequirementsRule() {
    }

    static List<Violation> person(ContactRequirements req, String first, String middle, String last,
                                  List<ContactPhone> phones, LocalDate birthDate, List<ContactEmail> emails) {
        List<Violation> v = new ArrayList<>();
        boolean anyName = !blank(first) || !blank(middle) || !blank(last);
        if (!anyName) {
            v.add(CoreMessages.violation("name", "contact.name.required"));
        }
        if (req.requires(FIRST_NAME) && blank(first)) {
            v.add(CoreMessages.violation("name.first", "contact.first_name.required"));
        }
        if (req.requires(MIDDLE_NAME) && blank(middle)) {
            v.add(CoreMessages.violation("name.middle", "contact.middle_name.required"));
        }
        if (req.requires(LAST_NAME) && blank(last)) {
            v.add(CoreMessages.violation("name.last", "contact.last_name.required"));
        }
        if (req.requires(PHONE) && phones.isEmpty()) {
            v.add(CoreMessages.violation("phones", "contact.phone.required"));
        }
        if (req.requires(MOBILE_PHONE) && phones.stream().noneMatch(p -> req.isMobile().test(p.number()))) {
            v.add(CoreMessages.violation("phones", "contact.mobile_phone.required"));
        }
        if (req.requires(BIRTH_DATE) && birthDate == null) {
            v.add(CoreMessages.violation("birthDate", "contact.birth_date.required"));
        }
        if (req.requires(PRIVATE_EMAIL) && emails.stream().noneMatch(e -> e.kind() == EmailKind.PRIVATE)) {
            v.add(CoreMessages.violation("emails", "contact.private_email.required"));
        }
        return v;
    }

    static List<Violation> company(ContactRequirements req, String name, List<ContactPhone> phones) {
        List<Violation> v = new ArrayList<>();
        if (blank(name)) {
            v.add(CoreMessages.violation("name", "company.name.required"));
        }
        if (req.companyPhone() && phones.isEmpty()) {
            v.add(CoreMessages.violation("phones", "company.phone.required"));
        }
        return v;
    }

    private static boolean blank(String s) {
        return Text.isBlank(s);
    }
}
