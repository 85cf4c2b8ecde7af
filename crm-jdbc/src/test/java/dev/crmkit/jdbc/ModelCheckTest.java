package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.ConflictException;
import dev.crmkit.api.CrmException;
import dev.crmkit.api.DuplicateException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.CompanyForm;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.spi.Storage;
import dev.crmkit.tck.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A model check of the PostgreSQL adapter against the in-memory one, the reference (issue 16 item 3).
 * Eight threads run a bounded number of seeded, mixed facade operations each (create, read-then-update
 * with the version read, a stale update now and then, stage moves, deletes, finds) against one database;
 * the same seeds run on the in-memory adapter. Interleavings differ between the runs, so each thread works
 * on records of its own (its own user is responsible, its names carry its number, its phone numbers are
 * its own): then every operation's result is determined by the thread's seed alone, and the two runs are
 * compared thread by thread, operation by operation — success and the returned record's fields except
 * generated ids and timestamps (references as the thread's own labels), or the error's type and code —
 * and so is the final stored state of every record a thread made. A second test has threads race on
 * shared records, where only the counts are order-independent: of two updates of the same version
 * exactly one wins.
 */
@DisplayName("PostgreSQL adapter: a model check against the in-memory adapter, eight threads")
class ModelCheckTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 300;
    private static final long SEED = 16_3_2026L;
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** One CRM on one adapter: an admin, a pipeline, and a user of its own for each thread. */
    private static final class World {
        final Crm crm;
        final CrmSession admin;
        final Pipeline pipeline;
        final List<CrmSession> threads = new ArrayList<>();

        World(Storage storage) {
            crm = Crm.builder().storage(storage).policy(Policies.amoCrm()).clock(new MutableClock(T0)).build();
            User anna = crm.bootstrap(UserForm.named("Anna Admin").email("anna@crmkit.test"));
            admin = crm.as(anna.id());
            pipeline = admin.pipelines().create(NewPipeline.named("Sales").stage("First contact", 10)
                    .stage("Negotiation", 50).stage("Invoice sent", 80));
            for (int t = 0; t < THREADS; t++) {
                User u = admin.users().add(UserForm.named("Thread" + t + " Worker").email("thread" + t + "@crmkit.test").admin());
                threads.add(crm.as(u.id()));
            }
        }
    }

    /** What one thread did: a line per operation, and the final state of its records. */
    private record Run(List<String> operations, List<String> finalState) {
    }

    @Test
    @DisplayName("8 threads × 300 seeded operations give the same results, operation by operation, as on the in-memory adapter")
    void sameResultsAsTheReference() throws Exception {
        List<Run> postgres = runAll(new World(TestDatabase.freshStorage()));
        List<Run> memory = runAll(new World(InMemoryStorage.create()));

        for (int t = 0; t < THREADS; t++) {
            List<String> pg = postgres.get(t).operations();
            List<String> mem = memory.get(t).operations();
            assertThat(pg).as("operations of thread %d", t).hasSize(OPERATIONS);
            assertThat(mem).as("operations of thread %d on the in-memory adapter", t).hasSize(OPERATIONS);
            for (int i = 0; i < OPERATIONS; i++) {
                assertThat(pg.get(i)).as("thread %d, operation %d", t, i).isEqualTo(mem.get(i));
            }
            assertThat(postgres.get(t).finalState()).as("final state of thread %d's records", t)
                    .containsExactlyElementsOf(memory.get(t).finalState());
        }
        // The runs exercised what they are meant to: successes and every kind of refusal.
        String all = postgres.stream().flatMap(r -> r.operations().stream()).collect(Collectors.joining("\n"));
        assertThat(all).contains("ERR ConflictException STALE_VERSION", "ERR NotFoundException", "ERR DuplicateException",
                "ERR RuleViolationException", "find-contacts OK [contact[", "find-deals OK [deal[")
                .containsPattern("create-contact OK contact\\[").containsPattern("update-contact C\\d+ OK")
                .containsPattern("update-company Co\\d+ OK").containsPattern("move-deal D\\d+ to [A-Za-z ]+ OK")
                .containsPattern("update-deal D\\d+ OK").containsPattern("delete-contact C\\d+ OK")
                .containsPattern("delete-company Co\\d+ OK").containsPattern("delete-deal D\\d+ OK");
    }

    private static List<Run> runAll(World world) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> new Worker(world, thread).run()));
            }
            List<Run> result = new ArrayList<>();
            for (Future<Run> run : runs) {
                result.add(run.get(120, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's seeded operations on records of its own. */
    private static final class Worker {
        private final int thread;
        private final CrmSession me;
        private final Pipeline pipeline;
        private final Random random;
        private final List<Contact> contacts = new ArrayList<>();
        private final List<Company> companies = new ArrayList<>();
        private final List<Deal> deals = new ArrayList<>();
        /** The thread's label of each record it made (by id), standing in for generated ids in results. */
        private final Map<Object, String> labels = new HashMap<>();
        private final List<String> log = new ArrayList<>();

        Worker(World world, int thread) {
            this.thread = thread;
            this.me = world.threads.get(thread);
            this.pipeline = world.pipeline;
            this.random = new Random(SEED + thread);
        }

        Run run() {
            for (int i = 0; i < OPERATIONS; i++) {
                log.add(i + " " + step(i));
            }
            List<String> state = new ArrayList<>();
            for (Contact c : contacts) {
                state.add(labels.get(c.id()) + " " + result(() -> contact(me.contacts().get(c.id()))));
            }
            for (Company c : companies) {
                state.add(labels.get(c.id()) + " " + result(() -> company(me.companies().get(c.id()))));
            }
            for (Deal d : deals) {
                state.add(labels.get(d.id()) + " " + result(() -> deal(me.deals().get(d.id()))));
            }
            return new Run(log, state);
        }

        private String step(int i) {
            int r = random.nextInt(100);
            String tag = "T" + thread;
            if (r < 14 || contacts.isEmpty()) {
                String label = "C" + i;
                int phone = random.nextInt(60);
                return "create-contact " + result(() -> {
                    Contact c = me.contacts().create(ContactForm.person("Thread" + thread, String.format("Person%03d", i))
                            .phone(String.format("+7 90%d 555-%02d-00", thread, phone))
                            .email("p" + i + "@t" + thread + ".test").tag(tag));
                    contacts.add(c);
                    labels.put(c.id(), label);
                    return contact(c);
                });
            }
            if (r < 22 || companies.isEmpty()) {
                String label = "Co" + i;
                return "create-company " + result(() -> {
                    Company c = me.companies().create(CompanyForm.named(String.format("T%d Company%03d", thread, i)).tag(tag));
                    companies.add(c);
                    labels.put(c.id(), label);
                    return company(c);
                });
            }
            if (r < 34 || deals.isEmpty()) {
                String label = "D" + i;
                Contact contact = pick(contacts);
                Company company = random.nextInt(3) == 0 ? pick(companies) : null;
                long amount = 100 + random.nextInt(10_000);
                return "create-deal " + result(() -> {
                    DealForm form = DealForm.in(pipeline.id()).name(String.format("T%d Deal%03d", thread, i))
                            .contact(contact.id()).budget(Money.of(amount + ".00", "RUB")).tag(tag);
                    if (company != null) {
                        form.company(company.id());
                    }
                    Deal d = me.deals().create(form);
                    deals.add(d);
                    labels.put(d.id(), label);
                    return deal(d);
                });
            }
            if (r < 48) {
                Contact target = pick(contacts);
                int stale = random.nextInt(8) == 0 ? 1 : 0;
                String position = "Position" + random.nextInt(50);
                String extra = "g" + random.nextInt(4);
                return "update-contact " + labels.get(target.id()) + " " + result(() -> {
                    Contact read = me.contacts().get(target.id());
                    return contact(me.contacts().update(read.id(), read.version() - stale,
                            f -> f.position(position).tag(extra)));
                });
            }
            if (r < 55) {
                Company target = pick(companies);
                int stale = random.nextInt(8) == 0 ? 1 : 0;
                String name = String.format("T%d Company%03d renamed", thread, i);
                return "update-company " + labels.get(target.id()) + " " + result(() -> {
                    Company read = me.companies().get(target.id());
                    return company(me.companies().update(read.id(), read.version() - stale, f -> f.name(name)));
                });
            }
            if (r < 70) {
                Deal target = pick(deals);
                Stage stage = pipeline.stages().get(random.nextInt(pipeline.stages().size()));
                int stale = random.nextInt(8) == 0 ? 1 : 0;
                return "move-deal " + labels.get(target.id()) + " to " + stage.name() + " " + result(() -> {
                    Deal read = me.deals().get(target.id());
                    return deal(me.deals().move(read.id(), stage.id(), read.version() - stale));
                });
            }
            if (r < 76) {
                Deal target = pick(deals);
                long amount = 100 + random.nextInt(10_000);
                return "update-deal " + labels.get(target.id()) + " " + result(() -> {
                    Deal read = me.deals().get(target.id());
                    return deal(me.deals().update(read.id(), read.version(),
                            f -> f.budget(Money.of(amount + ".50", "RUB"))));
                });
            }
            if (r < 84) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    Contact target = pick(contacts);
                    return "delete-contact " + labels.get(target.id()) + " " + result(() -> {
                        me.contacts().delete(target.id(), me.contacts().get(target.id()).version());
                        return "deleted";
                    });
                } else if (kind == 1) {
                    Company target = pick(companies);
                    return "delete-company " + labels.get(target.id()) + " " + result(() -> {
                        me.companies().delete(target.id(), me.companies().get(target.id()).version());
                        return "deleted";
                    });
                }
                Deal target = pick(deals);
                return "delete-deal " + labels.get(target.id()) + " " + result(() -> {
                    me.deals().delete(target.id(), me.deals().get(target.id()).version());
                    return "deleted";
                });
            }
            if (r < 92) {
                Contact target = pick(contacts);
                return "get-contact " + labels.get(target.id()) + " " + result(() -> contact(me.contacts().get(target.id())));
            }
            if (r < 96) {
                return "find-contacts " + result(() -> me.contacts().query(Filter.and(ContactFields.RESPONSIBLE.eq(me.me().id()),
                        ContactFields.TAG.eq(tag)), Sort.by(ContactFields.NAME), PageRequest.first(20)).items()
                        .stream().map(this::contact).toList().toString());
            }
            return "find-deals " + result(() -> me.deals().query(DealFields.RESPONSIBLE.eq(me.me().id()),
                    Sort.by(DealFields.NAME), PageRequest.first(20)).items().stream().map(this::deal).toList().toString());
        }

        private <T> T pick(List<T> from) {
            return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
        }

        /** "OK" and what the call returned, or "ERR" and the error's type and code. */
        private static String result(Supplier<String> call) {
            try {
                return "OK " + call.get();
            } catch (DuplicateException e) {
                return "ERR DuplicateException " + e.matches().size();
            } catch (ValidationException e) {
                return "ERR " + e.getClass().getSimpleName() + " " + e.codes();
            } catch (ConflictException e) {
                return "ERR ConflictException " + e.reason();
            } catch (NotFoundException | AccessDeniedException e) {
                return "ERR " + e.getClass().getSimpleName();
            } catch (StorageException e) {
                throw new AssertionError("a storage failure", e);
            } catch (CrmException e) {
                return "ERR " + e.getClass().getSimpleName();
            }
        }

        private String label(Object id) {
            return id == null ? "-" : labels.getOrDefault(id, "?");
        }

        private String contact(Contact c) {
            return "contact[" + c.name().full() + " v" + c.version() + " company=" + c.company().map(this::label).orElse("-")
                    + " position=" + c.position().orElse("-") + " phones=" + c.phones() + " emails=" + c.emails()
                    + " tags=" + new TreeSet<>(c.tags()) + " access=" + c.access() + "]";
        }

        private String company(Company c) {
            return "company[" + c.name() + " v" + c.version() + " phones=" + c.phones() + " tags=" + new TreeSet<>(c.tags())
                    + "]";
        }

        private String deal(Deal d) {
            String stage = pipeline.stages().stream().filter(s -> s.id().equals(d.stage())).map(Stage::name).findFirst()
                    .orElse("?");
            return "deal[" + d.name() + " v" + d.version() + " stage=" + stage + " budget=" + d.budget().map(Object::toString).orElse("-")
                    + " contacts=" + d.contacts().stream().map(this::label).toList() + " company="
                    + d.company().map(this::label).orElse("-") + " closed=" + d.closed().isPresent() + " tags="
                    + new TreeSet<>(d.tags()) + "]";
        }
    }

    @Test
    @DisplayName("two threads updating a shared record with the same version: exactly one wins, on both adapters")
    void racingUpdatesOfSharedRecords() throws Exception {
        int records = 24;
        for (Storage storage : List.of(TestDatabase.freshStorage(), InMemoryStorage.create())) {
            World world = new World(storage);
            List<Contact> shared = new ArrayList<>();
            for (int k = 0; k < records; k++) {
                shared.add(world.admin.contacts().create(ContactForm.person("Shared", String.format("Record%03d", k))));
            }
            // Threads 2p and 2p+1 race on the records k with k % 4 == p, each pair meeting at a barrier per record.
            Map<Integer, CyclicBarrier> barriers = new HashMap<>();
            for (int k = 0; k < records; k++) {
                barriers.put(k, new CyclicBarrier(2));
            }
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, List<String>> winners = new java.util.concurrent.ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                CrmSession session = world.threads.get(t);
                done.add(pool.submit(() -> {
                    for (int k = thread / 2; k < records; k += THREADS / 2) {
                        try {
                            Contact read = session.contacts().get(shared.get(k).id());
                            barriers.get(k).await(30, TimeUnit.SECONDS);
                            String position = "Winner" + thread;
                            try {
                                session.contacts().update(read.id(), read.version(), f -> f.position(position));
                                wins.incrementAndGet();
                                winners.computeIfAbsent(k, x -> Collections.synchronizedList(new ArrayList<>())).add(position);
                            } catch (ConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        } catch (Exception e) {
                            unexpected.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            assertThat(unexpected).as("on %s", storage).isEmpty();
            assertThat(wins.get()).as("updates that won on %s", storage).isEqualTo(records);
            assertThat(conflicts.get()).as("updates refused as conflicts on %s", storage).isEqualTo(records);
            for (int k = 0; k < records; k++) {
                Contact now = world.admin.contacts().get(shared.get(k).id());
                assertThat(now.version()).as("record %d on %s", k, storage).isEqualTo(shared.get(k).version() + 1);
                assertThat(winners.get(k)).as("winners of record %d on %s", k, storage).hasSize(1);
                assertThat(now.position()).isEqualTo(Optional.of(winners.get(k).get(0)));
            }
        }
    }
}
