package dev.crmkit.core.analytics;

import dev.crmkit.core.support.Violations;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The period a report covers (AN-14): today, yesterday, this week (Monday to Sunday), this month, a range of days
 * or two instants. The named ones and day ranges are calendar days in the acting user's time zone, resolved when
 * the report runs ({@link #resolve}). Immutable and thread-safe.
 */
public final class ReportPeriod {

    private enum Kind { TODAY, YESTERDAY, WEEK, MONTH, DAYS, INSTANTS }

    private final Kind kind;
    private final LocalDate first;
    private final LocalDate last;
    private final Instant from;
    private final Instant to;

    private ReportPeriod(Kind kind, LocalDate first, LocalDate last, Instant from, Instant to) {
        this.kind = kind;
        this.first = first;
        this.last = last;
        this.from = from;
        this.to = to;
    }

    /**
     * Today, in the acting user's time zone.
     *
     * @return the period
     */
    public static ReportPeriod today() {
        return new ReportPeriod(Kind.TODAY, null, null, null, null);
    }

    /**
     * Yesterday, in the acting user's time zone.
     *
     * @return the period
     */
    public static ReportPeriod yesterday() {
        return new ReportPeriod(Kind.YESTERDAY, null, null, null, null);
    }

    /**
     * This week, Monday to Sunday, in the acting user's time zone.
     *
     * @return the period
     */
    public static ReportPeriod thisWeek() {
        return new ReportPeriod(Kind.WEEK, null, null, null, null);
    }

    /**
     * This calendar month, in the acting user's time zone.
     *
     * @return the period
     */
    public static ReportPeriod thisMonth() {
        return new ReportPeriod(Kind.MONTH, null, null, null, null);
    }

    /**
     * The days from one date to another, both included, in the acting user's time zone.
     *
     * @param first the first day
     * @param last the last day
     * @return the period
     * @throws dev.crmkit.api.ValidationException listing {@code date.range} for a date outside the dates crmkit
     *         stores and {@code period.reversed} when {@code last} is before {@code first}
     */
    public static ReportPeriod days(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Violations v = new Violations().date("first", first).date("last", last);
        if (last.isBefore(first)) {
            v.add("last", "period.reversed", first, last);
        }
        v.throwIfAny();
        return new ReportPeriod(Kind.DAYS, first, last, null, null);
    }

    /**
     * The time from one instant, included, to another, excluded.
     *
     * @param from the start
     * @param to the end
     * @return the period
     * @throws dev.crmkit.api.ValidationException listing {@code instant.range} for an instant outside those crmkit
     *         stores and {@code period.reversed} when {@code to} is before {@code from}
     */
    public static ReportPeriod between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Violations v = new Violations().instant("from", from).instant("to", to);
        if (to.isBefore(from)) {
            v.add("to", "period.reversed", from, to);
        }
        v.throwIfAny();
        return new ReportPeriod(Kind.INSTANTS, null, null, from, to);
    }

    /**
     * The instants and days of this period for a moment and a time zone.
     *
     * @param now the moment the report runs
     * @param zone the acting user's time zone
     * @return the range
     */
    public Range resolve(Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        LocalDate today = LocalDate.ofInstant(now, zone);
        switch (kind) {
            case TODAY:
                return days(today, today, zone);
            case YESTERDAY:
                return days(today.minusDays(1), today.minusDays(1), zone);
            case WEEK:
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return days(monday, monday.plusDays(6), zone);
            case MONTH:
                return days(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()), zone);
            case DAYS:
                return days(first, last, zone);
            default:
                LocalDate lastDay = LocalDate.ofInstant(to.equals(from) ? to : to.minusNanos(1), zone);
                return new Range(from, to, LocalDate.ofInstant(from, zone), lastDay);
        }
    }

    private static Range days(LocalDate first, LocalDate last, ZoneId zone) {
        return new Range(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                first, last);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportPeriod p && kind == p.kind && Objects.equals(first, p.first)
                && Objects.equals(last, p.last) && Objects.equals(from, p.from) && Objects.equals(to, p.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, first, last, from, to);
    }

    @Override
    public String toString() {
        switch (kind) {
            case DAYS:
                return first + ".." + last;
            case INSTANTS:
                return "[" + from + ", " + to + ")";
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A resolved period: the instants {@code [from, to)} and the calendar days they span in the user's zone.
     *
     * @param from the start, included
     * @param to the end, excluded
     * @param firstDay the first day
     * @param lastDay the last day, included
     */
    public record Range(Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {

        /** Rejects nulls and a reversed range. */
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(lastDay, "lastDay");
            if (to.isBefore(from) || lastDay.isBefore(firstDay)) {
                throw new IllegalArgumentException("a range ends before it starts: " + from + ", " + to);
            }
        }
    }
}
