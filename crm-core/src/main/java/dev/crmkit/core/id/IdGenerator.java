package dev.crmkit.core.id;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds from the clock, then
 * a 12-bit counter that keeps ids from one generator strictly increasing within a millisecond (and
 * across a clock that steps back), then 62 random bits. Ids therefore sort by creation time in the
 * unsigned order every adapter uses. Thread-safe.
 */
public final class IdGenerator {

    private final Clock clock;
    /** The last (milliseconds &lt;&lt; 12 | counter) handed out. */
    private final AtomicLong last = new AtomicLong();

    /**
     * Creates a generator reading the time from a clock.
     *
     * @param clock the clock
     */
    public IdGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The next id.
     *
     * @return a version 7 UUID above every one this generator returned before
     */
    public UUID next() {
        long now = clock.millis() << 12;
        long stamp = last.updateAndGet(prev -> Math.max(now, prev + 1));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
