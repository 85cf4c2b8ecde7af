package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Converted;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The web-form lead example")
class WebFormLeadTest {

    @Test
    @DisplayName("the lead goes from Unsorted to a deal on the contact already stored, and the other is declined and kept")
    void story() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Converted made = WebFormLead.run(Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm())
                .clock(new QuickstartTest.TickingClock()).build(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(made.contactReused()).isTrue();
        assertThat(made.lead().status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(made.deal().lead()).contains(made.lead().id());
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Unsorted:",
                "  40 office chairs (WEB_FORM, utm_campaign=office-chairs)",
                "  Cheap followers (WEB_FORM, utm_campaign=—)",
                "",
                "Accepted \"40 office chairs\" into the deal \"40 office chairs\" at First contact, budget 120000.00 RUB",
                "  contact: Ivan Petrov (already stored as 8 (901) 776-34-34, not created again)",
                "Declined \"Cheap followers\": kept with status DECLINED",
                "",
                "Events of the lead:",
                "  CREATED",
                "  FIELD_CHANGED status → ACCEPTED",
                "  LINKED contact → Ivan Petrov",
                "  FIELD_CHANGED convertedDeal → 40 office chairs",
                "  FIELD_CHANGED convertedContact → Ivan Petrov",
                "  FIELD_CHANGED decided → " + made.lead().decided().orElseThrow(),
                "  FIELD_CHANGED decidedBy → Boris Manager",
                "  CONVERTED deal → 40 office chairs (" + made.deal().id() + ")");
    }
}
