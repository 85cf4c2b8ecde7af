package dev.crmkit.examples;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.task.TaskForm;
import dev.crmkit.core.timeline.NewCall;
import dev.crmkit.core.timeline.TimelineItem;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A first tour of crmkit on the in-memory storage with the amoCRM preset: an admin and a manager, a
 * pipeline, a company with two contacts, three deals moved through the stages (one won, one lost), a
 * call, a comment and a task, then the timeline and the event log of one deal.
 */
public final class Quickstart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Quickstart() {
    }

    /**
     * Runs the tour on the system clock and prints it: in memory by default; on PostgreSQL with
     * {@code --postgres} (an embedded server the example starts) or {@code --postgres=<JDBC URL>}.
     *
     * @param args nothing, {@code --postgres} or {@code --postgres=jdbc:postgresql://host/db?user=…&password=…}
     * @throws IOException when the embedded PostgreSQL cannot be stopped
     */
    public static void main(String[] args) throws IOException {
        String postgres = null;
        for (String arg : args) {
            if (arg.equals("--postgres")) {
                postgres = "";
            } else if (arg.startsWith("--postgres=")) {
                postgres = arg.substring("--postgres=".length());
            } else {
                System.err.println("usage: Quickstart [--postgres[=<JDBC URL>]]");
                System.exit(2);
            }
        }
        if (postgres == null) {
            Clock clock = Clock.systemUTC();
            Crm crm = Crm.builder()
                    .storage(InMemoryStorage.create()) // or PostgresStorage.builder(dataSource).build(), below
                    .policy(Policies.amoCrm())
                    .clock(clock)
                    .build();
            run(crm, System.out);
            return;
        }
        try (ExamplePostgres db = ExamplePostgres.open(postgres.isEmpty() ? null : postgres)) {
            System.out.println("On PostgreSQL, schema " + db.storage().schema());
            run(Crm.builder().storage(db.storage()).policy(Policies.amoCrm()).clock(Clock.systemUTC()).build(), System.out);
        }
    }

    /**
     * Runs the tour.
     *
     * @param crm a CRM with the amoCRM preset on an empty storage
     * @param out where the timeline and event log are printed
     * @return the deal whose story is printed
     */
    public static Deal run(Crm crm, PrintStream out) {
        Clock clock = crm.clock();
        // README-START
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@example.com"));
        CrmSession anna = crm.as(admin.id());
        User manager = anna.users().add(UserForm.named("Boris Manager").email("boris@example.com"));
        CrmSession boris = crm.as(manager.id());

        Pipeline sales = anna.pipelines().create(NewPipeline.named("Sales")
                .stage("First contact", 10).stage("Negotiation", 50).stage("Invoice sent", 80));

        Company hooves = boris.companies().create(CompanyForm.named("Horns and Hooves").phone("+7 495 123-45-67"));
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov").company(hooves.id())
                .phone("+7 (901) 776-34-34", PhoneKind.MOBILE).email("ivan@hooves.example"));
        Contact olga = boris.contacts().create(ContactForm.person("Olga", "Sidorova").company(hooves.id())
                .email("olga@hooves.example"));

        Deal chairs = boris.deals().create(DealForm.in(sales.id()).name("Office chairs")
                .contact(ivan.id()).company(hooves.id()).budget(Money.of("150000.00", "RUB")));
        Deal desks = boris.deals().create(DealForm.in(sales.id()).name("Standing desks")
                .contact(olga.id()).company(hooves.id()).budget(Money.of("80000.00", "RUB")));
        Deal lamps = boris.deals().create(DealForm.in(sales.id()).name("Desk lamps")
                .contact(ivan.id()).budget(Money.of("12000.00", "RUB")));

        RecordRef onChairs = RecordRef.of(chairs.id());
        boris.timeline().logCall(onChairs, NewCall.inbound("+7 901 776-34-34", "+7 495 000-00-00", clock.instant())
                .answered(Duration.ofSeconds(95)).operator(manager.id()).reportedBy("telephony", "call-001"));
        boris.timeline().comment(onChairs, "Agreed on 40 chairs, delivery on the 15th, payment in two parts");
        boris.tasks().create(TaskForm.todo("Send the contract").on(onChairs)
                .deadline(clock.instant().plus(Duration.ofDays(1))));

        boris.deals().move(chairs.id(), sales.stages().get(1).id());
        boris.deals().move(chairs.id(), sales.stages().get(2).id());
        chairs = boris.deals().win(chairs.id());
        boris.deals().move(desks.id(), sales.stages().get(1).id());
        boris.deals().lose(desks.id(), anna.settings().lossReasons().byName("Too expensive").orElseThrow().id());
        boris.deals().move(lamps.id(), sales.stages().get(1).id());
        // README-END

        printStory(anna, chairs, out);
        return chairs;
    }

    private static void printStory(CrmSession session, Deal deal, PrintStream out) {
        RecordRef ref = RecordRef.of(deal.id());
        out.println("Timeline of the deal \"" + deal.name() + "\":");
        for (TimelineItem item : session.timeline().of(ref)) {
            out.println("  " + TIME.format(item.at()) + "  " + item.author() + ": " + describe(item));
        }
        out.println();
        out.println("Event log of the deal \"" + deal.name() + "\":");
        Map<Object, String> names = new HashMap<>();
        session.users().list().forEach(u -> names.put(u.id(), u.name()));
        for (Event e : session.events().of(ref)) {
            out.println("  #" + e.sequence() + "  " + TIME.format(e.at()) + "  "
                    + e.author().map(names::get).orElse("system") + "  " + e.kind()
                    + e.field().map(f -> " " + f + ": " + e.before().orElse("—") + " → " + e.after().orElse("—")).orElse(""));
        }
    }

    private static String describe(TimelineItem item) {
        if (item instanceof TimelineItem.Note note) {
            return "comment \"" + note.comment().text() + "\"";
        } else if (item instanceof TimelineItem.PhoneCall phone) {
            Call c = phone.call();
            return c.direction().name().toLowerCase(Locale.ROOT) + " call from " + c.fromNumber()
                    + (c.connected() ? ", talked " + c.duration().toSeconds() + " s" : ", missed");
        } else if (item instanceof TimelineItem.Correspondence mail) {
            Message m = mail.message();
            return m.channel() + " " + m.direction().name().toLowerCase(Locale.ROOT) + " \"" + m.subject().orElse("") + "\"";
        }
        Event e = ((TimelineItem.Change) item).event();
        switch (e.kind()) {
            case CREATED:
                return "created the deal";
            case STAGE_CHANGED:
                return "moved it from " + e.before().orElse("?") + " to " + e.after().orElse("?");
            case CLOSED:
                return "closed it";
            default:
                return e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + e.field().map(f -> " " + f + " → " + e.after().orElse("—")).orElse("");
        }
    }
}
