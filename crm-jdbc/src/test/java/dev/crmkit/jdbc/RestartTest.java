package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Sort;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.tck.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The server stops and starts again while clients write (issue 16 item 3). The test runs its own embedded
 * PostgreSQL, not the shared one, with synchronous commits; client threads create and update contacts
 * through the facade, a bounded number of calls each, while the test stops the server (a fast shutdown,
 * which ends every session) and starts it again on the same data directory and port. Every call's outcome
 * is recorded as the caller saw it; afterwards every call reported successful is stored, none reported
 * failed is, and the calls whose outcome was unknown (the connection broke during their commit) are few.
 */
@DisplayName("PostgreSQL adapter: the server restarts in the middle of a run")
class RestartTest {

    private static final int THREADS = 2;
    private static final int CALLS = 150;
    private static final String SCHEMA = "crmkit_restart";

    private enum Outcome { SUCCESS, FAILURE, UNKNOWN }

    private enum Kind { CREATE, UPDATE }

    /**
     * One write call as its caller saw it.
     *
     * @param kind create or update
     * @param name the created contact's name, or the updated one's
     * @param contact the contact's id (null for a create that did not report success)
     * @param tag the tag an update adds (null for a create)
     * @param outcome what the call reported
     */
    private record Call(Kind kind, String name, ContactId contact, String tag, Outcome outcome) {
    }

    private final List<Path> dataDirs = new ArrayList<>();
    private EmbeddedPostgres server;
    private HikariDataSource pool;

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
        for (Path dir : dataDirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @DisplayName("every call reported successful is stored after a restart, none reported failed is, few are unknown")
    void restartMidRun() throws Exception {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "crmkit-restart-pg");
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = parent.resolve(UUID.randomUUID().toString());
        dataDirs.add(dataDir);
        int port = freePort();
        server = EmbeddedPostgresServer.startOwn(dataDir, port);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(THREADS + 1);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setPoolName("crmkit-restart");
        pool = new HikariDataSource(config);
        PostgresStorage storage = PostgresStorage.builder(pool).schema(SCHEMA).build();
        Crm crm = Crm.builder().storage(storage).policy(Policies.amoCrm())
                .clock(new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).build();
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@crmkit.test"));
        CrmSession anna = crm.as(admin.id());

        List<List<Call>> calls = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(THREADS);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Call> mine = new ArrayList<>();
            calls.add(mine);
            int thread = t;
            Thread client = new Thread(() -> {
                try {
                    runClient(anna, thread, mine, done);
                } catch (Throwable e) {
                    unexpected.add(e);
                } finally {
                    finished.countDown();
                }
            }, "restart-client-" + t);
            threads.add(client);
            client.start();
        }

        // Stop once the clients are well under way, stay down longer than the pool waits for a connection,
        // so calls in between fail, and start again on the same data directory and port.
        while (done.get() < THREADS * CALLS / 3 && finished.getCount() > 0) {
            Thread.sleep(5);
        }
        assertThat(finished.getCount()).as("clients still running when the server stops").isEqualTo(THREADS);
        server.close();
        Thread.sleep(1500);
        server = EmbeddedPostgresServer.startOwn(dataDir, port);
        assertThat(finished.await(120, TimeUnit.SECONDS)).as("clients finished").isTrue();
        for (Thread client : threads) {
            client.join();
        }
        assertThat(unexpected).as("failures other than StorageException").isEmpty();

        List<Call> all = calls.stream().flatMap(List::stream).toList();
        long failed = all.stream().filter(c -> c.outcome() == Outcome.FAILURE).count();
        long unknown = all.stream().filter(c -> c.outcome() == Outcome.UNKNOWN).count();
        System.out.println("RestartTest: " + all.size() + " write calls: " + failed + " failed, " + unknown + " unknown, "
                + (all.size() - failed - unknown) + " successful");
        assertThat(failed + unknown).as("calls the restart broke").isPositive();
        assertThat(unknown).as("calls whose outcome is unknown: at most one in flight per client").isLessThanOrEqualTo(THREADS);
        assertThat(all.stream().filter(c -> c.outcome() == Outcome.SUCCESS).count()).as("successful calls after the restart")
                .isGreaterThan(THREADS * CALLS / 3);

        for (Call call : all) {
            List<Contact> named = anna.contacts().query(ContactFields.NAME.eq(call.name()), Sort.byId(),
                    PageRequest.first(10)).items();
            if (call.kind() == Kind.CREATE) {
                switch (call.outcome()) {
                    case SUCCESS -> assertThat(named).as("%s, reported created", call).singleElement()
                            .extracting(Contact::id).isEqualTo(call.contact());
                    case FAILURE -> assertThat(named).as("%s, reported failed", call).isEmpty();
                    case UNKNOWN -> assertThat(named).as("%s, outcome unknown", call).hasSizeLessThanOrEqualTo(1);
                }
            } else {
                Contact stored = anna.contacts().get(call.contact());
                switch (call.outcome()) {
                    case SUCCESS -> assertThat(stored.tags()).as("%s, reported updated", call).contains(call.tag());
                    case FAILURE -> assertThat(stored.tags()).as("%s, reported failed", call).doesNotContain(call.tag());
                    case UNKNOWN -> { } // either is right
                }
            }
        }
    }

    /** One client: creates contacts and updates its own (read, then update with the version read). */
    private static void runClient(CrmSession session, int thread, List<Call> calls, AtomicInteger done) {
        Random random = new Random(16_3000L + thread);
        List<Call> created = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            if (created.isEmpty() || random.nextInt(10) < 4) {
                String name = "Client" + thread + " Number" + i;
                Call call;
                try {
                    Contact c = session.contacts().create(ContactForm.named(name).tag("t" + thread));
                    call = new Call(Kind.CREATE, name, c.id(), null, Outcome.SUCCESS);
                    created.add(call);
                } catch (StorageException e) {
                    call = new Call(Kind.CREATE, name, null, null, e.outcomeUnknown() ? Outcome.UNKNOWN : Outcome.FAILURE);
                }
                calls.add(call);
            } else {
                Call target = created.get(random.nextInt(created.size()));
                String tag = "u" + thread + "-" + i;
                Contact read;
                try {
                    read = session.contacts().get(target.contact());
                } catch (StorageException e) {
                    done.incrementAndGet();
                    continue; // a failed read writes nothing: nothing to check
                }
                Outcome outcome;
                try {
                    session.contacts().update(read.id(), read.version(), f -> f.tag(tag));
                    outcome = Outcome.SUCCESS;
                } catch (StorageException e) {
                    outcome = e.outcomeUnknown() ? Outcome.UNKNOWN : Outcome.FAILURE;
                } catch (NotFoundException e) {
                    throw new AssertionError("a contact reported created is gone: " + target, e);
                }
                calls.add(new Call(Kind.UPDATE, target.name(), target.contact(), tag, outcome));
            }
            done.incrementAndGet();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
