// The budget burn-down of one SLO over its window, computed from its timeline: the status page's chart data.
package dev.slo.export;

import dev.slo.Budgeting;
import dev.slo.Slo;
import dev.slo.SloSpec;
import dev.slo.TimeBucket;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an SLO's error budget was spent over its current window: the share of the budget left after each
 * bucket of {@link Slo#timeline}, from the window's start to now (see {@link StatusPage} for the math
 * in words).
 *
 * @param start      where the window begins, the first point (nothing is spent before the window)
 * @param end        where the chart's time axis ends: now for a rolling window, the end of the period for a
 *     calendar one (the line then stops part way)
 * @param resolution the length of the timeline's buckets, from {@link #resolution(Duration)}
 * @param total      the events in the buckets drawn, the denominator's count
 * @param points     the window's start at 1.0, then one point per bucket, oldest first
 */
record BurnDown(Instant start, Instant end, Duration resolution, long total, List<Point> points) {
    /** At most this many buckets over the longest window, so a chart has at most about 200 points. */
    static final int MAX_BUCKETS = 200;

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Bucket lengths that read well on a time axis, shortest first. */
    private static final long[] STEPS = {10 * SECOND, 20 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
        10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR, DAY};

    BurnDown {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(end, "end must not be null");
        Objects.requireNonNull(resolution, "resolution must not be null");
        points = List.copyOf(points);
    }

    /**
     * One point of the chart.
     *
     * @param at        the end of the bucket (now for the bucket still open), or the window's start
     * @param remaining the share of the budget left then, 1.0 for untouched; negative once overspent
     */
    record Point(Instant at, double remaining) {}

    /** {@return the lowest share left on the chart, at most 1.0} */
    double lowest() {
        return points.stream().mapToDouble(Point::remaining).min().orElse(1.0);
    }

    /**
     * The burn-down of {@code slo}'s window as of {@code now}, or empty when its budget counts time slices:
     * the timeline holds events, not the slices such a budget counts, so a chart of it would not be the budget.
     *
     * @param slo the SLO
     * @param now the page's clock reading
     * @return the chart's data, or empty under time-slice budgeting
     */
    static Optional<BurnDown> of(Slo slo, Instant now) {
        SloSpec spec = slo.spec();
        if (!(spec.budgeting() instanceof Budgeting.Occurrences)) {
            return Optional.empty();
        }
        Window window = spec.window();
        Instant start = window.start(now);
        Duration resolution = resolution(window.maxLength());
        List<TimeBucket> buckets;
        Instant end;
        boolean startIncluded;
        if (window instanceof Window.Rolling rolling) {
            buckets = slo.timeline(resolution, rolling.length());   // the buckets that begin after now - length
            end = now;
            startIncluded = false;
        } else {
            // one bucket more than the period holds, then only those that begin in it: the timeline may read the
            // clock a little after now, and must not lose the period's first bucket to that
            Duration lookBack = Duration.between(start, now).plus(resolution);
            buckets = slo.timeline(resolution, lookBack.compareTo(slo.historyKept()) > 0 ? slo.historyKept() : lookBack);
            end = start.plus(window.length(now));
            startIncluded = true;
        }
        List<TimeBucket> inWindow = new ArrayList<>(buckets.size());
        long total = 0;
        for (TimeBucket b : buckets) {
            boolean afterStart = startIncluded ? !b.start().isBefore(start) : b.start().isAfter(start);
            if (afterStart && !b.start().isAfter(now)) {
                inWindow.add(b);
                total += b.total();
            }
        }
        double allowedBad = spec.budgetFraction() * total;
        List<Point> points = new ArrayList<>(inWindow.size() + 1);
        points.add(new Point(start, 1.0));
        long bad = 0;
        for (TimeBucket b : inWindow) {
            bad += b.bad();
            Instant at = b.end().isAfter(now) ? now : b.end();
            points.add(new Point(at, total == 0 ? 1.0 : 1.0 - bad / allowedBad));
        }
        return Optional.of(new BurnDown(start, end, resolution, total, points));
    }

    /**
     * The bucket length for a window of {@code longest}: the shortest of 10 s, 20 s, 30 s, 1, 2, 5, 10, 15, 30
     * min, 1, 2, 3, 4, 6, 8, 12 h, 1 day (then whole days) that gives at most {@link #MAX_BUCKETS} buckets and
     * that {@link Slo#timeline} keeps over that look-back (a multiple of 10 s up to 6 min, of 1 min up to 6 h,
     * of 5 min up to a day, of 1 h beyond). 30 days: 4 h (180 buckets); 7 days: 1 h; 1 day: 10 min.
     *
     * @param longest the window's longest length ({@link Window#maxLength()})
     * @return the resolution
     */
    static Duration resolution(Duration longest) {
        long millis = longest.toMillis();
        long granularity = millis <= 6 * MINUTE ? 10 * SECOND : millis <= 6 * HOUR ? MINUTE : millis <= DAY ? 5 * MINUTE : HOUR;
        for (long step : STEPS) {
            if (step % granularity == 0 && millis <= MAX_BUCKETS * step) {
                return Duration.ofMillis(step);
            }
        }
        return Duration.ofDays((millis + MAX_BUCKETS * DAY - 1) / (MAX_BUCKETS * DAY));
    }
}
