package dev.slo;

import dev.slo.engine.Durations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The period over which an SLO's error budget is counted.
 *
 * <pre>{@code
 * Window.rolling(Duration.ofDays(30));              // the last 30 days, as of now
 * Window.calendarMonth(ZoneId.of("Europe/Paris"));  // this month; the budget starts afresh on the 1st
 * Window.calendarWeek(ZoneOffset.UTC);              // this ISO week, from Monday 00:00
 * }</pre>
 *
 * <p>A window queried at clock reading {@code now} covers the events recorded in
 * {@code (now - length, now]} (rolling) or {@code [start of period, now]} (calendar); the recorder's
 * buckets may blur that edge by at most one bucket of the finest tier that covers the window.
 */
public sealed interface Window permits Window.Rolling, Window.CalendarMonth, Window.CalendarWeek {

    /** The shortest rolling window: one hour. */
    Duration MIN_ROLLING = Duration.ofHours(1);
    /** The longest rolling window: 90 days. */
    Duration MAX_ROLLING = Duration.ofDays(90);

    /**
     * A window that always covers the last {@code length} of time.
     *
     * @param length from 1 hour to 90 days, a whole number of seconds
     * @return a {@link Rolling} window of that length
     * @throws NullPointerException if {@code length} is null
     * @throws IllegalArgumentException if {@code length} is outside [1h, 90d] or not whole seconds
     */
    static Window rolling(Duration length) {
        return new Rolling(length);
    }

    /**
     * A window that covers the current calendar month in {@code zone}: the budget starts afresh at
     * midnight on the first day of each month.
     *
     * @param zone the time zone whose midnight starts each month, e.g. {@code ZoneOffset.UTC}
     * @return a {@link CalendarMonth} window in that zone
     * @throws NullPointerException if {@code zone} is null
     */
    static Window calendarMonth(ZoneId zone) {
        return new CalendarMonth(zone);
    }

    /**
     * A window that covers the current ISO week (from Monday 00:00) in {@code zone}.
     *
     * @param zone the time zone whose Monday midnight starts each week
     * @return a {@link CalendarWeek} window in that zone
     * @throws NullPointerException if {@code zone} is null
     */
    static Window calendarWeek(ZoneId zone) {
        return new CalendarWeek(zone);
    }

    /**
     * Where the window begins, as of {@code now}: exclusive for a rolling window, inclusive for a calendar one.
     *
     * @param now the clock reading the window is taken at
     * @return the window's start, at or before {@code now}
     */
    Instant start(Instant now);

    /**
     * The window's length as of {@code now}: the fixed length of a rolling window, or the whole
     * length of the current period of a calendar window (this month, this week), which scales the
     * alert thresholds.
     *
     * @param now the clock reading the window is taken at
     * @return the length, positive
     */
    Duration length(Instant now);

    /** {@return the longest this window can be, at least any {@link #length(Instant)}: sizes the recorder's memory} */
    Duration maxLength();

    /**
     * The window in words, as reports and findings show it to people: {@code rolling 30 days},
     * {@code calendar month in Europe/Paris}, {@code calendar week in Z}. Unlike {@code toString()}
     * ({@code rolling 30d}), a rolling length is spelled out in its largest whole unit.
     *
     * @return the window in words, never empty
     */
    default String describe() {
        return this instanceof Rolling rolling ? "rolling " + Durations.inWords(rolling.length()) : toString();
    }

    /**
     * A rolling window.
     *
     * @param length from 1 hour to 90 days, in whole seconds
     */
    record Rolling(Duration length) implements Window {
        /**
         * Checks the window's length.
         *
         * @param length from 1 hour to 90 days, in whole seconds
         * @throws NullPointerException if {@code length} is null
         * @throws IllegalArgumentException if {@code length} is outside [1h, 90d] or not whole seconds
         */
        public Rolling {
            Objects.requireNonNull(length, "length must not be null");
            if (length.compareTo(MIN_ROLLING) < 0 || length.compareTo(MAX_ROLLING) > 0) {
                throw new IllegalArgumentException(
                        "length must be between 1 hour and 90 days, got " + Durations.format(length));
            }
            if (length.getNano() != 0) {
                throw new IllegalArgumentException("length must be a whole number of seconds, got " + Durations.format(length));
            }
        }

        @Override
        public Instant start(Instant now) {
            return now.minus(length);
        }

        @Override
        public Duration length(Instant now) {
            return length;
        }

        @Override
        public Duration maxLength() {
            return length;
        }

        @Override
        public String toString() {
            return "rolling " + Durations.format(length);
        }
    }

    /**
     * A calendar month in a zone.
     *
     * @param zone where months begin
     */
    record CalendarMonth(ZoneId zone) implements Window {
        /**
         * Checks that the zone is given.
         *
         * @param zone where months begin, at midnight of their first day; not null
         * @throws NullPointerException if {@code zone} is null
         */
        public CalendarMonth {
            Objects.requireNonNull(zone, "zone must not be null");
        }

        @Override
        public Instant start(Instant now) {
            return monthStart(now).toInstant();
        }

        @Override
        public Duration length(Instant now) {
            LocalDate first = monthStart(now).toLocalDate();
            return Duration.between(first.atStartOfDay(zone), first.plusMonths(1).atStartOfDay(zone));
        }

        /*
         * atStartOfDay, not truncatedTo(DAYS): when midnight falls in a DST overlap (America/Havana on
         * 2026-11-01, whose 00:00-01:00 happens twice), truncatedTo keeps the offset of `now` and starts
         * the month at the second midnight, an hour late; atStartOfDay takes the first one. In a gap it
         * gives the first instant after it.
         */
        private ZonedDateTime monthStart(Instant now) {
            return now.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        }

        @Override
        public Duration maxLength() {
            return Duration.ofDays(31).plusHours(1);
        }

        @Override
        public String toString() {
            return "calendar month in " + zone;
        }
    }

    /**
     * An ISO calendar week (Monday to Sunday) in a zone.
     *
     * @param zone where weeks begin
     */
    record CalendarWeek(ZoneId zone) implements Window {
        /**
         * Checks that the zone is given.
         *
         * @param zone where weeks begin, at Monday midnight; not null
         * @throws NullPointerException if {@code zone} is null
         */
        public CalendarWeek {
            Objects.requireNonNull(zone, "zone must not be null");
        }

        @Override
        public Instant start(Instant now) {
            return weekStart(now).toInstant();
        }

        @Override
        public Duration length(Instant now) {
            LocalDate monday = weekStart(now).toLocalDate();
            return Duration.between(monday.atStartOfDay(zone), monday.plusWeeks(1).atStartOfDay(zone));
        }

        @Override
        public Duration maxLength() {
            return Duration.ofDays(7).plusHours(1);
        }

        /* atStartOfDay for the same reason as CalendarMonth.monthStart: the first midnight, even in an overlap. */
        private ZonedDateTime weekStart(Instant now) {
            return now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
        }

        @Override
        public String toString() {
            return "calendar week in " + zone;
        }
    }
}
