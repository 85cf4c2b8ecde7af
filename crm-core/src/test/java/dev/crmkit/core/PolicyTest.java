package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.task.Reminder;
import dev.crmkit.core.policy.ContactRequirements;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.policy.ContactRequirements.Requirement;
import dev.crmkit.core.policy.Reopening;
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
}
