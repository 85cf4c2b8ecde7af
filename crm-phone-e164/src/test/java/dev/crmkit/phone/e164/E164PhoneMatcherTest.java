package dev.crmkit.phone.e164;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.phone.PhoneMatcher;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Region-aware phone matching")
class E164PhoneMatcherTest {

    private static PhoneNumber n(String raw) {
        return PhoneNumber.parse(raw);
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DE | +49 30 123456      | 030 123456
            DE | 0049 30 123456     | (030) 12 34 56
            RU | +7 (901) 776-34-34 | 8 901 776 34 34
            US | +1 212 555 0100    | (212) 555-0100
            """)
    @DisplayName("numbers written with and without the country code are one number in their region")
    void sameNumber(String region, String a, String b) {
        E164PhoneMatcher m = E164PhoneMatcher.forRegion(region);
        assertThat(m.key(n(a))).isEqualTo(m.key(n(b))).startsWith("+");
        assertThat(n(a).indexKey()).as("equal keys, equal index keys").isEqualTo(n(b).indexKey());
    }

    @Test
    @DisplayName("where the last ten digits fail: short German numbers")
    void beyondLastTenDigits() {
        assertThat(PhoneMatcher.lastDigits(10).key(n("+49 30 123456"))).isNotEqualTo(
                PhoneMatcher.lastDigits(10).key(n("030 123456")));
        assertThat(E164PhoneMatcher.forRegion("de").e164(n("030 123456"))).isEqualTo("+4930123456");
    }

    @Test
    @DisplayName("different numbers stay different; unreadable ones fall back to their last ten digits")
    void different() {
        E164PhoneMatcher m = E164PhoneMatcher.forRegion("DE");
        assertThat(m.key(n("030 123456"))).isNotEqualTo(m.key(n("040 123456")));
        assertThat(m.key(n("1"))).isEqualTo("1");
        assertThatThrownBy(() -> E164PhoneMatcher.forRegion("XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("plugged into a policy, it makes the duplicate rule region-aware")
    void inPolicy() {
        Policy policy = Policy.builder(Policies.amoCrm()).phoneMatcher(E164PhoneMatcher.forRegion("DE")).build();
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).policy(policy).build();
        User admin = crm.bootstrap(UserForm.named("Anna Admin"));
        CrmSession anna = crm.as(admin.id());
        anna.contacts().create(ContactForm.named("Hans").phone("+49 30 123456"));
        assertThatThrownBy(() -> anna.contacts().create(ContactForm.named("Hans M.").phone("030 123456")))
                .isInstanceOf(DuplicateException.class);
        assertThat(anna.contacts().create(ContactForm.named("Grete").phone("040 123456")).name().full()).isEqualTo("Grete");
    }
}
