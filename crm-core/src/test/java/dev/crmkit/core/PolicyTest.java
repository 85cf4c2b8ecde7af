package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.crmkit.api.task.Reminder;
import dev.crmkit.core.policy.ContactRequirements;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.ContactRequirements.Requirement;
import dev.crmkit.core.policy.Reopening;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("Policies and presets")
class PolicyTest {

    @Test
    @Tag("CON-2")
    @DisplayName("CON-2: the presets require different contact fields")
    void presetsDiffer() {
        assertThat(Policies.amoCrm().contacts().person()).isEmpty();
        assertThat(Policies.onlyOffice().contacts().person()).containsExactlyInAnyOrder(Requirement.FIRST_NAME,
                Requirement.LAST_NAME);
        assertThat(Policies.bitrix24SalesDepartment().contacts().person()).containsExactlyInAnyOrder(
                Requirement.values());
        assertThat(ContactRequirements.person(Requirement.PHONE).andCompanyPhone().companyPhone()).isTrue();
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("DEAL-2: amoCRM's limits of 50 pipelines and 100 stages are policy values a builder can change")
    void builder() {
        Policy amo = Policies.amoCrm();
        assertThat(amo.maxPipelines()).isEqualTo(50);
        assertThat(amo.maxStagesPerPipeline()).isEqualTo(100);
        Policy custom = Policy.builder(amo).name("Ours").maxPipelines(3).reopening(Reopening.NOBODY)
                .defaultReminder(Reminder.HOUR_BEFORE).lossReasonRequired(false).build();
        assertThat(custom.maxPipelines()).isEqualTo(3);
        assertThat(custom.maxStagesPerPipeline()).isEqualTo(100);
        assertThat(custom.reopening()).isEqualTo(Reopening.NOBODY);
        assertThat(custom.defaultReminder()).isEqualTo(Reminder.HOUR_BEFORE);
        assertThat(custom.lossReasonRequired()).isFalse();
        assertThat(custom.name()).isEqualTo("Ours");
        assertThat(amo.reopening()).as("the preset is untouched").isEqualTo(Reopening.ANYONE);
        assertThat(Policies.bitrix24SalesDepartment().reopening()).isEqualTo(Reopening.ADMINS);
    }

    @Test
    @Tag("TASK-1")
    @DisplayName("TASK-1: every preset reminds a day before the deadline by default")
    void defaultReminder() {
        assertThat(Policies.amoCrm().defaultReminder()).isEqualTo(Reminder.DAY_BEFORE);
        assertThat(Policies.onlyOffice().defaultReminder()).isEqualTo(Reminder.DAY_BEFORE);
        assertThat(Policies.bitrix24SalesDepartment().defaultReminder()).isEqualTo(Reminder.DAY_BEFORE);
    }

    @Test
    @DisplayName("a policy refuses limits it could not work with, and keeps its domains in lower-case ASCII")
    void invariants() {
        Policy amo = Policies.amoCrm();
        assertThatIllegalArgumentException().isThrownBy(() -> amo.toBuilder().maxPipelines(0).build())
                .withMessageContaining("maxPipelines");
        assertThatIllegalArgumentException().isThrownBy(() -> amo.toBuilder().maxStagesPerPipeline(2).build())
                .withMessageContaining("maxStagesPerPipeline");
        assertThatIllegalArgumentException().isThrownBy(() -> amo.toBuilder().sameCallWindow(Duration.ofSeconds(-1))
                .build()).withMessageContaining("sameCallWindow");

        Policy own = amo.toBuilder().ownDomains(List.of(" Horns.Example ", "рога.рф")).build();

        assertThat(own.ownDomains()).containsExactlyInAnyOrder("horns.example", "xn--80af6ah.xn--p1ai");
        assertThat(amo.toBuilder().maxStagesPerPipeline(3).build().maxStagesPerPipeline()).isEqualTo(3);
        assertThat(own).hasToString("Policy[amoCRM]");
        assertThat(Policy.builder(amo).build()).isEqualTo(amo);
    }
}
