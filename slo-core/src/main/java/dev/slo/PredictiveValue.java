package dev.slo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How well one internal SLO's burn foretold its customer SLO's bad periods in the recorded history:
 * whether a cascade is a real early-warning system. From {@link Cascade#predictiveValue(Duration, Duration)}.
 *
 * <pre>{@code
 * for (PredictiveValue v : journey.predictiveValue(Duration.ofMinutes(1), Duration.ofHours(6))) {
 *     System.out.printf("%s foretold %d of %d bad periods, median lead %s%n",
 *             v.dependency().name(), v.preceded(), v.customerBadPeriods(), v.medianLeadTime().orElse(null));
 * }
 * }</pre>
 *
 * <p>The history is cut into buckets of the chosen resolution. A bucket is <i>bad</i> for the customer
 * SLO when its error ratio exceeds {@code 1 - target} (it burns faster than 1), and <i>burning</i> for
 * the internal SLO when its own error ratio exceeds its own {@code 1 - target}. A customer <i>bad
 * period</i> is a run of consecutive bad buckets; it was <i>preceded</i> by the internal SLO when that
 * SLO's burn was under way at the period's first bucket or ended just before it. The lead time is how
 * long that burn had been under way when the bad period began, at the resolution's granularity (zero
 * when both began in the same bucket).
 *
 * @param dependency         the internal SLO
 * @param customerBadPeriods the customer SLO's bad periods in the history
 * @param preceded           how many of them this SLO's burn preceded
 * @param medianLeadTime     the median lead time over the preceded bad periods; empty when none was preceded
 * @param burnPeriods        this SLO's own burn periods (runs of burning buckets) in the history
 * @param followed           how many of them a customer bad period began during, or right after
 */
public record PredictiveValue(Slo dependency, int customerBadPeriods, int preceded, Optional<Duration> medianLeadTime,
                              int burnPeriods, int followed) {

    /**
     * Checks that the counts are consistent.
     *
     * @param dependency         the internal SLO, not null
     * @param customerBadPeriods the customer SLO's bad periods in the history, at least 0
     * @param preceded           how many of them this SLO's burn preceded, in [0, customerBadPeriods]
     * @param medianLeadTime     the median lead time over the preceded bad periods; empty (not null) when
     *                           none was preceded
     * @param burnPeriods        this SLO's own burn periods in the history, at least 0
     * @param followed           how many of them a customer bad period followed, in [0, burnPeriods]
     * @throws NullPointerException if {@code dependency} or {@code medianLeadTime} is null
     * @throws IllegalArgumentException if a count is negative or a part exceeds its whole
     */
    public PredictiveValue {
        Objects.requireNonNull(dependency, "dependency must not be null");
        Objects.requireNonNull(medianLeadTime, "medianLeadTime must not be null");
        if (preceded < 0 || preceded > customerBadPeriods) {
            throw new IllegalArgumentException("preceded must be in [0, customerBadPeriods=" + customerBadPeriods + "], got " + preceded);
        }
        if (followed < 0 || followed > burnPeriods) {
            throw new IllegalArgumentException("followed must be in [0, burnPeriods=" + burnPeriods + "], got " + followed);
        }
    }

    /**
     * The share of customer bad periods this SLO's burn preceded: {@code preceded / customerBadPeriods}; 0 when there were none.
     *
     * @return the hit rate, in [0,1]
     */
    public double hitRate() {
        return customerBadPeriods == 0 ? 0.0 : (double) preceded / customerBadPeriods;
    }

    /**
     * The share of this SLO's burn periods that a customer bad period followed: {@code followed / burnPeriods}; 0 when there were none.
     *
     * @return the precision, in [0,1]
     */
    public double precision() {
        return burnPeriods == 0 ? 0.0 : (double) followed / burnPeriods;
    }
}
