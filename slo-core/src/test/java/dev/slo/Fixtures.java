package dev.slo;

import java.time.Duration;
import java.time.Instant;

/** Shared helpers for the tests: a fixed start instant, registries on a manual clock, SLOs ready to record. */
final class Fixtures {
    /** Midnight UTC on a Thursday: aligned to every bucket length (10 s, 1 min, 1 h). */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration DAYS_30 = Duration.ofDays(30);

    private Fixtures() {}

    static ManualClock clock() {
        return ManualClock.at(START);
    }

    /** An internal ratio SLO at {@code target} over {@code window}, under the default alert policy. */
    static Slo ratioSlo(SloRegistry registry, String name, double target, Window window) {
        return registry.define(name)
                .internal("test " + name)
                .ownedBy(Owner.team("team"))
                .sli(Sli.ratio())
                .target(target)
                .window(window)
                .register();
    }

    /** An internal ratio SLO at {@code target} over {@code window}, under {@code policy}. */
    static Slo ratioSlo(SloRegistry registry, String name, double target, Window window, AlertPolicy policy) {
        return registry.define(name)
                .internal("test " + name)
                .ownedBy(Owner.team("team"))
                .sli(Sli.ratio())
                .target(target)
                .window(window)
                .alertPolicy(policy)
                .register();
    }

    /** A 99.9% ratio SLO over a rolling 30 days on a fresh registry driven by {@code clock}. */
    static Slo checkout(ManualClock clock) {
        return ratioSlo(SloRegistry.create(clock), "checkout", 0.999, Window.rolling(DAYS_30));
    }

    /** A builder with every required field set except those the caller leaves out. */
    static SloBuilder complete(SloRegistry registry, String name) {
        return registry.define(name)
                .internal("test " + name)
                .ownedBy(Owner.team("team"))
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(DAYS_30));
    }

    /**
     * Records {@code hours} hours of steady traffic: at half past each hour, {@code good} good and
     * {@code bad} bad events; leaves the clock at half past the last hour recorded, so a rolling
     * window of whole hours holds exactly the hours it should (no edge blur).
     */
    static void hourly(Slo slo, ManualClock clock, int hours, long good, long bad) {
        for (int h = 0; h < hours; h++) {
            alignToHalfPast(clock);
            slo.recordCounts(good, bad);
        }
    }

    /** Moves the clock forward to the next half past the hour (or to the first one if at the hour). */
    private static void alignToHalfPast(ManualClock clock) {
        long millis = clock.millis();
        long hour = 3_600_000L;
        long next = Math.floorDiv(millis, hour) * hour + hour / 2;
        if (next <= millis) {
            next += hour;
        }
        clock.advance(Duration.ofMillis(next - millis));
    }

    /** Like {@link #hourly} per minute: events at 30 s past each minute. */
    static void perMinute(Slo slo, ManualClock clock, int minutes, long good, long bad) {
        for (int m = 0; m < minutes; m++) {
            long millis = clock.millis();
            long minute = 60_000L;
            long next = Math.floorDiv(millis, minute) * minute + minute / 2;
            if (next <= millis) {
                next += minute;
            }
            clock.advance(Duration.ofMillis(next - millis));
            slo.recordCounts(good, bad);
        }
    }

    /** Sums a timeline's counts: [0] good, [1] total. */
    static long[] sum(Iterable<TimeBucket> buckets) {
        long[] sum = new long[2];
        for (TimeBucket b : buckets) {
            sum[0] += b.good();
            sum[1] += b.total();
        }
        return sum;
    }
}
