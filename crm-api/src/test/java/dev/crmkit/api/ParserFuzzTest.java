package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.phone.PhoneNumber;

/**
 * Fuzzes the parsers of what people type: only the typed violation may come out, and the canonical form
 * of a result parses to an equal value. In CI the seed inputs in
 * {@code src/test/resources/dev/crmkit/api/ParserFuzzTestInputs/} are replayed as ordinary tests; run
 * {@code JAZZER_FUZZ=1 mvn test -pl crm-api -Dtest=ParserFuzzTest} to fuzz for real.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void phone(@NotNull String raw) {
        PhoneNumber n;
        try {
            n = PhoneNumber.parse(raw);
        } catch (ValidationException e) {
            assertThat(e.codes()).singleElement().isIn("phone.blank", "phone.letters", "phone.no_digits");
            return;
        }
        assertThat(n.digits()).isNotEmpty().containsOnlyDigits();
        assertThat(PhoneNumber.parse(n.canonical())).isEqualTo(n);
        assertThat(n.matchKey().length()).isLessThanOrEqualTo(10);
        assertThat(n.digits()).endsWith(n.matchKey()).endsWith(n.indexKey());
    }

    @FuzzTest(maxDuration = "30s")
    void email(@NotNull String raw) {
        Email e;
        try {
            e = Email.parse(raw);
        } catch (ValidationException ex) {
            assertThat(ex.codes()).singleElement().isIn("email.blank", "email.invalid");
            return;
        }
        assertThat(Email.parse(e.normalized())).isEqualTo(e);
        assertThat(Email.parse(e.value())).isEqualTo(e);
        assertThat(e.domain()).isLowerCase();
    }
}
