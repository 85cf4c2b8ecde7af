package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.core.Crm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The deal discipline example")
class DealDisciplineTest {

    @Test
    @DisplayName("the move without the required fields is refused naming both, and the filter finds the deal")
    void story() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Deal> found = DealDiscipline.run(Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm())
                .clock(new QuickstartTest.TickingClock()).build(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(found).extracting(Deal::name).containsExactly("Office chairs");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Fill in «budget» before the deal enters «Negotiation».",
                "Fill in «Seats» before the deal enters «Negotiation».",
                "Moving \"Office chairs\" to Negotiation needs:",
                "  Fill in «budget» before the deal enters «Negotiation».",
                "  Fill in «Seats» before the deal enters «Negotiation».",
                "With them, it is at Negotiation",
                "Deals in the north with a budget of 100,000 to 200,000:",
                "  Office chairs, 150000.00 RUB",
                "Task indicator of \"Office chairs\": ORANGE (no open task: nobody works it)",
                "  with a call due in 30 minutes: GREEN",
                "  rescheduled to three days later: NONE",
                "  with a task a minute overdue: RED");
    }

    @Test
    @DisplayName("the README's custom-field block is the example's code")
    void readmeShowsTheExample() throws Exception {
        QuickstartTest.readmeShows(Files.readString(Path.of("src/main/java/dev/crmkit/examples/DealDiscipline.java")));
    }
}
