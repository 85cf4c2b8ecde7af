package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.api.ConflictException;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.event.Event;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.api.user.User;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.Events;
import dev.crmkit.spi.ListStore;
import dev.crmkit.spi.Settings;
import dev.crmkit.spi.Transaction;
import dev.crmkit.spi.Users;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Failure at every write: the {@link FailingStorage} that makes the n-th write of the storage under test
 * fail, for the tests that prove an operation failing at any of its writes leaves nothing behind.
 */
abstract class FailuresKit extends FacadeKitBase {

    /** The storage under test, wrapped. */
    private FailingStorage failing;

    /** Wraps the test's storage. */
    @BeforeEach
    void failingStorage() {
        failing = FailingStorage.wrap(storage);
    }

    /** Every record, and every event in full. */
    private record Stored(Snapshot records, List<Event> events) {
    }

    private Stored stored() {
        List<Event> events = committed(tx -> {
            try (Stream<Event> all = tx.events().streamAll()) {
                return all.collect(Collectors.toList());
            }
        });
        return new Stored(snapshot(), events);
    }

    @Test
    @DisplayName("an injected failure the work catches still fails the transaction: later calls and inTransaction throw, caused by it, nothing is stored")
    void caughtInjectedFailureStillRollsBack() {
        User first = data.aUser("Written First");
        User second = data.aUser("Refused Second");
        Stored before = stored();
        failing.failOnWrite(3);
        List<StorageException> caught = new ArrayList<>();
        List<Throwable> later = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> failing.run(tx -> {
            tx.users().insert(first);
            tx.events().append(data.aCreatedEvent(RecordRef.of(first.id()), annaUser.id()));
            try {
                tx.users().insert(second);
            } catch (StorageException e) {
                caught.add(e);
            }
            later.add(catchThrowable(() -> tx.users().find(first.id())));
            later.add(catchThrowable(() -> tx.events().append(data.aCreatedEvent(RecordRef.of(second.id()),
                    annaUser.id()))));
        }));
        assertThat(caught).singleElement().satisfies(e -> assertThat(e).hasMessage("injected failure at write 3"));
        assertThat(later).hasSize(2).allSatisfy(e -> {
            assertThat(e).isInstanceOf(StorageException.class);
            assertThat(e.getCause()).isSameAs(caught.get(0));
        });
        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(thrown.getCause()).isSameAs(caught.get(0));
        assertThat(stored()).as("the writes before the failure are rolled back too").isEqualTo(before);

        assertThat(failing.writes()).as("the calls refused after the failure are not counted").isEqualTo(3);
        failing.run(tx -> tx.users().insert(second));
        assertThat(committed((Transaction tx) -> tx.users().find(second.id()))).as("the failure was injected once").isPresent();
    }

    @Test
    @DisplayName("reads, lookups, streams and locks are not writes; the wrapped storage's own exceptions pass unchanged")
    void onlyWritesCountAndOwnExceptionsPass() {
        User stranger = data.aUser("Never Stored");
        failing.failOnWrite(1);
        long users = failing.inTransaction((Transaction tx) -> {
            tx.lock(List.of("failures-kit"));
            assertThatThrownBy(() -> tx.users().get(stranger.id())).isInstanceOf(NotFoundException.class);
            assertThat(tx.users().byEmail(annaUser.email().orElseThrow())).contains(annaUser);
            assertThat(tx.settings().list(ListKind.TASK_TYPES).all()).isNotEmpty();
            assertThat(tx.events().lastSequence()).isPositive();
            try (Stream<User> all = tx.users().streamAll()) {
                return all.count();
            }
        });
        assertThat(users).isEqualTo(2);
        assertThat(failing.writes()).isZero();

        failing.disarm();
        ConflictException taken = (ConflictException) catchThrowable(() -> failing.run(tx -> tx.users().insert(borisUser)));
        assertThat(taken.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        assertThat(failing.writes()).isEqualTo(1);
        Users ended = failing.inTransaction(Transaction::users);
        assertThatThrownBy(() -> ended.find(annaUser.id())).isInstanceOf(IllegalStateException.class);
        assertThat(failing.writes()).isEqualTo(1);
    }

    @Test
    @DisplayName("a write to fail is counted from 1")
    void failOnWriteCountsFromOne() {
        assertThatThrownBy(() -> failing.failOnWrite(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> failing.failOnWrite(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every method of the transaction and of each port it hands out is known to FailingStorage as a read or a write")
    void everyPortMethodIsAReadOrAWrite() {
        Set<Class<?>> ports = new LinkedHashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(Transaction.class));
        while (!toVisit.isEmpty()) {
            Class<?> port = toVisit.pop();
            if (ports.add(port)) {
                Arrays.stream(port.getMethods()).map(Method::getReturnType).filter(FailingStorage::isPort)
                        .forEach(toVisit::push);
            }
        }
        assertThat(ports).contains(Users.class, Contacts.class, Events.class, Settings.class, ListStore.class);
        Set<String> names = ports.stream().flatMap(p -> Arrays.stream(p.getMethods()))
                .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> known = new TreeSet<>(FailingStorage.READS);
        known.addAll(FailingStorage.WRITES);
        assertThat(FailingStorage.READS).doesNotContainAnyElementsOf(FailingStorage.WRITES);
        assertThat(known).as("every port method classified (add a new one to WRITES or READS), and no other name")
                .isEqualTo(names);
    }
}
