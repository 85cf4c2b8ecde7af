package dev.crmkit.examples;

import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.LeadFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.contact.Conversion;
import dev.crmkit.core.contact.Converted;
import dev.crmkit.core.contact.LeadForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * A web-form request's way through Unsorted (LEAD-3) to a deal, on the in-memory storage with the amoCRM
 * preset: the lead arrives with its web analytics values, the manager sees it in Unsorted, accepts it into
 * the Sales pipeline, and the deal goes to the contact who was already stored under the same phone number
 * in another spelling (CON-4, LEAD-4) instead of a second one. A second request is declined and kept.
 */
public final class WebFormLead {

    private WebFormLead() {
    }

    /**
     * Runs the tour on the system clock and prints it.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm()).clock(Clock.systemUTC())
                .build();
        run(crm, System.out);
    }

    /**
     * Runs the tour.
     *
     * @param crm a CRM with the amoCRM preset on an empty storage
     * @param out where the story is printed
     * @return what the accepted lead became
     */
    public static Converted run(Crm crm, PrintStream out) {
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@example.com"));
        CrmSession anna = crm.as(admin.id());
        User manager = anna.users().add(UserForm.named("Boris Manager").email("boris@example.com"));
        CrmSession boris = crm.as(manager.id());
        Pipeline sales = anna.pipelines().create(NewPipeline.named("Sales")
                .stage("First contact", 10).stage("Negotiation", 50));
        Contact ivan = boris.contacts().create(ContactForm.person("Ivan", "Petrov").phone("8 (901) 776-34-34"));

        // The site's form posts two requests into Unsorted.
        Utm utm = new Utm(Optional.of("yandex"), Optional.of("cpc"), Optional.of("office-chairs"), Optional.empty(),
                Optional.empty(), Optional.of("GA1.2.1234.5678"));
        Lead chairs = boris.leads().create(LeadForm.named("40 office chairs").source(LeadSource.WEB_FORM).unsorted()
                .person("Ivan", "Petrov").phone("+7 901 776-34-34").budget(Money.of("120000", "RUB")).utm(utm));
        Lead spam = boris.leads().create(LeadForm.named("Cheap followers").source(LeadSource.WEB_FORM).unsorted());

        out.println("Unsorted:");
        for (Lead l : boris.leads().query(LeadFields.STATUS.eq(LeadStatus.UNSORTED), Sort.by(LeadFields.CREATED),
                PageRequest.first(20)).items()) {
            out.println("  " + l.name() + " (" + l.source() + ", utm_campaign=" + l.utm().campaign().orElse("—") + ")");
        }

        Converted made = boris.leads().accept(chairs.id(), chairs.version(), Conversion.into(sales.id()));
        Lead declined = boris.leads().decline(spam.id(), spam.version());

        out.println();
        out.println("Accepted \"" + made.lead().name() + "\" into the deal \"" + made.deal().name() + "\" at "
                + sales.stage(made.deal().stage()).orElseThrow().name() + ", budget "
                + made.deal().budget().orElseThrow().amount());
        out.println("  contact: " + made.contact().name().full() + (made.contactReused()
                ? " (already stored as " + ivan.phones().get(0).number().raw() + ", not created again)" : " (new)"));
        out.println("Declined \"" + declined.name() + "\": kept with status " + declined.status());
        out.println();
        out.println("Events of the lead:");
        for (Event e : anna.events().of(RecordRef.of(chairs.id()))) {
            out.println("  " + e.kind() + e.field().map(f -> " " + f).orElse("") + e.after().map(a -> " → " + a).orElse(""));
        }
        return made;
    }
}
