package dev.crmkit.bench;

import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.EmailKind;
import dev.crmkit.api.contact.PhoneKind;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating contacts one by one through the facade on the in-memory adapter into a store that already holds
 * {@code existing} contacts, under a preset's rule, with the duplicate check on and off (the peer: the same preset
 * with {@code duplicateDetection(false)}), one thread. The people are {@link ContactData}'s, complete (every field the
 * Bitrix24 preset requires), {@code duplicates} of them returning; the first {@code existing} are stored through the
 * storage port before each iteration, the next {@code batch} are created in the measured part. Each iteration's
 * outcome is checked: with the check on, exactly the contacts a correct check refuses ({@link DuplicateKeys#refused})
 * are refused; with it off, none. Forks are meant to alternate between on and off: see {@link Interleaved}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class CreateBenchmark {

    /** Whether the duplicate check runs. */
    @Param({"true", "false"})
    public boolean duplicateCheck;

    /** The preset: {@code amoCRM}, {@code bitrix24} or {@code onlyOffice}. */
    @Param("amoCRM")
    public String rule;

    /** How many contacts the store holds before the creates. */
    @Param("1000000")
    public int existing;

    /** How many contacts each iteration creates. */
    @Param("100000")
    public int batch;

    /** The share of returning people. */
    @Param("0.10")
    public double duplicates;

    List<Contact> stored;
    List<ContactData.Person> created;
    int expectedRefused;
    CrmSession session;
    /** The measured side's last outcome. */
    Outcome last;

    /** What one iteration did. */
    record Outcome(int created, int refused) {
    }

    /** Generates the people (seed 11) and works out how many a correct check refuses. */
    @Setup(Level.Trial)
    public void people() {
        List<ContactData.Person> people = ContactData.people(11, existing + batch, duplicates, true);
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        User owner = Crm.builder().storage(InMemoryStorage.create()).build().bootstrap(UserForm.named("Owner"));
        stored = ContactData.contacts(people.subList(0, existing), owner.id(), at);
        created = List.copyOf(people.subList(existing, existing + batch));
        Policy policy = DuplicateKeys.preset(rule);
        expectedRefused = DuplicateKeys.refused(policy, stored, ContactData.contacts(created, owner.id(), at));
        System.out.printf("  %d of the %d new contacts are duplicates under %s%n", expectedRefused, batch, rule);
    }

    /** A CRM holding the existing contacts, for each iteration. */
    @Setup(Level.Iteration)
    public void storeExisting() {
        last = null;
        session = null;
        Policy policy = Policy.builder(DuplicateKeys.preset(rule)).duplicateDetection(duplicateCheck).build();
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).policy(policy).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        for (int from = 0; from < stored.size(); from += 10_000) {
            List<Contact> part = stored.subList(from, Math.min(stored.size(), from + 10_000));
            storage.run(tx -> part.forEach(tx.contacts()::insert));
        }
        session = crm.as(admin.id());
        System.gc();
    }

    /** Checks the iteration's outcome. */
    @TearDown(Level.Iteration)
    public void check() {
        if (last != null) {
            int refused = duplicateCheck ? expectedRefused : 0;
            if (last.refused() != refused || last.created() != batch - refused) {
                throw new IllegalStateException("created " + last.created() + ", refused " + last.refused()
                        + "; expected " + (batch - refused) + " and " + refused);
            }
        }
        last = null;
        session = null;
    }

    /**
     * The form creating a person: its raw values as a user gives them (phones as mobiles, the e-mail private).
     *
     * @param p the person
     * @return the form
     */
    static ContactForm form(ContactData.Person p) {
        ContactForm form = ContactForm.person(p.first(), p.last()).middleName(p.middle());
        p.phones().forEach(raw -> form.phone(raw, PhoneKind.MOBILE));
        if (p.email() != null) {
            form.email(p.email(), EmailKind.PRIVATE);
        }
        if (p.birth() != null) {
            form.birthDate(p.birth());
        }
        return form;
    }

    /**
     * Creates every new contact, one transaction each; duplicates are refused when the check is on.
     *
     * @return how many were created and refused
     */
    @Benchmark
    public Outcome createOneByOne() {
        int made = 0;
        int refused = 0;
        for (ContactData.Person p : created) {
            try {
                session.contacts().create(form(p));
                made++;
            } catch (DuplicateException duplicate) {
                refused++;
            }
        }
        last = new Outcome(made, refused);
        return last;
    }
}
