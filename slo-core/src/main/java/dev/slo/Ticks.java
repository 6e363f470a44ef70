package dev.slo;

import dev.slo.engine.EventRecorder;
import java.time.Clock;
import java.time.Instant;

/*
 * The readings of Slo.startTimer/stopTimer: one long per reading, in nanoseconds, from which both the
 * latency (a difference of two readings) and the time bucket (millisOf) follow, so that stopping a timer
 * reads the time once. Package-private; one per registry.
 *
 * Three sources, chosen once from the registry's clock:
 *  - the system clock (Clock.systemUTC() or another zone of it): System.nanoTime(), monotonic, anchored to
 *    the clock by an offset. nanoTime and the wall clock drift apart (NTP slews the wall clock by up to
 *    500 ppm), so the offset is renewed from the clock at most once a second, by the first stop that sees
 *    it stale: a second clock read once a second, amortised over every event of it. A renewal may move
 *    the bucket time back by a few milliseconds; the recorders take a reading that goes back (it counts in
 *    the bucket open then), and the latency, a difference of nanoTime readings, is unaffected.
 *  - a ManualClock: its own epoch nanoseconds, so a timed latency is exactly the time the test advanced.
 *  - any other clock: epoch nanoseconds of clock.instant() (which may allocate: such clocks are for tests).
 *
 * Concurrency: the offset and the time it was renewed are two volatile longs written without a lock. Two
 * stops that renew at once both write an offset read within microseconds of each other; a reader that
 * sees one renewal's offset with the other's time only renews a little early or late. A benign race.
 */
final class Ticks {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** How stale the system clock's offset may grow before a stop renews it. */
    private static final long RENEW_NANOS = 1_000_000_000L;
    private static final Class<?> SYSTEM_CLOCK = Clock.systemUTC().getClass();

    private final Clock clock;
    private final ManualClock manual;
    private final boolean system;
    /** System clock only: epoch nanoseconds minus nanoTime, as of the last renewal. */
    private volatile long offsetNanos;
    /** System clock only: the nanoTime of the last renewal. */
    private volatile long renewedAt;

    Ticks(Clock clock) {
        this.clock = clock;
        this.manual = clock instanceof ManualClock m ? m : null;
        this.system = clock.getClass() == SYSTEM_CLOCK;
        if (system) {
            renew(System.nanoTime());
        }
    }

    /** {@return a reading: nanoseconds on a timeline that only differences and {@link #millisOf} interpret} */
    long read() {
        if (system) {
            return System.nanoTime();
        }
        if (manual != null) {
            return manual.epochNanos();
        }
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * The clock's reading, in epoch milliseconds, at the moment of {@code ticks} (a reading just taken),
     * saturated as {@code Slo.now()} saturates it.
     */
    long millisOf(long ticks) {
        if (!system) {
            return Math.min(Math.floorDiv(ticks, NANOS_PER_MILLI), EventRecorder.LAST_MILLIS);
        }
        if (ticks - renewedAt > RENEW_NANOS) {
            renew(System.nanoTime());                                 // afresh: beside the clock read, not before a pause
        }
        return (ticks + offsetNanos) / NANOS_PER_MILLI;          // epoch nanos since 1970: positive, so / floors
    }

    private void renew(long ticks) {
        offsetNanos = clock.millis() * NANOS_PER_MILLI - ticks;     // epoch nanos fit a long until 2262
        renewedAt = ticks;
    }
}
