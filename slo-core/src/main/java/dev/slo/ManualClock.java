package dev.slo;

import dev.slo.engine.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: for tests, simulations and replays.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * SloRegistry slos = SloRegistry.create(clock);
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Thread-safe: one thread may advance or set the clock while others read it. Reading it
 * ({@link #millis()}) is one volatile read and allocates nothing. Resolution is one nanosecond;
 * the representable range is the years 1678 to 2262.
 */
public final class ManualClock extends Clock {
    private final AtomicLong epochNanos;
    private final ZoneId zone;

    private ManualClock(AtomicLong epochNanos, ZoneId zone) {
        this.epochNanos = epochNanos;
        this.zone = zone;
    }

    /**
     * A clock standing at {@code instant}, in the UTC zone.
     *
     * @param instant where the clock starts, in the years 1678 to 2262 (the clock counts epoch nanoseconds in a long)
     * @return a new clock that moves only when told to
     * @throws NullPointerException if {@code instant} is null
     * @throws IllegalArgumentException if {@code instant} lies outside the years 1678 to 2262
     */
    public static ManualClock at(Instant instant) {
        return new ManualClock(new AtomicLong(toNanos(instant, "instant")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward by {@code amount}.
     *
     * @param amount how far to move, zero or positive, at nanosecond precision
     * @return this clock, for chaining
     * @throws NullPointerException if {@code amount} is null
     * @throws IllegalArgumentException if {@code amount} is negative (use {@link #set(Instant)} to go back),
     *     or would carry the clock past the year 2262 (the clock does not move)
     */
    public ManualClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount must not be null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException(
                    "amount must not be negative, got " + Durations.format(amount) + " (use set(Instant) to move the clock back)");
        }
        long nanos;
        try {
            nanos = amount.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is too large, got " + Durations.format(amount), e);
        }
        long before;
        long after;
        do {
            before = epochNanos.get();
            after = before + nanos;
            if (after < before) {                          // past the year 2262: refuse rather than wrap to 1677
                throw new IllegalArgumentException("amount must keep the clock before the year 2262, got " + Durations.format(amount)
                        + " from " + instant());
            }
        } while (!epochNanos.compareAndSet(before, after));
        return this;
    }

    /**
     * Sets the clock to {@code instant}, forwards or backwards. Moving it back is allowed so that
     * tests can show the recorder copes with a clock that jumps backwards.
     *
     * @param instant the new reading, in the years 1678 to 2262
     * @throws NullPointerException if {@code instant} is null
     * @throws IllegalArgumentException if {@code instant} lies outside the years 1678 to 2262
     */
    public void set(Instant instant) {
        epochNanos.set(toNanos(instant, "instant"));
    }

    @Override
    public long millis() {
        return Math.floorDiv(epochNanos.get(), 1_000_000L);
    }

    /** {@return the reading in epoch nanoseconds, without allocating: for timers} */
    long epochNanos() {
        return epochNanos.get();
    }

    @Override
    public Instant instant() {
        long nanos = epochNanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view of the same moving time in another zone: advancing either advances both.
     *
     * @throws NullPointerException if {@code zone} is null
     */
    @Override
    public ManualClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone must not be null");
        return new ManualClock(epochNanos, zone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + ", " + zone + "]";
    }

    private static long toNanos(Instant instant, String name) {
        Objects.requireNonNull(instant, name + " must not be null");
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must lie between the years 1678 and 2262, got " + instant, e);
        }
    }
}
