package dev.crmkit.examples;

import dev.crmkit.api.EntityType;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.RuleViolationException;
import dev.crmkit.api.Violation;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealPart;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.StageRequirement;
import dev.crmkit.api.field.CustomField;
import dev.crmkit.api.field.FieldType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.CustomFieldQuery;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.field.CustomFieldForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The rules a sales manager's deals live by, on the in-memory storage with the amoCRM preset: an admin adds
 * custom fields to deals (DEAL-3) and requires a budget and one of them from the Negotiation stage on (DEAL-4);
 * a move without them is refused, naming both; the deals are then filtered by a custom list field and a
 * budget range (DEAL-11), and the deal's task indicator (DEAL-10) follows its tasks.
 */
public final class DealDiscipline {

    private DealDiscipline() {
    }

    /**
     * Runs the tour on the system clock and prints it.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run(Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm()).clock(Clock.systemUTC()).build(),
                System.out);
    }

    /**
     * Runs the tour.
     *
     * @param crm a CRM with the amoCRM preset on an empty storage
     * @param out where the story is printed
     * @return the deals the final filter found
     */
    public static List<Deal> run(Crm crm, PrintStream out) {
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@example.com"));
        CrmSession anna = crm.as(admin.id());
        CrmSession boris = crm.as(anna.users().add(UserForm.named("Boris Manager").email("boris@example.com")).id());
        Pipeline sales = anna.pipelines().create(NewPipeline.named("Sales").stage("First contact", 10)
                .stage("Negotiation", 50));

        // README-START
        CustomField region = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Region", FieldType.LIST)
                .option("north", "North").option("south", "South"));
        CustomField seats = anna.customFields().define(CustomFieldForm.of(EntityType.DEAL, "Seats", FieldType.NUMBER));
        var negotiation = sales.stages().get(1).id();
        anna.pipelines().require(sales.id(), StageRequirement.of(negotiation, DealPart.BUDGET));
        anna.pipelines().require(sales.id(), StageRequirement.of(negotiation, seats.id()));

        Deal chairs = boris.deals().create(DealForm.in(sales.id()).name("Office chairs")
                .customField(region.id(), "North"));                   // a list option by key or label
        try {
            boris.deals().move(chairs.id(), negotiation);
        } catch (RuleViolationException e) {                             // names every missing field
            e.violations().forEach(v -> out.println(v.message(Locale.ENGLISH)));
        }
        chairs = boris.deals().update(chairs.id(), chairs.version(), d -> d.budget(Money.of("150000", "RUB"))
                .customField(seats.id(), "40"));                        // text is parsed by the field's type
        boris.deals().move(chairs.id(), negotiation);

        List<Deal> north = boris.deals().query(Filter.and(
                CustomFieldQuery.<Deal>choice(region.id()).in(List.of("north")),
                DealFields.BUDGET_AMOUNT.between(new BigDecimal("100000"), new BigDecimal("200000"))),
                Sort.byDescending(DealFields.BUDGET_AMOUNT), PageRequest.first(50)).items();
        // README-END
        report(out, boris, chairs, north, sales);
        tasks(out, crm, boris, chairs);
        return north;
    }

    /** The task indicator of the deal (DEAL-10) as its tasks come and go. */
    private static void tasks(PrintStream out, Crm crm, CrmSession boris, Deal chairs) {
        out.println("Task indicator of \"" + chairs.name() + "\": " + boris.deals().taskIndicator(chairs.id())
                + " (no open task: nobody works it)");
        Instant now = crm.clock().instant();
        Task call = boris.tasks().create(TaskForm.todo("Call about the delivery").on(RecordRef.of(chairs.id()))
                .deadline(now.plus(Duration.ofMinutes(30))));
        out.println("  with a call due in 30 minutes: " + boris.deals().taskIndicator(chairs.id()));
        call = boris.tasks().reschedule(call.id(), call.version(), now.plus(Duration.ofDays(3)));
        out.println("  rescheduled to three days later: " + boris.deals().taskIndicator(chairs.id()));
        boris.tasks().create(TaskForm.todo("Send the contract").on(RecordRef.of(chairs.id()))
                .deadline(now.minus(Duration.ofMinutes(1))));
        out.println("  with a task a minute overdue: " + boris.deals().taskIndicator(chairs.id()));
    }

    private static void report(PrintStream out, CrmSession boris, Deal chairs, List<Deal> north, Pipeline sales) {
        out.println("Moving \"" + chairs.name() + "\" to Negotiation needs:");
        Deal empty = boris.deals().create(DealForm.in(sales.id()).name("Empty deal"));
        for (Violation v : boris.deals().checkMove(empty.id(), sales.stages().get(1).id())) {
            out.println("  " + v.message(Locale.ENGLISH));
        }
        Deal now = boris.deals().get(chairs.id());
        out.println("With them, it is at " + sales.stage(now.stage()).orElseThrow().name());
        out.println("Deals in the north with a budget of 100,000 to 200,000:");
        north.forEach(d -> out.println("  " + d.name() + ", " + d.budget().orElseThrow().amount()));
    }
}
