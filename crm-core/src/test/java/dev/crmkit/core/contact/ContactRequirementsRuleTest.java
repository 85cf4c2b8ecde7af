package dev.crmkit.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.Violation;
import dev.crmkit.api.contact.ContactEmail;
import dev.crmkit.api.contact.ContactPhone;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.core.policy.ContactRequirements;
import dev.crmkit.core.policy.Policies;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("CON-2")
@DisplayName("CON-2: what a contact must have, per preset (the rule alone)")
class ContactRequirementsRuleTest {

    private static List<String> codes(List<Violation> v) {
        return v.stream().map(Violation::code).toList();
    }

    @Test
    @DisplayName("amoCRM: any part of a name is enough")
    void amo() {
        ContactRequirements req = Policies.amoCrm().contacts();
        assertThat(ContactRequirementsRule.person(req, "Ivan", null, null, List.of(), null, List.of())).isEmpty();
        assertThat(codes(ContactRequirementsRule.person(req, " ", null, "", List.of(), null, List.of())))
                .containsExactly("contact.name.required");
    }

    @Test
    @DisplayName("ONLYOFFICE: first and last name; a company needs a name")
    void onlyOffice() {
        ContactRequirements req = Policies.onlyOffice().contacts();
        assertThat(codes(ContactRequirementsRule.person(req, "Ivan", null, null, List.of(), null, List.of())))
                .containsExactly("contact.last_name.required");
        assertThat(ContactRequirementsRule.person(req, "Ivan", null, "Petrov", List.of(), null, List.of())).isEmpty();
        assertThat(codes(ContactRequirementsRule.company(req, "  ", List.of()))).containsExactly("company.name.required");
    }

    @Test
    @DisplayName("Bitrix24: full name, a mobile phone, a birth date and a private e-mail, every missing one reported")
    void bitrix() {
        ContactRequirements req = Policies.bitrix24SalesDepartment().contacts();
        List<ContactPhone> landline = List.of(ContactPhone.work("+7 495 123-45-67"));
        List<ContactEmail> work = List.of(ContactEmail.work("ivan@work.test"));
        assertThat(codes(ContactRequirementsRule.person(req, "Ivan", null, "Petrov", landline, null, work)))
                .containsExactly("contact.middle_name.required", "contact.mobile_phone.required",
                        "contact.birth_date.required", "contact.private_email.required");
        assertThat(ContactRequirementsRule.person(req, "Ivan", "Sergeevich", "Petrov",
                List.of(ContactPhone.work("8 903 123 45 67")), LocalDate.of(1990, 1, 1),
                List.of(ContactEmail.personal("ivan@mail.test")))).isEmpty();
        assertThat(ContactRequirementsRule.person(req, "Ivan", "Sergeevich", "Petrov", landline, LocalDate.of(1990, 1, 1),
                List.of(ContactEmail.personal("ivan@mail.test")))).extracting(Violation::path).containsExactly("phones");
    }

    @ParameterizedTest(name = "{0} mobile: {1}")
    @CsvSource(delimiter = '|', value = {"+7 903 123-45-67|true", "8 (903) 1234567|true", "9031234567|true",
            "+7 495 123-45-67|false", "8 800 555 35 35|false", "+1 903 123 4567|false", "903 12 34|false"})
    @DisplayName("the Bitrix24 preset's mobile numbers are Russian ones: +7 9xx in any spelling")
    void russianMobile(String raw, boolean mobile) {
        assertThat(ContactRequirements.MobilePhones.russian(PhoneNumber.parse(raw))).isEqualTo(mobile);
    }
}
