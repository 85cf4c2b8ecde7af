package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.TimelineItem;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Calls reported by more than one telephony integration (ACT-2). */
abstract class TwoIntegrationsKit extends FacadeKitBase {

    @Test
    @Tag("ACT-2")
    @DisplayName("the same call reported by two integrations is logged once; amoCRM would log it twice, crmkit doesn't")
    void sameCallFromTwoIntegrationsIsLoggedOnce() {
        Contact ivan = anna.contacts().create(ContactForm.person("Ivan", "Petrov"));
        Pipeline p = sales();
        Deal d = anna.deals().create(DealForm.in(p.id()).contact(ivan.id()));
        Call first = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+7 (901) 776-34-34",
                "+7 495 123-45-67", T0).answered(Duration.ofSeconds(30)).reportedBy("mango", "m-1"));
        Call second = boris.timeline().logCall(RecordRef.of(d.id()), NewCall.inbound("89017763434", "74951234567",
                T0.plusSeconds(20)).answered(Duration.ofSeconds(29)).reportedBy("zadarma", "z-77"));
        assertThat(second).isEqualTo(first);
        Call redial = anna.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+79017763434",
                "+74951234567", T0.plusSeconds(40)).reportedBy("mango", "m-2"));
        assertThat(redial).isNotEqualTo(first);
        Call later = boris.timeline().logCall(RecordRef.of(ivan.id()), NewCall.inbound("+79017763434",
                "+74951234567", T0.plusSeconds(200)).reportedBy("zadarma", "z-78"));
        assertThat(later).isNotEqualTo(first);
        assertThat(anna.timeline().of(RecordRef.of(ivan.id()))).filteredOn(i -> i instanceof TimelineItem.PhoneCall)
                .hasSize(3);
        assertThat(anna.timeline().of(RecordRef.of(d.id()))).filteredOn(i -> i instanceof TimelineItem.PhoneCall).isEmpty();
    }
}
