package dev.crmkit.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.EntityId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Time-ordered ids")
class IdGeneratorTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    @DisplayName("ids are version 7 UUIDs carrying the clock's milliseconds")
    void layout() {
        UUID id = new IdGenerator(Clock.fixed(T, ZoneOffset.UTC)).next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    @DisplayName("ids rise in the unsigned order adapters use, even on a frozen clock")
    void monotonic() {
        IdGenerator ids = new IdGenerator(Clock.fixed(T, ZoneOffset.UTC));
        UUID previous = ids.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = ids.next();
            assertThat(EntityId.compare(previous, next)).isNegative();
            previous = next;
        }
    }

    @Test
    @DisplayName("threads sharing a generator get unique ids, each thread's rising")
    void threads() throws Exception {
        IdGenerator ids = new IdGenerator(Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                List<UUID> mine = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    mine.add(ids.next());
                }
                return mine;
            }));
        }
        start.countDown();
        Set<UUID> all = new HashSet<>();
        for (Future<List<UUID>> f : futures) {
            List<UUID> mine = f.get(60, TimeUnit.SECONDS);
            for (int i = 1; i < mine.size(); i++) {
                assertThat(EntityId.compare(mine.get(i - 1), mine.get(i))).isNegative();
            }
            all.addAll(mine);
        }
        pool.shutdown();
        assertThat(all).hasSize(40_000);
    }
}
