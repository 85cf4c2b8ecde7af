package dev.crmkit.bench;

import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.policy.Policy;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating contacts one by one through the facade on the in-memory adapter (amoCRM preset), with the
 * duplicate check on and off (the peer), one thread; each invocation starts from an empty CRM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Threads(1)
public class CreateBenchmark {

    /** Whether the duplicate check runs. */
    @Param({"true", "false"})
    public boolean duplicateCheck;

    /** How many contacts each invocation creates. */
    @Param("100000")
    public int contacts;

    List<BenchData.Person> people;
    CrmSession session;

    /** Generates the people (seed 11, no duplicates, so every create succeeds). */
    @Setup(Level.Trial)
    public void people() {
        people = BenchData.people(11, contacts, 0.0);
    }

    /** A new, empty CRM for each invocation. */
    @Setup(Level.Invocation)
    public void emptyCrm() {
        Policy policy = Policy.builder(Policies.amoCrm()).duplicateDetection(duplicateCheck).build();
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).policy(policy).build();
        User admin = crm.bootstrap(UserForm.named("Bench Admin"));
        session = crm.as(admin.id());
    }

    /**
     * Creates every contact, one transaction each.
     *
     * @return how many were created
     */
    @Benchmark
    public int createOneByOne() {
        int created = 0;
        for (BenchData.Person p : people) {
            session.contacts().create(ContactForm.person(p.first(), p.last()).phone(p.phone()).email(p.email()));
            created++;
        }
        return created;
    }
}
