package dev.slo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An internal SLO whose burn, if it goes on, would breach the customer SLO of a cascade while the
 * customer SLO's own alert for the same rule is still quiet; from {@link Cascade#earlyWarnings()}.
 *
 * <pre>{@code
 * for (EarlyWarning w : journey.earlyWarnings()) {
 *     page(w.dependency().spec().owners(), w.rule().severity(), w.timeToExhaustion());
 * }
 * }</pre>
 *
 * @param dependency        the internal SLO that burns (for a redundant group: each member of the group)
 * @param rule              the customer SLO's burn-rate rule that the predicted burn reaches
 * @param predictedBurnRate the customer burn predicted from this dependency alone over the rule's long
 *                          window: {@code share * errorRatio / (1 - customer target)}
 * @param timeToExhaustion  how long until the customer's budget is gone at that burn:
 *                          {@code remaining * windowLength / predictedBurnRate}; empty when the budget is already gone
 */
public record EarlyWarning(Slo dependency, BurnRateRule rule, double predictedBurnRate, Optional<Duration> timeToExhaustion) {

    /**
     * Checks the warning's fields.
     *
     * @param dependency        the internal SLO that burns, not null
     * @param rule              the customer SLO's burn-rate rule that the predicted burn reaches, not null
     * @param predictedBurnRate the customer burn predicted from this dependency alone over the rule's long
     *                          window, at least 0
     * @param timeToExhaustion  how long until the customer's budget is gone at that burn; empty (not null)
     *                          when the budget is already gone
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code predictedBurnRate} is negative or not a number
     */
    public EarlyWarning {
        Objects.requireNonNull(dependency, "dependency must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(timeToExhaustion, "timeToExhaustion must not be null");
        if (!(predictedBurnRate >= 0)) {
            throw new IllegalArgumentException("predictedBurnRate must be >= 0, got " + predictedBurnRate);
        }
    }

    /**
     * A warning without a time to exhaustion (the customer's budget is already gone).
     *
     * @param dependency        the internal SLO that burns, not null
     * @param rule              the customer SLO's burn-rate rule that the predicted burn reaches, not null
     * @param predictedBurnRate the customer burn predicted from this dependency alone over the rule's long
     *                          window, at least 0
     * @throws NullPointerException if {@code dependency} or {@code rule} is null
     * @throws IllegalArgumentException if {@code predictedBurnRate} is negative or not a number
     */
    public EarlyWarning(Slo dependency, BurnRateRule rule, double predictedBurnRate) {
        this(dependency, rule, predictedBurnRate, Optional.empty());
    }

    /** {@return the rule's severity: whether the warning calls for a page or a ticket} */
    public Severity severity() {
        return rule.severity();
    }
}
