package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.user.User;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmSession;
import dev.crmkit.core.contact.ContactForm;
import dev.crmkit.core.deal.DealForm;
import dev.crmkit.core.deal.NewPipeline;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.core.user.UserForm;
import dev.crmkit.tck.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection dies in the middle of a transaction (issue 16 item 3): its backend is terminated from a
 * second connection at a chosen step of a facade call. Whatever the step, nothing is half-written (every
 * table of the schema has the rows it had, no event rows), the caller gets a typed
 * {@link StorageException} that says the outcome is unknown only when the connection died at the commit,
 * its message quotes none of the record's values, and the next call on the same storage works, on a fresh
 * connection.
 */
@DisplayName("PostgreSQL adapter: a connection killed in the middle of a transaction")
class FaultTest {

    /** Values of the records the failing calls write: none may appear in an exception's message. */
    private static final String SECRET_NAME = "Zinaida";
    private static final String SECRET_LAST = "Secretova";
    private static final String SECRET_PHONE = "+7 901 555-12-34";
    private static final String SECRET_DIGITS = "9015551234";
    private static final String SECRET_EMAIL = "zinaida.secretova@example.org";
    private static final String SECRET_DEAL = "Chairs for Zinaida";

    /** Where in the transaction the backend is terminated. */
    enum Point {
        BEFORE_FIRST_WRITE("before the first write", FaultyDataSource.Step::isWrite),
        BETWEEN_WRITES("between the first and the second write", s -> s.isWrite() && s.writes() == 1),
        AT_EVENT_BATCH("after the record writes, at the batch that stores the events", FaultyDataSource.Step::isEventWrite),
        AT_COMMIT("at the commit", s -> s.kind() == FaultyDataSource.Kind.COMMIT);

        final String text;
        final Predicate<FaultyDataSource.Step> when;

        Point(String text, Predicate<FaultyDataSource.Step> when) {
            this.text = text;
            this.when = when;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A facade call that writes several rows and events. */
    enum Call {
        CREATE_CONTACT("creating a contact") {
            @Override
            void run(FaultTest t, CrmSession s) {
                t.contact = s.contacts().create(ContactForm.person(SECRET_NAME, SECRET_LAST).phone(SECRET_PHONE)
                        .email(SECRET_EMAIL).tag("vip"));
            }
        },
        MOVE_DEAL("moving a deal to another stage") {
            @Override
            void run(FaultTest t, CrmSession s) {
                Deal d = s.deals().get(t.deal.id());
                t.deal = s.deals().move(d.id(), t.pipeline.stages().get(1 + (int) (d.version() % 2)).id(), d.version());
            }
        },
        UPDATE_DEAL("renaming a deal and changing its budget") {
            @Override
            void run(FaultTest t, CrmSession s) {
                Deal d = s.deals().get(t.deal.id());
                t.deal = s.deals().update(d.id(), d.version(), f -> f.name(SECRET_DEAL + " v" + d.version())
                        .budget(Money.of(String.valueOf(1000 + d.version()) + ".00", "RUB")));
            }
        };

        final String text;

        Call(String text) {
            this.text = text;
        }

        abstract void run(FaultTest t, CrmSession s);

        @Override
        public String toString() {
            return text;
        }
    }

    private static HikariDataSource pool;

    private FaultyDataSource faulty;
    private CrmSession anna;
    private Pipeline pipeline;
    private Deal deal;
    private Contact contact;

    @BeforeAll
    static void startPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(EmbeddedPostgresServer.get().getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(2);
        config.setPoolName("crmkit-faults");
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void setUp() {
        TestDatabase.freshStorage();
        faulty = new FaultyDataSource(pool, TestDatabase.dataSource());
        PostgresStorage storage = PostgresStorage.builder(faulty).schema(TestDatabase.SCHEMA).migrate(false).build();
        Crm crm = Crm.builder().storage(storage).policy(Policies.amoCrm())
                .clock(new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).build();
        User admin = crm.bootstrap(UserForm.named("Anna Admin").email("anna@crmkit.test"));
        anna = crm.as(admin.id());
        pipeline = anna.pipelines().create(NewPipeline.named("Sales").stage("First contact", 10)
                .stage("Negotiation", 50).stage("Invoice sent", 80));
        deal = anna.deals().create(DealForm.in(pipeline.id()).name("Tables")
                .budget(Money.of("500.00", "RUB")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(Call.values()).flatMap(c -> Stream.of(Point.values()).map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("cases")
    @Tag("EV-1")
    @DisplayName("a killed connection: nothing half-written, a typed StorageException without row values, the next call works")
    void killedConnection(Call call, Point point) throws SQLException {
        Map<String, Long> before = rowCounts();

        faulty.killAt(point.when);
        Throwable thrown = catchThrowable(() -> call.run(this, anna));
        Integer killed = faulty.killed();

        assertThat(killed).as("the fault fired (steps: %s)", faulty.trace()).isNotNull();
        assertThat(thrown).as("what the call threw").isInstanceOf(StorageException.class);
        StorageException e = (StorageException) thrown;
        assertThat(e.outcomeUnknown()).as("outcome unknown: %s", e.getMessage()).isEqualTo(point == Point.AT_COMMIT);
        assertThat(e).hasCauseInstanceOf(SQLException.class);
        assertThat(e.getMessage()).as("the message quotes no row values")
                .doesNotContain(SECRET_NAME, SECRET_LAST, SECRET_EMAIL, SECRET_DIGITS, SECRET_DEAL, "Tables", "500.00")
                .doesNotContain("Batch entry");
        if (faulty.killedAt().isEventWrite()) {
            // The driver's own message of a failed batch quotes the entry's values; the server's is kept instead.
            assertThat(e).hasMessageContaining("a batch of statements was aborted: terminating connection");
        }
        // The backend died before COMMIT reached it, in every case: nothing at all was stored.
        assertThat(rowCounts()).as("row counts of every table").isEqualTo(before);

        call.run(this, anna);
        List<Integer> pids = faulty.pids();
        assertThat(pids.get(pids.size() - 1)).as("the next call's backend").isNotEqualTo(killed);
        Map<String, Long> after = rowCounts();
        assertThat(after.get("events")).as("events of the call run again").isGreaterThan(before.get("events"));
        if (call == Call.CREATE_CONTACT) {
            assertThat(after.get("contacts")).isEqualTo(before.get("contacts") + 1);
            assertThat(anna.contacts().get(contact.id()).name().full()).isEqualTo(SECRET_NAME + " " + SECRET_LAST);
        } else {
            assertThat(anna.deals().get(deal.id()).version()).isEqualTo(deal.version());
        }
    }

    /** The number of rows of every table of the test schema, read on a connection of its own. */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String table : Tables.ALL) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + TestDatabase.SCHEMA + "." + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
