package dev.slo;

import dev.slo.engine.Durations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A maintenance window: while it is active, the events an SLO records do not count against its
 * error budget, its burn rates or its alerts; they are counted apart ({@link Slo#excludedEvents()}).
 *
 * <pre>{@code
 * Exclusion.once(Instant.parse("2026-03-14T02:00:00Z"), Duration.ofHours(2), "database migration");
 * Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), Duration.ofMinutes(30),
 *         ZoneId.of("Europe/Berlin"), "weekly patching");
 * }</pre>
 *
 * <p>Declare exclusions with {@link SloBuilder#exclude(Exclusion...)} or, while the SLO runs, with
 * {@link Slo#exclude(Exclusion)}. An exclusion applies to events as they are recorded: events already
 * recorded keep counting as they did. An occurrence covers {@code [start, start + length)}; the length
 * is elapsed time, so a 2-hour window across a DST change still lasts 2 hours.
 */
public sealed interface Exclusion permits Exclusion.Once, Exclusion.Weekly {

    /** The longest a weekly exclusion may last, so that two occurrences never overlap: 6 days. */
    Duration MAX_WEEKLY = Duration.ofDays(6);

    /**
     * A one-off exclusion covering {@code [start, start + length)}.
     *
     * @param start  where it begins (inclusive)
     * @param length positive, at least 1 ms
     * @param reason why, e.g. "database migration"; not blank, without control characters
     * @return the exclusion, a {@link Once}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code length} is not positive, {@code start + length} is not a
     *     representable instant, or {@code reason} is blank or holds a control character
     */
    static Exclusion once(Instant start, Duration length, String reason) {
        return new Once(start, length, reason);
    }

    /**
     * An exclusion every week on {@code day} from {@code start} (local time in {@code zone}) for
     * {@code length}. A start that falls in a DST gap moves later by the gap's length; a start that
     * falls in a DST overlap uses the earlier of the two instants (as {@link java.time.ZonedDateTime#of}).
     *
     * @param day    the day of the week each occurrence starts on, in {@code zone}
     * @param start  the local time each occurrence starts at, in {@code zone}
     * @param length positive, at least 1 ms and at most {@link #MAX_WEEKLY}
     * @param zone   the time zone that {@code day} and {@code start} are read in
     * @param reason why, e.g. "weekly patching"; not blank, without control characters
     * @return the exclusion, a {@link Weekly}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code length} is outside (0, 6 days], or {@code reason} is blank
     *     or holds a control character
     */
    static Exclusion weekly(DayOfWeek day, LocalTime start, Duration length, ZoneId zone, String reason) {
        return new Weekly(day, start, length, zone, reason);
    }

    /** {@return why the events are excluded, not blank: shown in reports} */
    String reason();

    /** {@return how long one occurrence lasts (elapsed time), at least 1 ms} */
    Duration length();

    /**
     * True when an occurrence of this exclusion covers {@code instant}.
     *
     * @param instant a reading of the millisecond clock SLOs count by: from
     *     {@code Instant.ofEpochMilli(Long.MIN_VALUE)} to {@code Instant.ofEpochMilli(Long.MAX_VALUE)}
     * @throws NullPointerException if {@code instant} is null
     * @return whether {@code instant} lies in {@code [start, start + length)} of some occurrence
     * @throws IllegalArgumentException if {@code instant} is outside that range (e.g. {@link Instant#MAX})
     */
    default boolean activeAt(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        long t;
        try {
            t = instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant must be representable in epoch milliseconds, got " + instant, e);
        }
        long[] occurrence = new long[2];
        ExclusionGate.occurrence(this, t, occurrence);
        return occurrence[0] <= t && t < occurrence[1];
    }

    /**
     * A one-off exclusion.
     *
     * @param start  where it begins (inclusive)
     * @param length how long it lasts, at least 1 ms
     * @param reason why; not blank, without control characters
     */
    record Once(Instant start, Duration length, String reason) implements Exclusion {
        /**
         * Checks the exclusion's fields.
         *
         * @param start  where it begins (inclusive), not null
         * @param length how long it lasts, at least 1 ms
         * @param reason why; not blank, without control characters
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code length} is under 1 ms, {@code start + length} is not a
         *     representable instant, or {@code reason} is blank or holds a control character
         */
        public Once {
            Objects.requireNonNull(start, "start must not be null");
            checkLength(length, null);
            checkReason(reason);
            try {
                start.plus(length).toEpochMilli();
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("start + length must be a representable instant, got start "
                        + start + " and length " + Durations.format(length), e);
            }
        }

        /** {@return where it ends (exclusive): {@code start + length}} */
        public Instant end() {
            return start.plus(length);
        }

        @Override
        public String toString() {
            return "excluded from " + start + " for " + Durations.format(length) + " (" + reason + ")";
        }
    }

    /**
     * A weekly recurring exclusion.
     *
     * @param day    the day of the week each occurrence starts on, in {@code zone}
     * @param start  the local time it starts at
     * @param length how long each occurrence lasts, from 1 ms to 6 days
     * @param zone   the time zone of {@code day} and {@code start}
     * @param reason why; not blank, without control characters
     */
    record Weekly(DayOfWeek day, LocalTime start, Duration length, ZoneId zone, String reason) implements Exclusion {
        /**
         * Checks the exclusion's fields.
         *
         * @param day    the day of the week each occurrence starts on, in {@code zone}; not null
         * @param start  the local time it starts at, not null
         * @param length how long each occurrence lasts, from 1 ms to 6 days
         * @param zone   the time zone of {@code day} and {@code start}, not null
         * @param reason why; not blank, without control characters
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code length} is outside [1 ms, 6 days], or {@code reason} is
         *     blank or holds a control character
         */
        public Weekly {
            Objects.requireNonNull(day, "day must not be null");
            Objects.requireNonNull(start, "start must not be null");
            Objects.requireNonNull(zone, "zone must not be null");
            checkLength(length, MAX_WEEKLY);
            checkReason(reason);
        }

        @Override
        public String toString() {
            return "excluded every " + day + " at " + start + " " + zone + " for " + Durations.format(length) + " (" + reason + ")";
        }
    }

    private static void checkLength(Duration length, Duration max) {
        Objects.requireNonNull(length, "length must not be null");
        if (length.isNegative() || length.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("length must be at least 1 ms, got " + Durations.format(length));
        }
        if (max != null && length.compareTo(max) > 0) {
            throw new IllegalArgumentException("length must be at most " + Durations.format(max) + " for a weekly exclusion, got " + Durations.format(length));
        }
    }

    private static void checkReason(String reason) {
        Args.requireWords(reason, "reason");
    }
}
