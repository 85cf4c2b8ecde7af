package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.EntityType;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.ProductLine;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.event.EventKind;
import dev.crmkit.api.lead.Lead;
import dev.crmkit.api.lead.LeadSource;
import dev.crmkit.api.lead.LeadStatus;
import dev.crmkit.api.lead.Utm;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.money.BudgetType;
import dev.crmkit.api.money.Money;
import dev.crmkit.api.settings.LossReason;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.TaskType;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Channel;
import dev.crmkit.api.timeline.Comment;
import dev.crmkit.api.timeline.Direction;
import dev.crmkit.api.timeline.Message;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserId;
import dev.crmkit.api.query.ContactFields;
import dev.crmkit.api.query.Cursor;
import dev.crmkit.api.query.DealFields;
import dev.crmkit.api.query.EventFields;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.PageRequest;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.query.Sort;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.Transaction;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for storage adapters: every sentence of the port contracts in
 * {@code dev.crmkit.spi}, as tests. An adapter's test extends this class and implements
 * {@link #newStorage()}; nothing else is needed.
 *
 * <pre>{@code
 * class MyStorageTest extends StorageCompatibilityKit {
 *     protected Storage newStorage() { return MyStorage.create(...); }
 * }
 * }</pre>
 */
public abstract class StorageCompatibilityKit {

    /** How long a concurrency test may wait for its threads before it is considered hung. */
    private static final long WAIT_SECONDS = 120;

    /** The storage under test, new and empty for every test. */
    protected Storage storage;
    /** Builders of valid records. */
    protected TestData data;
    private ExecutorService threads;

    /** For subclasses: an adapter's test extends this kit. */
    protected StorageCompatibilityKit() {
    }

    /**
     * A new, empty storage. Called before every test.
     *
     * @return the storage under test
     */
    protected abstract Storage newStorage();

    /** Creates the storage and test data. */
    @BeforeEach
    void setUpStorage() {
        storage = newStorage();
        data = new TestData();
        threads = Executors.newCachedThreadPool();
    }

    /** Stops the helper threads. */
    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).as("helper threads stopped").isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * Inserts a record in its own transaction through a port chosen by the caller.
     *
     * @param insert the insertion
     * @param <T> the record type
     * @return what was inserted
     */
    protected <T> T committed(java.util.function.Function<Transaction, T> insert) {
        return storage.inTransaction(insert);
    }

    User user(String name) {
        User u = data.aUser(name);
        return committed(tx -> tx.users().insert(u));
    }

    Pipeline pipeline(String name, int position) {
        Pipeline p = data.aPipeline(name, position);
        return committed(tx -> tx.pipelines().insert(p));
    }

    Deal deal(String name, Pipeline p, User owner, String rubles) {
        Deal d = data.aDeal(name, p, owner.id(), rubles);
        return committed(tx -> tx.deals().insert(d));
    }

    static Deal.Builder next(Deal d) {
        return d.toBuilder().version(d.version() + 1).updated(d.updated().plusSeconds(1));
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    <T> Future<T> inThread(Callable<T> work) {
        return threads.submit(work);
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("latch released").isTrue();
    }

    // ---- groups ----------------------------------------------------------------------------------

    /** Insert, find, update and delete of every aggregate; values come back equal. */
    @Nested
    @DisplayName("CRUD")
    class Crud {

        @Test
        @DisplayName("a user round-trips with role, time zone, locale and rights")
        void userRoundTrip() {
            User u = data.aUser("Anna Admin").toBuilder().role(dev.crmkit.api.user.Role.ADMIN)
                    .timeZone(java.time.ZoneId.of("Europe/Moscow")).locale(java.util.Locale.forLanguageTag("ru"))
                    .rights(Set.of(dev.crmkit.api.user.UserRight.EXPORT)).build();
            committed(tx -> tx.users().insert(u));
            assertThat(storage.inTransaction((Transaction tx) -> tx.users().find(u.id()))).contains(u);
        }

        @Test
        @Tag("CON-1")
        @Tag("CON-9")
        @DisplayName("a contact round-trips with its company link and every CON-9 attribute")
        void contactRoundTrip() {
            User owner = user("Olga Owner");
            Company company = data.aCompany("Horns and Hooves", owner.id());
            Contact c = data.aContact("Ivan", "Petrov", owner.id()).toBuilder().company(company.id())
                    .tags(List.of("vip", "moscow")).currency(Currency.getInstance("RUB"))
                    .photo(URI.create("https://files.test/ivan.png"))
                    .links(List.of(URI.create("https://vk.com/ivan"), URI.create("https://ivan.test")))
                    .description("Buys twice a year").birthDate(LocalDate.of(1985, 4, 12)).position("CFO")
                    .access(dev.crmkit.api.contact.AccessLevel.PRIVATE)
                    .customFields(dev.crmkit.api.field.CustomFieldValues.empty().with(
                            new dev.crmkit.api.field.CustomFieldId(data.newId()),
                            new dev.crmkit.api.field.FieldValue.Text("from the fair")))
                    .build();
            storage.run(tx -> {
                tx.companies().insert(company);
                tx.contacts().insert(c);
            });
            Contact stored = storage.inTransaction((Transaction tx) -> tx.contacts().get(c.id()));
            assertThat(stored).isEqualTo(c);
            assertThat(stored.company()).contains(company.id());
            assertThat(stored.tags()).containsExactly("vip", "moscow");
            assertThat(storage.inTransaction((Transaction tx) -> tx.companies().get(company.id()))).isEqualTo(company);
        }

        @Test
        @Tag("DEAL-1")
        @Tag("DEAL-9")
        @DisplayName("a deal round-trips with its one pipeline, stage, responsible user, budget, products and loss reason")
        void dealRoundTrip() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            LossReason tooExpensive = LossReason.builder().id(new LossReasonId(data.newId())).created(data.now())
                    .updated(data.now()).name("Too expensive").build();
            Deal d = data.aDeal("Office chairs", p, owner.id(), null).toBuilder()
                    .stage(p.lostStage().id())
                    .budget(new Budget(rub("150000.50"), BudgetType.PER_MONTH))
                    .expectedClose(LocalDate.of(2026, 12, 20))
                    .products(List.of(new ProductLine("Chair", new BigDecimal("10"), rub("15000.05"))))
                    .closed(data.now()).lossReason(tooExpensive.id()).source(LeadSource.WEB_FORM).build();
            storage.run(tx -> {
                tx.settings().lossReasons().insert(tooExpensive);
                tx.deals().insert(d);
            });
            Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
            assertThat(stored).isEqualTo(d);
            assertThat(stored.pipeline()).isEqualTo(p.id());
            assertThat(stored.responsible()).isEqualTo(owner.id());
            assertThat(stored.budget().orElseThrow().amount().amount()).isEqualByComparingTo("150000.50");
            assertThat(stored.lossReason()).contains(tooExpensive.id());
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("a pipeline round-trips with ordered stages ending in Won and Lost and their probabilities")
        void pipelineRoundTrip() {
            Pipeline p = pipeline("Sales", 0);
            Pipeline stored = storage.inTransaction((Transaction tx) -> tx.pipelines().get(p.id()));
            assertThat(stored).isEqualTo(p);
            assertThat(stored.stages()).extracting(s -> s.kind())
                    .containsExactly(StageKind.OPEN, StageKind.OPEN, StageKind.WON, StageKind.LOST);
            assertThat(stored.stages().get(1).probability().value()).isEqualByComparingTo("50");
        }

        @Test
        @DisplayName("a lead round-trips with its source, status and utm values")
        void leadRoundTrip() {
            User owner = user("Olga Owner");
            Lead l = data.aLead("Request from the site", owner.id()).toBuilder().source(LeadSource.WEB_FORM)
                    .status(LeadStatus.UNSORTED).utm(new Utm(Optional.of("yandex"), Optional.of("cpc"),
                            Optional.of("autumn"), Optional.empty(), Optional.of("chairs"), Optional.of("GA1.2.3")))
                    .budget(rub("1000")).build();
            committed(tx -> tx.leads().insert(l));
            assertThat(storage.inTransaction((Transaction tx) -> tx.leads().get(l.id()))).isEqualTo(l);
        }

        @Test
        @DisplayName("a task and a task type round-trip")
        void taskRoundTrip() {
            User owner = user("Olga Owner");
            TaskType call = data.aTaskType("Call", 0);
            Task t = data.aTask(call.id(), new RecordRef(EntityType.DEAL, data.newId()), owner.id(),
                    TestData.START.plusSeconds(86_400)).toBuilder().closed(data.now()).result("Agreed").build();
            storage.run(tx -> {
                tx.settings().taskTypes().insert(call);
                tx.tasks().insert(t);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().get(t.id()))).isEqualTo(t);
            assertThat(storage.inTransaction((Transaction tx) -> tx.settings().taskTypes().get(call.id()))).isEqualTo(call);
        }

        @Test
        @Tag("ACT-1")
        @Tag("ACT-2")
        @DisplayName("comments, calls with every ACT-2 attribute and messages round-trip as timeline entries")
        void timelineRoundTrip() {
            User owner = user("Olga Owner");
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            Comment comment = data.aComment(deal, owner.id(), "Discussed the delivery date");
            Call call = data.aCall(deal, owner.id(), "mango", "c-1").toBuilder()
                    .recording(URI.create("https://rec.test/c-1.mp3")).build();
            Instant t = data.now();
            Message message = Message.builder().id(new TimelineEntryId(data.newId())).created(t).updated(t)
                    .owner(deal).author(owner.id()).at(t).channel(Channel.EMAIL).direction(Direction.INBOUND)
                    .from("ivan@client.test").to("sales@crmkit.test").subject("Offer").body("We agree").build();
            storage.run(tx -> {
                tx.timeline().insert(comment);
                tx.timeline().insert(call);
                tx.timeline().insert(message);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().findAll(List.of(call.id(), comment.id(), message.id()))))
                    .containsExactly(call, comment, message);
            Call stored = (Call) storage.inTransaction((Transaction tx) -> tx.timeline().get(call.id()));
            assertThat(stored.direction()).isEqualTo(Direction.INBOUND);
            assertThat(stored.duration()).hasSeconds(95);
            assertThat(stored.connected()).isTrue();
            assertThat(stored.cost()).contains(rub("3.50"));
        }

        @Test
        @DisplayName("an update replaces the record and raises its version; find sees the new state")
        void update() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            Deal changed = next(d).name("Chairs and tables").build();
            Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().update(changed, 1));
            assertThat(stored).isEqualTo(changed);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).version()).isEqualTo(2);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).name()).isEqualTo("Chairs and tables");
        }

        @Test
        @DisplayName("a deleted record is gone; get throws NotFoundException")
        void delete() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            storage.run(tx -> tx.deals().delete(d.id(), 1));
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().find(d.id()))).isEmpty();
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().get(d.id())))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((NotFoundException) e).record()).isEqualTo(RecordRef.of(d.id())));
        }

        @Test
        @DisplayName("updating or deleting an unknown id throws NotFoundException")
        void unknownIds() {
            User owner = user("Olga Owner");
            Deal ghost = data.aDeal("Ghost", data.aPipeline("P", 0), owner.id(), null);
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(next(ghost).build(), 1)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().delete(ghost.id(), 1)))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("inserting an id twice is a conflict and the stored record stays as it was")
        void insertTwice() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            Deal impostor = d.toBuilder().name("Impostor").build();
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().insert(impostor)))
                    .isInstanceOf(ConflictException.class);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(d);
        }

        @Test
        @DisplayName("a new record must be at version 1 and the next state at the expected version + 1")
        void versionArguments() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            Deal other = data.aDeal("Other", data.aPipeline("P", 0), owner.id(), null);
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().insert(next(other).build())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(d.toBuilder().name("x").build(), 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(d);
        }

        @Test
        @DisplayName("findAll returns the existing records in the order asked, each once")
        void findAll() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal a = deal("A", p, owner, null);
            Deal b = deal("B", p, owner, null);
            DealId missing = new DealId(data.newId());
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().findAll(List.of(b.id(), missing, a.id(), b.id()))))
                    .containsExactly(b, a);
        }
    }

    /** Optimistic versions: a stale change never overwrites silently. */
    @Nested
    @DisplayName("Versions and conflicts")
    class Versions {

        @Test
        @DisplayName("an update based on a stale version is a conflict and changes nothing")
        void staleUpdate() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            storage.run(tx -> tx.deals().update(next(d).name("First save").build(), 1));
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().update(next(d).name("Second save").build(), 1)))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).record()).contains(RecordRef.of(d.id())));
            Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
            assertThat(stored.name()).isEqualTo("First save");
            assertThat(stored.version()).isEqualTo(2);
        }

        @Test
        @DisplayName("a delete based on a stale version is a conflict and the record stays")
        void staleDelete() {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            storage.run(tx -> tx.deals().update(next(d).build(), 1));
            assertThatThrownBy(() -> storage.run(tx -> tx.deals().delete(d.id(), 1)))
                    .isInstanceOf(ConflictException.class);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().find(d.id()))).isPresent();
        }

        @Test
        @DisplayName("two users save the same record from the same version: the second save fails")
        void twoUsersSaveTheSameRecord() throws Exception {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "100");
            CountDownLatch bothRead = new CountDownLatch(2);
            CountDownLatch firstSaved = new CountDownLatch(1);
            Future<Deal> first = inThread(() -> storage.inTransaction((Transaction tx) -> {
                Deal mine = tx.deals().get(d.id());
                bothRead.countDown();
                awaitUnchecked(bothRead);
                return tx.deals().update(next(mine).name("Anna's").build(), mine.version());
            }));
            Future<Object> second = inThread(() -> {
                try {
                    storage.run(tx -> {
                        Deal mine = tx.deals().get(d.id());
                        bothRead.countDown();
                        awaitUnchecked(firstSaved);
                        tx.deals().update(next(mine).name("Boris's").build(), mine.version());
                    });
                    return "saved";
                } catch (ConflictException e) {
                    return e;
                }
            });
            await(first);
            firstSaved.countDown();
            assertThat(await(second)).isInstanceOf(ConflictException.class);
            Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
            assertThat(stored.name()).isEqualTo("Anna's");
            assertThat(stored.version()).isEqualTo(2);
        }

        @Test
        @DisplayName("8 threads each add 1 to a budget 500 times with retries: no update is lost")
        void noLostUpdates() throws Exception {
            User owner = user("Olga Owner");
            Deal d = deal("Chairs", pipeline("Sales", 0), owner, "1000.00");
            int threadCount = 8;
            int increments = 500;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                workers.add(inThread(() -> {
                    await(start);
                    int conflicts = 0;
                    for (int i = 0; i < increments; i++) {
                        while (true) {
                            try {
                                storage.run(tx -> {
                                    Deal current = tx.deals().get(d.id());
                                    Budget b = current.budget().orElseThrow();
                                    tx.deals().update(next(current).budget(b.withAmount(b.amount().plus(rub("1"))))
                                            .build(), current.version());
                                });
                                break;
                            } catch (ConflictException e) {
                                conflicts++;
                            }
                        }
                    }
                    return conflicts;
                }));
            }
            start.countDown();
            for (Future<Integer> w : workers) {
                await(w);
            }
            Deal stored = storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()));
            assertThat(stored.budget().orElseThrow().amount()).isEqualTo(rub("5000.00"));
            assertThat(stored.version()).isEqualTo(1 + threadCount * increments);
        }
    }

    /** All or nothing. */
    @Nested
    @DisplayName("Atomicity")
    class Atomicity {

        @Test
        @DisplayName("an exception inside a transaction rolls back every write, events included, and propagates")
        void exceptionRollsBack() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal existing = deal("Existing", p, owner, "100");
            Deal fresh = data.aDeal("Fresh", p, owner.id(), null);
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> storage.run(tx -> {
                tx.deals().insert(fresh);
                tx.deals().update(next(existing).name("Changed").build(), 1);
                tx.contacts().insert(data.aContact("Ivan", "Petrov", owner.id()));
                tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner.id()));
                throw boom;
            })).isSameAs(boom);
            storage.run(tx -> {
                assertThat(tx.deals().find(fresh.id())).isEmpty();
                assertThat(tx.deals().get(existing.id())).isEqualTo(existing);
                assertThat(tx.contacts().count(Filter.all())).isZero();
                assertThat(tx.events().lastSequence()).isZero();
            });
        }

        @Test
        @DisplayName("a conflict in the middle of a transaction leaves none of its earlier writes")
        void conflictRollsBack() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal a = deal("A", p, owner, "100");
            Deal fresh = data.aDeal("Fresh", p, owner.id(), null);
            assertThatThrownBy(() -> storage.run(tx -> {
                tx.deals().insert(fresh);
                tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner.id()));
                tx.deals().update(next(a).version(5).build(), 4);
            })).isInstanceOf(ConflictException.class);
            storage.run(tx -> {
                assertThat(tx.deals().find(fresh.id())).isEmpty();
                assertThat(tx.events().lastSequence()).isZero();
            });
        }

        @Test
        @DisplayName("a transaction sees its own writes before it commits")
        void ownWrites() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal d = data.aDeal("Mine", p, owner.id(), "5");
            storage.run(tx -> {
                tx.deals().insert(d);
                assertThat(tx.deals().find(d.id())).contains(d);
                assertThat(tx.deals().query(DealFields.NAME.eq("Mine"), Sort.byId(), PageRequest.first(10)).items())
                        .containsExactly(d);
                Deal changed = tx.deals().update(next(d).name("Still mine").build(), 1);
                assertThat(tx.deals().get(d.id())).isEqualTo(changed);
                tx.deals().delete(d.id(), 2);
                assertThat(tx.deals().find(d.id())).isEmpty();
                assertThat(tx.deals().count(Filter.all())).isZero();
            });
        }
    }

    /** Read committed with consistent statements. */
    @Nested
    @DisplayName("Isolation")
    class Isolation {

        @Test
        @DisplayName("no dirty reads: another transaction's uncommitted writes are invisible until it commits")
        void noDirtyReads() throws Exception {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal existing = deal("Existing", p, owner, "100");
            Deal fresh = data.aDeal("Fresh", p, owner.id(), null);
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch checked = new CountDownLatch(1);
            Future<Object> writer = inThread(() -> {
                storage.run(tx -> {
                    tx.deals().insert(fresh);
                    tx.deals().update(next(existing).name("Changed").build(), 1);
                    tx.events().append(data.aCreatedEvent(RecordRef.of(fresh.id()), owner.id()));
                    written.countDown();
                    awaitUnchecked(checked);
                });
                return null;
            });
            await(written);
            storage.run(tx -> {
                assertThat(tx.deals().find(fresh.id())).isEmpty();
                assertThat(tx.deals().get(existing.id()).name()).isEqualTo("Existing");
                assertThat(tx.deals().count(Filter.all())).isEqualTo(1);
                assertThat(tx.events().lastSequence()).isZero();
            });
            checked.countDown();
            await(writer);
            storage.run(tx -> {
                assertThat(tx.deals().find(fresh.id())).isPresent();
                assertThat(tx.deals().get(existing.id()).name()).isEqualTo("Changed");
                assertThat(tx.events().lastSequence()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("no torn reads: one query sees a two-record transfer entirely or not at all")
        void noTornReads() throws Exception {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Deal a = deal("A", p, owner, "1000.00");
            Deal b = deal("B", p, owner, "1000.00");
            int transfers = 300;
            AtomicBoolean done = new AtomicBoolean();
            Future<Object> writer = inThread(() -> {
                for (int i = 0; i < transfers; i++) {
                    storage.run(tx -> {
                        Deal x = tx.deals().get(a.id());
                        Deal y = tx.deals().get(b.id());
                        tx.deals().update(next(x).budget(x.budget().orElseThrow().withAmount(
                                x.budget().orElseThrow().amount().minus(rub("1")))).build(), x.version());
                        tx.deals().update(next(y).budget(y.budget().orElseThrow().withAmount(
                                y.budget().orElseThrow().amount().plus(rub("1")))).build(), y.version());
                    });
                }
                done.set(true);
                return null;
            });
            int reads = 0;
            Filter<Deal> both = DealFields.ID.in(List.of(a.id(), b.id()));
            while (!done.get() || reads < 10) {
                List<Deal> seen = storage.inTransaction((Transaction tx) ->
                        tx.deals().query(both, Sort.byId(), PageRequest.first(10)).items());
                assertThat(seen).hasSize(2);
                Money sum = seen.get(0).budget().orElseThrow().amount().plus(seen.get(1).budget().orElseThrow().amount());
                assertThat(sum).as("sum seen by one query").isEqualTo(rub("2000.00"));
                reads++;
            }
            await(writer);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(a.id())).budget().orElseThrow().amount())
                    .isEqualTo(rub("700.00"));
        }
    }

    /** Filters, sorting and keyset paging. */
    @Nested
    @DisplayName("Queries")
    class Queries {

        private User anna;
        private User boris;
        private Pipeline sales;
        private List<Deal> deals;

        @BeforeEach
        void thirtyDeals() {
            anna = user("Anna");
            boris = user("Boris");
            sales = pipeline("Sales", 0);
            Contact ivan = data.aContact("Ivan", "Petrov", anna.id());
            Contact petr = data.aContact("Petr", "Ivanov", anna.id());
            committed(tx -> tx.contacts().insert(ivan));
            committed(tx -> tx.contacts().insert(petr));
            List<Deal> list = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Deal.Builder b = data.aDeal("Deal " + (char) ('A' + (i * 7) % 26) + i, sales,
                        i % 3 == 0 ? boris.id() : anna.id(), i % 5 == 4 ? null : (100 * (i % 7)) + ".00").toBuilder();
                if (i % 2 == 0) {
                    b.contacts(List.of(ivan.id()));
                }
                if (i % 3 == 1) {
                    b.contacts(List.of(petr.id(), ivan.id()));
                }
                if (i % 4 == 0) {
                    b.tags(List.of("hot", "q4"));
                }
                if (i % 6 == 5) {
                    b.stage(sales.wonStage().id());
                }
                list.add(b.build());
            }
            storage.run(tx -> list.forEach(tx.deals()::insert));
            deals = list;
        }

        private List<Deal> all(Filter<Deal> filter, Sort<Deal> sort) {
            List<Deal> result = new ArrayList<>();
            PageRequest page = PageRequest.first(4);
            while (true) {
                PageRequest current = page;
                Slice<Deal> slice = storage.inTransaction((Transaction tx) -> tx.deals().query(filter, sort, current));
                assertThat(slice.items().size()).isLessThanOrEqualTo(4);
                result.addAll(slice.items());
                if (!slice.hasNext()) {
                    return result;
                }
                page = page.next(slice);
            }
        }

        private List<Deal> expected(java.util.function.Predicate<Deal> p) {
            return deals.stream().filter(p).sorted(Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER))
                    .collect(Collectors.toList());
        }

        private BigDecimal amount(Deal d) {
            return d.budget().map(b -> b.amount().amount()).orElse(null);
        }

        @Test
        @DisplayName("equality and inequality on a single-valued field")
        void equality() {
            assertThat(all(DealFields.RESPONSIBLE.eq(boris.id()), Sort.byId()))
                    .isEqualTo(expected(d -> d.responsible().equals(boris.id())));
            assertThat(all(DealFields.RESPONSIBLE.ne(boris.id()), Sort.byId()))
                    .isEqualTo(expected(d -> !d.responsible().equals(boris.id())));
        }

        @Test
        @DisplayName("order comparisons fail on absent values; NE matches absent values")
        void comparisons() {
            BigDecimal three = new BigDecimal("300");
            assertThat(all(DealFields.BUDGET_AMOUNT.gt(three), Sort.byId()))
                    .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) > 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.ge(three), Sort.byId()))
                    .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) >= 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.lt(three), Sort.byId()))
                    .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) < 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.le(three), Sort.byId()))
                    .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) <= 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.ne(three), Sort.byId()))
                    .isEqualTo(expected(d -> amount(d) == null || amount(d).compareTo(three) != 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.eq(new BigDecimal("300.000")), Sort.byId()))
                    .as("numbers compare by value, not scale")
                    .isEqualTo(expected(d -> amount(d) != null && amount(d).compareTo(three) == 0));
            assertThat(all(DealFields.BUDGET_AMOUNT.present(), Sort.byId()))
                    .isEqualTo(expected(d -> d.budget().isPresent()));
        }

        @Test
        @DisplayName("many-valued fields match when some value matches")
        void manyValued() {
            Contact petr = storage.inTransaction((Transaction tx) -> tx.contacts().query(ContactFields.NAME.eq("Petr Ivanov"),
                    Sort.byId(), PageRequest.first(1)).items().get(0));
            assertThat(all(DealFields.CONTACT.eq(petr.id()), Sort.byId()))
                    .isEqualTo(expected(d -> d.contacts().contains(petr.id())));
            assertThat(all(DealFields.CONTACT.ne(petr.id()), Sort.byId()))
                    .isEqualTo(expected(d -> !d.contacts().contains(petr.id())));
            assertThat(all(DealFields.TAG.in(List.of("q4", "cold")), Sort.byId()))
                    .isEqualTo(expected(d -> d.tags().contains("q4")));
        }

        @Test
        @DisplayName("AND, OR and NOT combine with two-valued logic")
        void logic() {
            Filter<Deal> f = Filter.or(
                    Filter.and(DealFields.RESPONSIBLE.eq(anna.id()), DealFields.TAG.eq("hot")),
                    Filter.not(DealFields.BUDGET_AMOUNT.le(new BigDecimal("200"))));
            assertThat(all(f, Sort.byId())).isEqualTo(expected(d ->
                    (d.responsible().equals(anna.id()) && d.tags().contains("hot"))
                            || !(amount(d) != null && amount(d).compareTo(new BigDecimal("200")) <= 0)));
            assertThat(all(Filter.and(), Sort.byId())).hasSize(30);
            assertThat(all(Filter.or(), Sort.byId())).isEmpty();
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().count(DealFields.STAGE.eq(sales.wonStage().id()))))
                    .isEqualTo(expected(d -> d.stage().equals(sales.wonStage().id())).size());
        }

        @Test
        @DisplayName("sorting by a field, then by id; absent values last ascending and first descending")
        void sorting() {
            Comparator<BigDecimal> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
            Comparator<Deal> byId = Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER);
            List<Deal> asc = deals.stream().sorted(Comparator.comparing(this::amount, nullsLast).thenComparing(byId))
                    .collect(Collectors.toList());
            assertThat(all(Filter.all(), Sort.by(DealFields.BUDGET_AMOUNT))).isEqualTo(asc);
            List<Deal> desc = deals.stream()
                    .sorted(Comparator.comparing(this::amount, nullsLast.reversed()).thenComparing(byId))
                    .collect(Collectors.toList());
            assertThat(all(Filter.all(), Sort.byDescending(DealFields.BUDGET_AMOUNT))).isEqualTo(desc);
            List<Deal> byName = deals.stream().sorted(Comparator.comparing(Deal::name).thenComparing(byId))
                    .collect(Collectors.toList());
            assertThat(all(Filter.all(), Sort.by(DealFields.NAME))).isEqualTo(byName);
            List<Deal> byOwnerThenBudget = deals.stream().sorted(Comparator
                    .comparing((Deal d) -> d.responsible(), dev.crmkit.api.EntityId.ORDER.reversed())
                    .thenComparing(this::amount, nullsLast).thenComparing(byId)).collect(Collectors.toList());
            assertThat(all(Filter.all(), Sort.byDescending(DealFields.RESPONSIBLE).then(DealFields.BUDGET_AMOUNT)))
                    .isEqualTo(byOwnerThenBudget);
        }

        @Test
        @DisplayName("keyset paging visits every record once even while records are inserted and deleted")
        void pagingIsStable() {
            Sort<Deal> sort = Sort.by(DealFields.BUDGET_AMOUNT);
            Slice<Deal> first = storage.inTransaction((Transaction tx) -> tx.deals().query(Filter.all(), sort, PageRequest.first(10)));
            assertThat(first.items()).hasSize(10);
            Cursor cursor = first.next().orElseThrow();
            Deal early = data.aDeal("Cheap newcomer", sales, anna.id(), "0.00");
            Deal deletedLater = first.items().get(3);
            storage.run(tx -> {
                tx.deals().insert(early);
                tx.deals().delete(deletedLater.id(), deletedLater.version());
            });
            List<Deal> rest = new ArrayList<>();
            PageRequest page = PageRequest.after(10, cursor);
            while (true) {
                PageRequest current = page;
                Slice<Deal> s = storage.inTransaction((Transaction tx) -> tx.deals().query(Filter.all(), sort, current));
                rest.addAll(s.items());
                if (!s.hasNext()) {
                    break;
                }
                page = page.next(s);
            }
            Set<DealId> seen = new HashSet<>();
            first.items().forEach(d -> seen.add(d.id()));
            for (Deal d : rest) {
                assertThat(seen.add(d.id())).as("visited once: " + d.name()).isTrue();
            }
            assertThat(seen).containsAll(deals.stream().map(Deal::id).collect(Collectors.toList()));
            assertThat(seen).doesNotContain(early.id());
        }

        @Test
        @DisplayName("the last page has no cursor; an empty result is one empty page")
        void lastPage() {
            Slice<Deal> none = storage.inTransaction((Transaction tx) ->
                    tx.deals().query(DealFields.NAME.eq("nothing"), Sort.byId(), PageRequest.first(5)));
            assertThat(none.items()).isEmpty();
            assertThat(none.hasNext()).isFalse();
            Slice<Deal> exact = storage.inTransaction((Transaction tx) ->
                    tx.deals().query(Filter.all(), Sort.byId(), PageRequest.first(30)));
            assertThat(exact.items()).hasSize(30);
            assertThat(exact.hasNext()).isFalse();
        }

        @Test
        @DisplayName("a filter value of the wrong type or an order comparison on an unordered field is a typed error")
        @SuppressWarnings({"unchecked", "rawtypes"})
        void badFilters() {
            dev.crmkit.api.query.Field raw = DealFields.BUDGET_AMOUNT;
            assertThatThrownBy(() -> raw.eq("300"))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("filter.value.type"));
            assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(ValidationException.class);
        }

        @Test
        @DisplayName("count agrees with the filter")
        void count() {
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().count(DealFields.TAG.eq("hot"))))
                    .isEqualTo(expected(d -> d.tags().contains("hot")).size());
        }
    }

    /** Reading everything. */
    @Nested
    @DisplayName("Streaming")
    class Streaming {

        @Test
        @DisplayName("streamAll returns every record in id order, with the transaction's own writes")
        void streamAll() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            List<Deal> stored = IntStream.range(0, 25).mapToObj(i -> deal("D" + i, p, owner, null))
                    .collect(Collectors.toList());
            Deal pending = data.aDeal("Pending", p, owner.id(), null);
            storage.run(tx -> {
                tx.deals().insert(pending);
                tx.deals().delete(stored.get(0).id(), 1);
                try (Stream<Deal> all = tx.deals().streamAll()) {
                    List<Deal> expected = new ArrayList<>(stored.subList(1, 25));
                    expected.add(pending);
                    expected.sort(Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER));
                    assertThat(all.collect(Collectors.toList())).isEqualTo(expected);
                }
            });
        }
    }

    /** The lookups each port offers, kept up to date as records change. */
    @Nested
    @DisplayName("Lookups")
    class Lookups {

        @Test
        @Tag("CON-1")
        @DisplayName("a company's contacts, and the index follows a contact moving to another company")
        void contactsByCompany() {
            User owner = user("Olga Owner");
            Company horns = data.aCompany("Horns", owner.id());
            Company hooves = data.aCompany("Hooves", owner.id());
            Contact ivan = data.aContact("Ivan", "Petrov", owner.id()).toBuilder().company(horns.id()).build();
            Contact petr = data.aContact("Petr", "Ivanov", owner.id()).toBuilder().company(horns.id()).build();
            storage.run(tx -> {
                tx.companies().insert(horns);
                tx.companies().insert(hooves);
                tx.contacts().insert(ivan);
                tx.contacts().insert(petr);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(horns.id()))).containsExactly(ivan, petr);
            Contact moved = ivan.toBuilder().version(2).company(hooves.id()).build();
            storage.run(tx -> tx.contacts().update(moved, 1));
            assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(horns.id()))).containsExactly(petr);
            assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byCompany(hooves.id()))).containsExactly(moved);
        }

        @Test
        @DisplayName("deals by contact and by company, including the transaction's own writes")
        void dealsByContactAndCompany() {
            User owner = user("Olga Owner");
            Pipeline p = pipeline("Sales", 0);
            Company horns = data.aCompany("Horns", owner.id());
            Contact ivan = data.aContact("Ivan", "Petrov", owner.id());
            Deal a = data.aDeal("A", p, owner.id(), null).toBuilder().contacts(List.of(ivan.id()))
                    .company(horns.id()).build();
            Deal b = data.aDeal("B", p, owner.id(), null).toBuilder().contacts(List.of(ivan.id())).build();
            storage.run(tx -> {
                tx.companies().insert(horns);
                tx.contacts().insert(ivan);
                tx.deals().insert(a);
            });
            storage.run(tx -> {
                tx.deals().insert(b);
                assertThat(tx.deals().byContact(ivan.id())).containsExactly(a, b);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byCompany(horns.id()))).containsExactly(a);
            storage.run(tx -> tx.deals().delete(a.id(), 1));
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byContact(ivan.id()))).containsExactly(b);
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().byCompany(horns.id()))).isEmpty();
        }

        @Test
        @DisplayName("leads by contact")
        void leadsByContact() {
            User owner = user("Olga Owner");
            Contact ivan = data.aContact("Ivan", "Petrov", owner.id());
            Lead first = data.aLead("First", owner.id()).toBuilder().contact(ivan.id()).build();
            Lead other = data.aLead("Other", owner.id());
            storage.run(tx -> {
                tx.contacts().insert(ivan);
                tx.leads().insert(first);
                tx.leads().insert(other);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.leads().byContact(ivan.id()))).containsExactly(first);
        }

        @Test
        @DisplayName("tasks by owner and by assignee, by deadline")
        void tasks() {
            User anna = user("Anna");
            User boris = user("Boris");
            TaskType call = data.aTaskType("Call", 0);
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            Task late = data.aTask(call.id(), deal, anna.id(), TestData.START.plusSeconds(9000));
            Task early = data.aTask(call.id(), deal, boris.id(), TestData.START.plusSeconds(100));
            Task elsewhere = data.aTask(call.id(), new RecordRef(EntityType.CONTACT, data.newId()), anna.id(),
                    TestData.START.plusSeconds(50));
            storage.run(tx -> {
                tx.settings().taskTypes().insert(call);
                tx.tasks().insert(late);
                tx.tasks().insert(early);
                tx.tasks().insert(elsewhere);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byOwner(deal))).containsExactly(early, late);
            assertThat(storage.inTransaction((Transaction tx) -> tx.tasks().byAssignee(anna.id()))).containsExactly(elsewhere, late);
        }

        @Test
        @Tag("ACT-1")
        @DisplayName("a record's timeline is ordered by time, and holds only its own entries")
        void timelineByOwner() {
            User owner = user("Olga Owner");
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            Comment second = data.aComment(deal, owner.id(), "second");
            Comment first = data.aComment(deal, owner.id(), "first").toBuilder().at(TestData.START).build();
            Comment elsewhere = data.aComment(new RecordRef(EntityType.CONTACT, data.newId()), owner.id(), "x");
            storage.run(tx -> {
                tx.timeline().insert(second);
                tx.timeline().insert(first);
                tx.timeline().insert(elsewhere);
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).containsExactly(first, second);
        }

        @Test
        @Tag("ACT-2")
        @DisplayName("a call id is stored once per integration; another integration may reuse the id")
        void callIdOnce() {
            User owner = user("Olga Owner");
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            Call call = data.aCall(deal, owner.id(), "mango", "c-42");
            committed(tx -> tx.timeline().insert(call));
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byCallId("mango", "c-42"))).contains(call);
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byCallId("zadarma", "c-42"))).isEmpty();
            Call again = data.aCall(deal, owner.id(), "mango", "c-42");
            assertThatThrownBy(() -> storage.run(tx -> tx.timeline().insert(again)))
                    .isInstanceOf(ConflictException.class);
            Call otherIntegration = data.aCall(deal, owner.id(), "zadarma", "c-42");
            committed(tx -> tx.timeline().insert(otherIntegration));
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).containsExactly(call, otherIntegration);
        }

        @Test
        @Tag("ACT-2")
        @DisplayName("two transactions logging the same call id at once: exactly one succeeds")
        void callIdRace() throws Exception {
            User owner = user("Olga Owner");
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            Call one = data.aCall(deal, owner.id(), "mango", "c-7");
            Call two = data.aCall(deal, owner.id(), "mango", "c-7");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Call c : List.of(one, two)) {
                results.add(inThread(() -> {
                    await(start);
                    try {
                        storage.run(tx -> tx.timeline().insert(c));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> r : results) {
                successes += await(r) ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
            assertThat(storage.inTransaction((Transaction tx) -> tx.timeline().byOwner(deal))).hasSize(1);
        }

        @Test
        @Tag("CON-4")
        @Tag("CON-5")
        @DisplayName("contacts and companies by phone index keys, normalized e-mails and name keys, kept up to date")
        void duplicateLookups() {
            User owner = user("Olga Owner");
            Contact ivan = data.aContact("Ivan", "Petrov", owner.id()).toBuilder()
                    .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("+7 (901) 776-34-34"),
                            dev.crmkit.api.contact.ContactPhone.work("+7 495 123-45-67 доб. 12")))
                    .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("Ivan.Petrov@Client.test"))).build();
            Contact other = data.aContact("Пётр", "Иванов", owner.id()).toBuilder()
                    .phones(List.of(dev.crmkit.api.contact.ContactPhone.mobile("8 903 000 00 00")))
                    .emails(List.of()).build();
            Company horns = data.aCompany("Horns  and Hooves", owner.id()).toBuilder()
                    .phones(List.of(dev.crmkit.api.contact.ContactPhone.work("8 (495) 123-45-67")))
                    .emails(List.of(dev.crmkit.api.contact.ContactEmail.work("info@horns.test"))).build();
            storage.run(tx -> {
                tx.contacts().insert(ivan);
                tx.contacts().insert(other);
                tx.companies().insert(horns);
            });
            String ivanKey = dev.crmkit.api.phone.PhoneNumber.parse("8 901 776 34 34").indexKey();
            storage.run(tx -> {
                assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey))).containsExactly(ivan);
                assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey,
                        dev.crmkit.api.phone.PhoneNumber.parse("+79030000000").indexKey()))).containsExactly(ivan, other);
                assertThat(tx.contacts().byPhoneKeys(Set.of())).isEmpty();
                assertThat(tx.contacts().byEmails(Set.of("ivan.petrov@client.test"))).containsExactly(ivan);
                assertThat(tx.contacts().byNameKey(dev.crmkit.api.contact.Names.matchKey("петр  ИВАНОВ")))
                        .containsExactly(other);
                assertThat(tx.companies().byPhoneKeys(Set.of(dev.crmkit.api.phone.PhoneNumber.parse("74951234567")
                        .indexKey()))).containsExactly(horns);
                assertThat(tx.companies().byEmails(Set.of("info@horns.test"))).containsExactly(horns);
                assertThat(tx.companies().byNameKey("horns and hooves")).containsExactly(horns);
            });
            Contact changed = ivan.toBuilder().version(2).phones(List.of()).emails(List.of()).build();
            storage.run(tx -> {
                tx.contacts().update(changed, 1);
                assertThat(tx.contacts().byPhoneKeys(Set.of(ivanKey))).as("own write").isEmpty();
            });
            assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byPhoneKeys(Set.of(ivanKey)))).isEmpty();
            assertThat(storage.inTransaction((Transaction tx) -> tx.contacts().byEmails(Set.of("ivan.petrov@client.test"))))
                    .isEmpty();
        }

        @Test
        @DisplayName("users by login e-mail, case-insensitive; a login e-mail is unique")
        void usersByEmail() {
            User anna = user("Anna Admin");
            assertThat(storage.inTransaction((Transaction tx) -> tx.users().byEmail(Email.parse(" ANNA.admin@CRMKIT.test "))))
                    .contains(anna);
            User twin = data.aUser("Someone").toBuilder().email(Email.parse("Anna.Admin@crmkit.test")).build();
            assertThatThrownBy(() -> storage.run(tx -> tx.users().insert(twin))).isInstanceOf(ConflictException.class);
        }

        @Test
        @Tag("DEAL-2")
        @DisplayName("pipelines and admin lists come back by position")
        void ordered() {
            Pipeline second = pipeline("Second", 1);
            Pipeline first = pipeline("First", 0);
            assertThat(storage.inTransaction((Transaction tx) -> tx.pipelines().all())).containsExactly(first, second);
            Pipeline reordered = second.toBuilder().version(2).position(-1).build();
            storage.run(tx -> tx.pipelines().update(reordered, 1));
            assertThat(storage.inTransaction((Transaction tx) -> tx.pipelines().all())).containsExactly(reordered, first);
            TaskType letter = data.aTaskType("Letter", 2);
            TaskType call = data.aTaskType("Call", 0);
            TaskType meeting = data.aTaskType("Meeting", 1);
            storage.run(tx -> List.of(letter, call, meeting).forEach(tx.settings().taskTypes()::insert));
            assertThat(storage.inTransaction((Transaction tx) -> tx.settings().taskTypes().all()))
                    .containsExactly(call, meeting, letter);
        }
    }

    /** Logical locks. */
    @Nested
    @DisplayName("Locks")
    class Locks {

        @Test
        @DisplayName("transactions locking a common key run one after the other: no conflicts, no lost updates")
        void lockSerializes() throws Exception {
            User owner = user("Olga Owner");
            Deal d = deal("Counter", pipeline("Sales", 0), owner, "0.00");
            int perThread = 200;
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(inThread(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        try {
                            storage.run(tx -> {
                                tx.lock(List.of("counter:" + d.id()));
                                Deal current = tx.deals().get(d.id());
                                Budget b = current.budget().orElseThrow();
                                tx.deals().update(next(current).budget(b.withAmount(b.amount().plus(rub("1")))).build(),
                                        current.version());
                            });
                        } catch (ConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Object> w : workers) {
                await(w);
            }
            assertThat(conflicts.get()).isZero();
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id())).budget().orElseThrow().amount())
                    .isEqualTo(rub("800.00"));
        }

        @Test
        @DisplayName("a transaction may lock keys it holds again, and locks of other keys do not wait for it")
        void reentrantAndIndependent() throws Exception {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Object> holder = inThread(() -> {
                storage.run(tx -> {
                    tx.lock(List.of("phone:9017763434"));
                    tx.lock(List.of("phone:9017763434", "email:ivan@client.test"));
                    holding.countDown();
                    awaitUnchecked(release);
                });
                return null;
            });
            await(holding);
            Future<String> other = inThread(() -> storage.inTransaction((Transaction tx) -> {
                tx.lock(List.of("phone:9035550000"));
                return "locked";
            }));
            assertThat(await(other)).isEqualTo("locked");
            release.countDown();
            await(holder);
        }
    }

    /** The event log. */
    @Nested
    @DisplayName("Events")
    class Events {

        @Test
        @Tag("EV-1")
        @DisplayName("events get dense, rising sequence numbers when their transaction commits")
        void sequences() {
            User owner = user("Olga Owner");
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            storage.run(tx -> {
                tx.events().append(data.aCreatedEvent(deal, owner.id()));
                tx.events().append(dev.crmkit.api.event.NewEvent.ofField(data.now(), owner.id(), deal, "Chairs",
                        EventKind.FIELD_CHANGED, "budget", Optional.of("100.00 RUB"), Optional.of("200.00 RUB")));
            });
            committed(tx -> {
                tx.events().append(data.aCreatedEvent(deal, owner.id()));
                return null;
            });
            List<Event> all = storage.inTransaction((Transaction tx) -> tx.events().after(0, 100));
            assertThat(all).extracting(Event::sequence).containsExactly(1L, 2L, 3L);
            assertThat(all.get(1).field()).contains("budget");
            assertThat(all.get(1).before()).contains("100.00 RUB");
            assertThat(all.get(1).after()).contains("200.00 RUB");
            assertThat(all.get(1).author()).contains(owner.id());
            assertThat(storage.inTransaction((Transaction tx) -> tx.events().after(1, 1))).extracting(Event::sequence)
                    .containsExactly(2L);
            assertThat(storage.inTransaction((Transaction tx) -> tx.events().lastSequence())).isEqualTo(3);
            try (Stream<Event> s = storage.inTransaction((Transaction tx) -> tx.events().streamAll().collect(Collectors.toList()))
                    .stream()) {
                assertThat(s.map(Event::sequence)).containsExactly(1L, 2L, 3L);
            }
        }

        @Test
        @Tag("EV-1")
        @DisplayName("concurrent writers: every event gets a unique number and each writer's events rise")
        void concurrentAppends() throws Exception {
            User owner = user("Olga Owner");
            int writers = 4;
            int perWriter = 50;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<java.util.UUID>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(inThread(() -> {
                    await(start);
                    List<java.util.UUID> mine = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        java.util.UUID id = data.newId();
                        storage.run(tx -> tx.events().append(
                                data.aCreatedEvent(new RecordRef(EntityType.DEAL, id), owner.id())));
                        mine.add(id);
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Event> all = new ArrayList<>();
            long last = 0;
            List<List<java.util.UUID>> byWriter = new ArrayList<>();
            for (Future<List<java.util.UUID>> f : futures) {
                byWriter.add(await(f));
            }
            while (true) {
                long from = last;
                List<Event> batch = storage.inTransaction((Transaction tx) -> tx.events().after(from, 37));
                if (batch.isEmpty()) {
                    break;
                }
                all.addAll(batch);
                last = batch.get(batch.size() - 1).sequence();
            }
            assertThat(all).extracting(Event::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed()
                            .collect(Collectors.toList()));
            for (List<java.util.UUID> mine : byWriter) {
                List<java.util.UUID> order = all.stream().map(e -> e.entity().id()).filter(mine::contains)
                        .collect(Collectors.toList());
                assertThat(order).isEqualTo(mine);
            }
        }

        @Test
        @Tag("EV-2")
        @DisplayName("events filtered by period, author, entity type and kind, paged in sequence order")
        void query() {
            User anna = user("Anna");
            User boris = user("Boris");
            storage.run(tx -> {
                for (int i = 0; i < 20; i++) {
                    RecordRef ref = new RecordRef(i % 2 == 0 ? EntityType.DEAL : EntityType.CONTACT, data.newId());
                    tx.events().append(new dev.crmkit.api.event.NewEvent(TestData.START.plusSeconds(i * 60L),
                            Optional.of(i % 3 == 0 ? boris.id() : anna.id()), ref, "r" + i,
                            i % 4 == 0 ? EventKind.DELETED : EventKind.CREATED,
                            Optional.empty(), Optional.empty(), Optional.empty()));
                }
            });
            Filter<Event> f = Filter.and(
                    EventFields.AT.ge(TestData.START.plusSeconds(120)), EventFields.AT.lt(TestData.START.plusSeconds(1080)),
                    EventFields.AUTHOR.eq(anna.id()), EventFields.ENTITY_TYPE.eq(EntityType.DEAL),
                    EventFields.KIND.eq(EventKind.CREATED));
            List<Event> seen = new ArrayList<>();
            PageRequest page = PageRequest.first(2);
            while (true) {
                PageRequest current = page;
                Slice<Event> s = storage.inTransaction((Transaction tx) -> tx.events().query(f, current));
                seen.addAll(s.items());
                if (!s.hasNext()) {
                    break;
                }
                page = page.next(s);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 2; i < 18; i++) {
                if (i % 2 == 0 && i % 3 != 0 && i % 4 != 0) {
                    expected.add(i);
                }
            }
            assertThat(seen).extracting(Event::entityName)
                    .containsExactlyElementsOf(expected.stream().map(i -> "r" + i).collect(Collectors.toList()));
            assertThat(seen).extracting(Event::sequence).isSorted();
        }
    }

    // ---- small utilities -------------------------------------------------------------------------

    static void awaitUnchecked(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for another thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Faults: a port call that failed fails its transaction, an ended transaction refuses to be used, the
     * event log streams, and conflicts say what kind they are. Self-contained: it uses only the kit's
     * storage and test data, and helpers of its own.
     */
    @Nested
    @DisplayName("Faults")
    class Faults {

        private User committedUser(String name) {
            User u = data.aUser(name);
            storage.run(tx -> tx.users().insert(u));
            return u;
        }

        private Deal committedDeal(String name, UserId owner) {
            Pipeline p = data.aPipeline("Pipeline of " + name, 0);
            Deal d = data.aDeal(name, p, owner, "100.00");
            storage.run(tx -> {
                tx.pipelines().insert(p);
                tx.deals().insert(d);
            });
            return d;
        }

        private static Deal renamed(Deal d, String name) {
            return d.toBuilder().version(d.version() + 1).updated(d.updated().plusSeconds(1)).name(name).build();
        }

        private boolean stored(User u) {
            return storage.inTransaction((Transaction tx) -> tx.users().find(u.id())).isPresent();
        }

        private long lastSequence() {
            return storage.inTransaction((Transaction tx) -> tx.events().lastSequence());
        }

        private static ConflictException conflict(Throwable e) {
            assertThat(e).isInstanceOf(ConflictException.class);
            return (ConflictException) e;
        }

        @Test
        @DisplayName("a duplicate id caught inside the work: inTransaction still fails with that conflict as cause, nothing is stored")
        void caughtDuplicateId() {
            User boris = committedUser("Boris Stored");
            User anna = data.aUser("Anna New");
            List<ConflictException> caught = new ArrayList<>();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> storage.run(tx -> {
                tx.users().insert(anna);
                tx.events().append(data.aCreatedEvent(RecordRef.of(anna.id()), anna.id()));
                try {
                    tx.users().insert(boris);
                } catch (ConflictException e) {
                    caught.add(e);
                }
            }));
            assertThat(caught).hasSize(1);
            assertThat(caught.get(0).reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
            ConflictException c = conflict(thrown);
            assertThat(c.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
            assertThat(c.retryable()).isFalse();
            assertThat(c.getCause()).isSameAs(caught.get(0));
            assertThat(stored(anna)).isFalse();
            assertThat(lastSequence()).isZero();
        }

        @Test
        @DisplayName("a stale-version update caught inside the work: inTransaction fails with a STALE_VERSION conflict, nothing is stored")
        void caughtStaleVersion() {
            User owner = committedUser("Olga Owner");
            Deal d = committedDeal("Chairs", owner.id());
            Deal saved = renamed(d, "Saved first");
            storage.run(tx -> tx.deals().update(saved, d.version()));
            User anna = data.aUser("Anna New");
            List<ConflictException> caught = new ArrayList<>();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> storage.run(tx -> {
                tx.users().insert(anna);
                try {
                    tx.deals().update(renamed(d, "Saved second"), d.version());
                } catch (ConflictException e) {
                    caught.add(e);
                }
            }));
            assertThat(caught).singleElement().extracting(ConflictException::reason)
                    .isEqualTo(ConflictException.Reason.STALE_VERSION);
            ConflictException c = conflict(thrown);
            assertThat(c.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
            assertThat(c.getCause()).isSameAs(caught.get(0));
            assertThat(c.record()).contains(RecordRef.of(d.id()));
            assertThat(stored(anna)).isFalse();
            assertThat(storage.inTransaction((Transaction tx) -> tx.deals().get(d.id()))).isEqualTo(saved);
        }

        @Test
        @DisplayName("a unique key taken by an update: a UNIQUE_KEY conflict that does not quote the other record's key; later calls fail too")
        void caughtUniqueKeyOnUpdate() {
            User anna = committedUser("Anna Unique");
            User boris = committedUser("Boris Unique");
            String annasEmail = anna.email().orElseThrow().normalized();
            User borisWithAnnasEmail = boris.toBuilder().version(boris.version() + 1)
                    .updated(boris.updated().plusSeconds(1)).email(anna.email().orElseThrow()).build();
            List<ConflictException> caught = new ArrayList<>();
            List<Throwable> later = new ArrayList<>();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> storage.run(tx -> {
                try {
                    tx.users().update(borisWithAnnasEmail, boris.version());
                } catch (ConflictException e) {
                    caught.add(e);
                }
                later.add(org.assertj.core.api.Assertions.catchThrowable(() -> tx.users().find(anna.id())));
            }));
            assertThat(caught).hasSize(1);
            assertThat(caught.get(0).reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
            assertThat(caught.get(0).retryable()).isFalse();
            assertThat(caught.get(0).getMessage()).doesNotContain(annasEmail);
            ConflictException afterwards = conflict(later.get(0));
            assertThat(afterwards.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
            assertThat(afterwards.getCause()).isSameAs(caught.get(0));
            ConflictException c = conflict(thrown);
            assertThat(c.reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
            assertThat(c.getCause()).isSameAs(caught.get(0));
            assertThat(storage.inTransaction((Transaction tx) -> tx.users().get(boris.id()))).isEqualTo(boris);
        }

        @Test
        @DisplayName("a unique key taken by an insert: a UNIQUE_KEY conflict that does not quote the key, and the transaction fails")
        void caughtUniqueKeyOnInsert() {
            User first = committedUser("Same Name");
            User second = data.aUser("Same Name");
            User other = data.aUser("Other Name");
            List<ConflictException> caught = new ArrayList<>();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> storage.run(tx -> {
                tx.users().insert(other);
                try {
                    tx.users().insert(second);
                } catch (ConflictException e) {
                    caught.add(e);
                }
            }));
            assertThat(caught).hasSize(1);
            assertThat(caught.get(0).reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
            assertThat(caught.get(0).getMessage()).doesNotContain(first.email().orElseThrow().normalized());
            assertThat(conflict(thrown).reason()).isEqualTo(ConflictException.Reason.UNIQUE_KEY);
            assertThat(stored(other)).isFalse();
            assertThat(stored(second)).isFalse();
        }

        @Test
        @DisplayName("a NotFoundException caught inside the work does not fail the transaction")
        void caughtNotFoundCommits() {
            User owner = committedUser("Olga Owner");
            Deal neverStored = data.aDeal("Ghost", data.aPipeline("Nowhere", 0), owner.id(), null);
            User anna = data.aUser("Anna New");
            String result = storage.inTransaction((Transaction tx) -> {
                try {
                    tx.deals().update(renamed(neverStored, "Still a ghost"), neverStored.version());
                } catch (NotFoundException e) {
                    // expected: the work goes on
                }
                tx.users().insert(anna);
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(stored(anna)).isTrue();
        }

        @Test
        @DisplayName("the events port used after its transaction ended throws IllegalStateException, and nothing is appended")
        void eventsAfterEnd() {
            User owner = committedUser("Olga Owner");
            dev.crmkit.spi.Events events = storage.inTransaction((Transaction tx) -> tx.events());
            RecordRef deal = new RecordRef(EntityType.DEAL, data.newId());
            assertThatThrownBy(() -> events.append(data.aCreatedEvent(deal, owner.id())))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(events::lastSequence).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> events.after(0, 10)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(events::streamAll).isInstanceOf(IllegalStateException.class);
            assertThat(lastSequence()).isZero();
            Transaction ended = storage.inTransaction((Transaction tx) -> tx);
            assertThatThrownBy(ended::deals).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("a stream of events or records cannot be read after its transaction ended")
        void streamsDoNotOutliveTheTransaction() {
            User owner = committedUser("Olga Owner");
            committedDeal("Chairs", owner.id());
            storage.run(tx -> {
                for (int i = 0; i < 3; i++) {
                    tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, data.newId()), owner.id()));
                }
            });
            Stream<Event> events = storage.inTransaction((Transaction tx) -> tx.events().streamAll());
            try (events) {
                assertThatThrownBy(events::findFirst).isInstanceOf(IllegalStateException.class);
            }
            Stream<Deal> deals = storage.inTransaction((Transaction tx) -> tx.deals().streamAll());
            try (deals) {
                assertThatThrownBy(deals::count).isInstanceOf(IllegalStateException.class);
            }
            java.util.Iterator<Event> started = storage.inTransaction((Transaction tx) -> {
                java.util.Iterator<Event> it = tx.events().streamAll().iterator();
                assertThat(it.next().sequence()).isEqualTo(1);
                return it;
            });
            assertThatThrownBy(started::hasNext).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @Tag("EV-1")
        @DisplayName("streamAll returns every event in sequence order, and other calls may run while it is open")
        void streamAllEvents() {
            User owner = committedUser("Olga Owner");
            int count = 1_234;
            storage.run(tx -> {
                for (int i = 0; i < count; i++) {
                    tx.events().append(data.aCreatedEvent(new RecordRef(EntityType.DEAL, data.newId()), owner.id()));
                }
            });
            List<Long> sequences = storage.inTransaction((Transaction tx) -> {
                List<Long> seen = new ArrayList<>();
                try (Stream<Event> all = tx.events().streamAll()) {
                    java.util.Iterator<Event> it = all.iterator();
                    seen.add(it.next().sequence());
                    assertThat(tx.events().lastSequence()).isEqualTo(count);
                    assertThat(tx.users().find(owner.id())).isPresent();
                    it.forEachRemaining(e -> seen.add(e.sequence()));
                }
                return seen;
            });
            assertThat(sequences).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, count).boxed().collect(Collectors.toList()));
        }
    }
}
