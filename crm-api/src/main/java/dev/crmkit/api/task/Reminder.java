package dev.crmkit.api.task;

import java.time.Duration;
import java.util.Optional;

/** When a task's assignee is reminded (TASK-1); the default is a day before the deadline. */
public enum Reminder {
    /** No reminder. */
    NEVER(null),
    /** At the deadline. */
    AT_DEADLINE(Duration.ZERO),
    /** Five minutes before. */
    FIVE_MINUTES_BEFORE(Duration.ofMinutes(5)),
    /** Fifteen minutes before. */
    FIFTEEN_MINUTES_BEFORE(Duration.ofMinutes(15)),
    /** Thirty minutes before. */
    THIRTY_MINUTES_BEFORE(Duration.ofMinutes(30)),
    /** An hour before. */
    HOUR_BEFORE(Duration.ofHours(1)),
    /** Two hours before. */
    TWO_HOURS_BEFORE(Duration.ofHours(2)),
    /** A day before. */
    DAY_BEFORE(Duration.ofDays(1));

    private final Duration before;

    Reminder(Duration before) {
        this.before = before;
    }

    /**
     * How long before the deadline the reminder fires.
     *
     * @return the offset, empty for {@link #NEVER}
     */
    public Optional<Duration> before() {
        return Optional.ofNullable(before);
    }
}
