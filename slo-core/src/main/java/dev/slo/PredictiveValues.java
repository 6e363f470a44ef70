package dev.slo;

// Predictive values: how well each dependency's burn periods foretold the root's bad periods, matched bucket by bucket in the recorded history.

import dev.slo.engine.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The predictive value of each dependency of a cascade, for {@link Cascade#predictiveValue(Duration, Duration)}.
 *
 * <p>The root's history and each dependency's are read as buckets of one resolution over one look-back,
 * all at the same clock reading, through {@link SloQueries#timeline} (events, also under slice budgeting,
 * as {@link Slo#timeline} shows them). A root bucket is <em>bad</em> when its error ratio exceeds the
 * root's budget fraction; a dependency bucket is <em>burning</em> when its error ratio exceeds the
 * dependency's own. A bad period is preceded when a burn period covers its first bucket or the one
 * before; its lead is how long that burn had been going. A burn period is followed when a bad period
 * starts within it or in the bucket right after it. See {@link PredictiveValue}.
 *
 * <p>Package-private; stateless, so thread-safe.
 */
final class PredictiveValues {

    private PredictiveValues() {}

    /**
     * Checks the arguments of {@link Cascade#predictiveValue(Duration, Duration)} before anything is read.
     *
     * @param resolution the bucket length asked for
     * @param lookBack   the history asked for
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code resolution} is longer than 1 hour or {@code lookBack} is
     *     shorter than {@code resolution}
     */
    static void checkArguments(Duration resolution, Duration lookBack) {
        Objects.requireNonNull(resolution, "resolution must not be null");
        Objects.requireNonNull(lookBack, "lookBack must not be null");
        if (resolution.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("resolution must be at most 1 hour (hourly or finer), got " + Durations.format(resolution));
        }
        if (lookBack.compareTo(resolution) < 0) {
            throw new IllegalArgumentException("lookBack must be at least resolution " + Durations.format(resolution)
                    + ", got " + Durations.format(lookBack));
        }
    }

    /**
     * One predictive value per dependency, in the order given.
     *
     * @param root         the cascade's root
     * @param dependencies the SLOs to judge ({@link Cascade#allDependencies()})
     * @param resolution   the bucket length, passed by {@link #checkArguments}
     * @param lookBack     how much history to judge, passed by {@link #checkArguments}
     * @param now          the query's clock reading, in epoch ms
     * @return the predictive values, in the order of {@code dependencies}
     * @throws IllegalArgumentException as {@link Slo#timeline} throws for the root or a dependency: an
     *     argument not positive, longer than the history that SLO keeps, or no kept resolution fits
     */
    static List<PredictiveValue> of(Slo root, List<Slo> dependencies, Duration resolution, Duration lookBack,
                                    long now) {
        List<TimeBucket> rootBuckets = timeline(root, resolution, lookBack, now);
        int n = rootBuckets.size();
        double rootFraction = root.spec().budgetFraction();
        boolean[] bad = new boolean[n];
        for (int i = 0; i < n; i++) {
            bad[i] = rootBuckets.get(i).errorRatio() > rootFraction;
        }
        long origin = rootBuckets.isEmpty() ? 0 : rootBuckets.get(0).start().toEpochMilli();
        long step = resolution.toMillis();
        List<PredictiveValue> values = new ArrayList<>();
        for (Slo dependency : dependencies) {
            double fraction = dependency.spec().budgetFraction();
            boolean[] burning = new boolean[n];
            for (TimeBucket bucket : timeline(dependency, resolution, lookBack, now)) {
                long index = (bucket.start().toEpochMilli() - origin) / step;
                if (index >= 0 && index < n) {
                    burning[(int) index] = bucket.errorRatio() > fraction;
                }
            }
            values.add(match(dependency, bad, burning, resolution));
        }
        return List.copyOf(values);
    }

    /**
     * Matches the root's bad periods with one dependency's burn periods, bucket by bucket.
     *
     * @param dependency the dependency judged
     * @param bad        per bucket, oldest first: whether the root was bad in it
     * @param burning    per bucket, aligned with {@code bad}: whether the dependency burned in it
     * @param resolution the bucket length, the unit of the leads
     * @return the counts of periods and the median lead
     */
    static PredictiveValue match(Slo dependency, boolean[] bad, boolean[] burning, Duration resolution) {
        int n = bad.length;
        int badPeriods = 0;
        int preceded = 0;
        List<Long> leads = new ArrayList<>();
        boolean[] periodStart = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (bad[k] && (k == 0 || !bad[k - 1])) {
                periodStart[k] = true;
                badPeriods++;
                int touching = burning[k] ? k : (k > 0 && burning[k - 1]) ? k - 1 : -1;
                if (touching >= 0) {
                    int runStart = touching;
                    while (runStart > 0 && burning[runStart - 1]) {
                        runStart--;
                    }
                    preceded++;
                    leads.add((long) (k - runStart));
                }
            }
        }
        int burnPeriods = 0;
        int followed = 0;
        for (int j = 0; j < n; j++) {
            if (burning[j] && (j == 0 || !burning[j - 1])) {
                burnPeriods++;
                int end = j;
                while (end + 1 < n && burning[end + 1]) {
                    end++;
                }
                for (int k = j; k <= Math.min(end + 1, n - 1); k++) {
                    if (periodStart[k]) {
                        followed++;
                        break;
                    }
                }
            }
        }
        Optional<Duration> median = Optional.empty();
        if (!leads.isEmpty()) {
            leads.sort(null);
            int m = leads.size();
            Duration lower = resolution.multipliedBy(leads.get((m - 1) / 2));
            Duration upper = resolution.multipliedBy(leads.get(m / 2));
            median = Optional.of(lower.plus(upper).dividedBy(2));
        }
        return new PredictiveValue(dependency, badPeriods, preceded, median, burnPeriods, followed);
    }

    private static List<TimeBucket> timeline(Slo slo, Duration resolution, Duration lookBack, long now) {
        return slo.queries().timeline(resolution, lookBack, now);      // the SLO's own checks and messages
    }
}
