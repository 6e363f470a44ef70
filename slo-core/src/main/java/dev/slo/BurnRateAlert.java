package dev.slo;

import java.util.Objects;

/**
 * A burn-rate rule that fires now: the burn over both of its windows reached its threshold.
 *
 * @param rule           the rule that fires
 * @param longBurnRate   the burn rate over the rule's long window
 * @param shortBurnRate  the burn rate over the rule's short window
 * @param threshold      the rule's threshold for the SLO's window length
 */
public record BurnRateAlert(BurnRateRule rule, double longBurnRate, double shortBurnRate, double threshold) {

    /** @throws NullPointerException if {@code rule} is null */
    public BurnRateAlert {
        Objects.requireNonNull(rule, "rule must not be null");
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }
}
