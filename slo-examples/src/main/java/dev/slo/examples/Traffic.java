package dev.slo.examples;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * How many checkouts a shop sees per minute: a daily rhythm that peaks at 19:00 UTC (evening in
 * Europe, lunch on the US east coast) and bottoms out at 07:00 UTC at a tenth of the peak, weekends
 * 15% busier, and a little noise. Deterministic for a given seed.
 */
final class Traffic {
    /** Checkouts per minute at the daily peak on a weekday. */
    static final double PEAK_CHECKOUTS_PER_MINUTE = 600;

    private final Random noise;

    Traffic(long seed) {
        this.noise = new Random(seed);
    }

    /** Checkouts started in the minute that begins at {@code minute}. Call once per minute, in order. */
    long checkouts(Instant minute) {
        ZonedDateTime t = minute.atZone(ZoneOffset.UTC);
        double hour = t.getHour() + t.getMinute() / 60.0;
        double daily = 0.55 + 0.45 * Math.cos(2 * Math.PI * (hour - 19) / 24);
        DayOfWeek day = t.getDayOfWeek();
        double weekly = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1.15 : 1.0;
        double jitter = Math.max(0.8, Math.min(1.2, 1 + 0.05 * noise.nextGaussian()));
        return Math.round(PEAK_CHECKOUTS_PER_MINUTE * daily * weekly * jitter);
    }
}
